using System.Text;

namespace IvrEngine.Menus.Diagrams;

/// <summary>A menu as a Mermaid flowchart (renders on GitHub and GitLab): <c>ivr diagram MENU --format mermaid</c>.</summary>
public static class MermaidMenuWriter
{
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
                _ => ("((\"", "\"))"),
            };
            text.Append($"  {box.Id}{open}{label}{close}\n");
        }

        foreach (var arrow in model.Arrows)
        {
            text.Append($"  {arrow.From} {(arrow.Dashed ? "-.->" : "-->")}|\"{Escape(arrow.Label)}\"| {arrow.To}\n");
        }

        return text.ToString();
    }

    /// <summary>Mermaid's entity codes: '#' starts one, so it is written as one too.</summary>
    private static string Escape(string text) => text.Replace("#", "#35;", StringComparison.Ordinal).Replace("\"", "#quot;", StringComparison.Ordinal);
}
