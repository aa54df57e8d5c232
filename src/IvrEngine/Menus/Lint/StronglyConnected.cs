namespace IvrEngine.Menus.Lint;

/// <summary>
/// Tarjan's strongly connected components, with an explicit stack so a long chain cannot overflow the
/// thread's: the groups of vertices that can each reach all the others.
/// </summary>
internal static class StronglyConnected
{
    /// <summary>Each group with its vertices in <paramref name="vertices"/>' order; groups ordered by their first vertex.</summary>
    public static List<List<T>> Groups<T>(IReadOnlyList<T> vertices, Func<T, IEnumerable<T>> next)
        where T : notnull
    {
        var rank = new Dictionary<T, int>();
        foreach (var vertex in vertices) rank.TryAdd(vertex, rank.Count);
        var index = new Dictionary<T, int>();
        var low = new Dictionary<T, int>();
        var onStack = new HashSet<T>();
        var stack = new Stack<T>();
        var groups = new List<List<T>>();
        foreach (var root in vertices)
        {
            if (index.ContainsKey(root)) continue;
            var work = new Stack<(T Vertex, IEnumerator<T> Edges)>();
            Enter(root);
            while (work.Count > 0)
            {
                var (vertex, edges) = work.Peek();
                if (edges.MoveNext())
                {
                    var target = edges.Current;
                    if (!rank.ContainsKey(target)) continue;
                    if (!index.ContainsKey(target)) Enter(target);
                    else if (onStack.Contains(target)) low[vertex] = Math.Min(low[vertex], index[target]);
                    continue;
                }
                work.Pop();
                if (work.Count > 0) low[work.Peek().Vertex] = Math.Min(low[work.Peek().Vertex], low[vertex]);
                if (low[vertex] != index[vertex]) continue;
                var group = new List<T>();
                T member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (!EqualityComparer<T>.Default.Equals(member, vertex));
                groups.Add([.. group.OrderBy(v => rank[v])]);
            }

            void Enter(T vertex)
            {
                index[vertex] = low[vertex] = index.Count;
                stack.Push(vertex);
                onStack.Add(vertex);
                work.Push((vertex, next(vertex).GetEnumerator()));
            }
        }

        return [.. groups.OrderBy(g => rank[g[0]])];
    }
}
