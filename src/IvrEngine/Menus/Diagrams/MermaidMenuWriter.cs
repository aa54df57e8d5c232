using System.Text;

namespace IvrEngine.Menus.Diagrams;

/// <summary>
/// A menu as a Mermaid flowchart (renders on GitHub and GitLab): <c>ivr diagram MENU --format mermaid</c>.
/// In a sketch of a menu with errors, broken arrows are red and dashed, and their "missing" placeholders red.
/// </summary>
public static class MermaidMenuWriter
{
    private const string BrokenClass = "missing";

    public static string Write(MenuSketch sketch, string? locale = null) => Write(sketch.Menu, locale);

    public static string Write(Menu menu, string? locale = null)
    {
        var model = MenuGraphModel.From(menu, locale);
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        text.Append($"  legend>\"{Escape(string.Join("<br/>", model.Legend))}\"]\n");
        foreach (var box in model.Boxes)
        {
            var label = Escape(string.Join("<br/>", box.Lines));
            var (open, close) = box.Shape switch
            {
                GraphShape.Menu => ("[\"", "\"]"),
                GraphShape.Collect => ("[/\"", "\"/]"),
                GraphShape.Announcement => ("([\"", "\"])"),
                GraphShape.Queue => ("[[\"", "\"]]"),
                GraphShape.Missing => ("[\"", $"\"]:::{BrokenClass}"),
                _ => ("((\"", "\"))"),
            };
            text.Append($"  {box.Id}{open}{label}{close}\n");
        }

        // linkStyle names links by their order in the chart.
        var broken = new List<int>();
        for (var i = 0; i < model.Arrows.Count; i++)
        {
            var arrow = model.Arrows[i];
            if (arrow.Broken) broken.Add(i);
            text.Append($"  {arrow.From} {(arrow.Dashed || arrow.Broken ? "-.->" : "-->")}|\"{Escape(arrow.Label)}\"| {arrow.To}\n");
        }

        // Written only when something is broken, so a valid menu's chart is as it always was.
        if (model.Boxes.Any(b => b.Shape == GraphShape.Missing))
        {
            text.Append($"  classDef {BrokenClass} fill:#fdecea,stroke:#c62828,stroke-width:2px,stroke-dasharray:5 5,color:#8e0000\n");
        }

        if (broken.Count > 0)
        {
            text.Append($"  linkStyle {string.Join(",", broken)} stroke:#c62828,stroke-width:2px,stroke-dasharray:5 5,color:#c62828\n");
        }

        return text.ToString();
    }

    /// <summary>Mermaid's entity codes: '#' starts one, so it is written as one too.</summary>
    private static string Escape(string text) => text.Replace("#", "#35;", StringComparison.Ordinal).Replace("\"", "#quot;", StringComparison.Ordinal);
}
