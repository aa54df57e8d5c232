using System.Text;

namespace IvrEngine.Menus.Diagrams;

/// <summary>
/// A menu as a Graphviz DOT graph: <c>ivr diagram MENU --format dot | dot -Tsvg</c>. In a sketch of a
/// menu with errors, broken edges are red and dashed, and their "missing" placeholders red dashed boxes.
/// </summary>
public static class DotMenuWriter
{
    private const string Red = "\"#c62828\"";

    public static string Write(MenuSketch sketch, string? locale = null) => Write(sketch.Menu, locale);

    public static string Write(Menu menu, string? locale = null)
    {
        var model = MenuGraphModel.From(menu, locale);
        var text = new StringBuilder();
        text.Append($"digraph {Quote(menu.Name)} {{\n");
        text.Append("  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
        text.Append($"  legend [shape=note, label={Quote(string.Join("\n", model.Legend))}];\n");
        foreach (var box in model.Boxes)
        {
            var shape = box.Shape switch
            {
                GraphShape.Menu => "box",
                GraphShape.Collect => "parallelogram",
                GraphShape.Announcement => "box, style=rounded",
                GraphShape.Queue => "box, peripheries=2",
                GraphShape.Missing => $"box, style=\"dashed,filled\", fillcolor=\"#fdecea\", color={Red}, fontcolor={Red}",
                _ => "doublecircle",
            };
            text.Append($"  {box.Id} [shape={shape}, label={Quote(string.Join("\n", box.Lines))}];\n");
        }

        foreach (var arrow in model.Arrows)
        {
            var style = arrow.Broken ? $", style=dashed, color={Red}, fontcolor={Red}, penwidth=2" : arrow.Dashed ? ", style=dashed" : "";
            text.Append($"  {arrow.From} -> {arrow.To} [label={Quote(arrow.Label)}{style}];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
