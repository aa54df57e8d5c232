namespace IvrEngine.Menus.Loading;

/// <summary>
/// The cycles of a graph in which every vertex has at most one successor (an announcement's next, a
/// closed place's whenClosed). One walk per vertex that stops at any vertex already walked finds
/// every cycle in time linear in the graph.
/// </summary>
internal static class FunctionalCycles
{
    /// <summary>Each cycle once, starting from its vertex earliest in <paramref name="order"/>; cycles in that order too.</summary>
    public static List<List<T>> Find<T>(IEnumerable<T> order, Func<T, T?> next)
        where T : notnull
    {
        var rank = new Dictionary<T, int>();
        foreach (var vertex in order) rank.TryAdd(vertex, rank.Count);

        // The walk that first reached each vertex, and where on that walk's path it stands.
        var walked = new Dictionary<T, (int Walk, int Index)>();
        var cycles = new List<List<T>>();
        var path = new List<T>();
        foreach (var vertex in rank.Keys)
        {
            path.Clear();
            var walk = walked.Count;
            T? current = vertex;
            while (current is not null && !walked.ContainsKey(current))
            {
                walked[current] = (walk, path.Count);
                path.Add(current);
                current = next(current);
            }
            if (current is not null && walked[current].Walk == walk)
            {
                var cycle = path.GetRange(walked[current].Index, path.Count - walked[current].Index);
                var first = cycle.IndexOf(cycle.MinBy(Rank)!);
                cycles.Add([.. cycle.Skip(first), .. cycle.Take(first)]);
            }
        }

        return [.. cycles.OrderBy(cycle => Rank(cycle[0]))];

        int Rank(T vertex) => rank.GetValueOrDefault(vertex, int.MaxValue);
    }
}
