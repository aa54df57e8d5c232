namespace IvrEngine.Menus.Loading;

/// <summary>
/// Problems of resolved policies (an escape with no <c>to</c>) belong where the gap is written:
/// when forty nodes inherit one gap from <c>defaults</c>, ops get one message there naming the
/// nodes, not forty.
/// </summary>
internal sealed class InheritedProblems
{
    private readonly Dictionary<(string Code, string Path), (SourcePoint At, string Problem, List<string> Nodes)> _problems = [];

    public void Add(string code, SourcePoint at, string problem, string nodeId)
    {
        if (!_problems.TryGetValue((code, at.Path), out var entry))
        {
            entry = (at, problem, []);
            _problems.Add((code, at.Path), entry);
        }

        entry.Nodes.Add(nodeId);
    }

    public bool Has(string code, string path) => _problems.ContainsKey((code, path));

    public void Report(DiagnosticBag diagnostics)
    {
        foreach (var ((code, _), (at, problem, nodes)) in _problems)
        {
            diagnostics.Error(code, at, $"{problem} ({(nodes.Count == 1 ? "node" : "nodes")} {NameList.Few(nodes)})");
        }
    }
}
