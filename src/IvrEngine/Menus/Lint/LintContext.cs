using IvrEngine.Menus.Loading;

namespace IvrEngine.Menus.Lint;

/// <summary>What a rule looks at: the loaded menu, where its parts are written, and the limits.</summary>
internal sealed class LintContext(Menu menu, MenuSource source, LintOptions options)
{
    public Menu Menu { get; } = menu;

    public MenuSource Source { get; } = source;

    public LintOptions Options { get; } = options;

    /// <summary>The nodes in file order (the model's dictionary has none), so findings read top to bottom.</summary>
    public IEnumerable<MenuNode> Nodes => Menu.Nodes.Values.OrderBy(n => Source.Locate("nodes", n.Id).Line).ThenBy(n => n.Id, StringComparer.Ordinal);

    public SourcePoint Node(string nodeId) => Source.Locate("nodes", nodeId);

    public SourcePoint Option(string nodeId, int index, params object[] more) => Source.Locate(["nodes", nodeId, "options", index, .. more]);
}
