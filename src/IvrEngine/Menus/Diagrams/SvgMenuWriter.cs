using System.Globalization;
using System.Text;
using System.Xml;

namespace IvrEngine.Menus.Diagrams;

/// <summary>
/// A menu as a standalone SVG picture: <c>ivr diagram MENU --format svg</c> and the HTTP service's
/// <c>GET /menus/diagram.svg</c>. The boxes and arrows are the ones the Mermaid and DOT writers draw
/// (<see cref="MenuGraphModel"/>), placed by Automatic Graph Layout (<see cref="MenuGraphLayout"/>);
/// this class only draws them. Every menu node is a <c>&lt;g class="node" id="node-ID" data-node="ID"&gt;</c>
/// and every queue a <c>&lt;g class="queue" id="queue-ID" data-queue="ID"&gt;</c>, so a page can light
/// or click them; arrows name their ends by those element ids (<c>data-from</c>, <c>data-to</c>).
/// Colours are presentation attributes, not a style sheet, so a page's CSS can override them and
/// nothing leaks into a page that inlines the picture. In a sketch of a menu with errors, a broken
/// arrow is red and dashed (<c>class="edge … broken"</c>) and ends at a red dashed
/// <c>&lt;g class="missing" data-missing="ID"&gt;</c> placeholder (ID as written); the legend then shows it too.
/// </summary>
public static class SvgMenuWriter
{
    /// <summary>How far a collect box's parallelogram leans.</summary>
    internal const double Slant = 10;

    private const double Margin = 16;
    private const string Text = "#111827";
    private const string Font = "DejaVu Sans, Helvetica, Arial, sans-serif";

    /// <summary>
    /// Arrow kinds: colour (each at least 4.5:1 on white, so the labels in it pass WCAG AA), dash
    /// pattern, and the legend's words.
    /// </summary>
    private static readonly Dictionary<ArrowKind, (string Colour, string? Dash, string Legend)> Styles = new()
    {
        [ArrowKind.Option] = ("#1d3557", null, "option: key and phrase"),
        [ArrowKind.Next] = ("#2f5d2f", null, "next: after the prompt or the digits"),
        [ArrowKind.Callback] = ("#0b5cad", "7 4", "callback booked"),
        [ArrowKind.Escape] = ("#a04000", "7 4", "escape to a human"),
        [ArrowKind.RetriesExhausted] = ("#6b21a8", "2 3", "retries exhausted"),
        [ArrowKind.Closed] = ("#9b1c1c", "9 3 2 3", "closed by the hours"),
    };

    /// <summary>A broken arrow: red (5.6:1 on white) and dashed, whatever its kind.</summary>
    private static readonly (string Colour, string? Dash, string Legend) Broken = ("#c62828", "5 4", "broken: its node or queue is missing");

    public static string Write(MenuSketch sketch, string? locale = null) => Write(sketch.Menu, locale);

    public static string Write(Menu menu, string? locale = null)
    {
        var model = MenuGraphModel.From(menu, locale);
        var graph = MenuGraphLayout.Lay(model);
        var elementIds = model.Boxes.ToDictionary(b => b.Id, ElementId, StringComparer.Ordinal);

        // The legend names broken arrows only where there are some, so a valid menu's picture is as it was.
        var anyBroken = model.Arrows.Any(a => a.Broken);
        var legendLines = model.Legend.Count + Styles.Count + 1 + (anyBroken ? 1 : 0);
        var legendHeight = (legendLines * TextMeasure.LineHeight) + (2 * TextMeasure.PaddingY);
        var legendWidth = Math.Max(
            model.Legend.Max(l => TextMeasure.Width(l, TextMeasure.BoxFont)),
            Styles.Values.Select(s => s.Legend).Concat(anyBroken ? [Broken.Legend] : []).Max(l => TextMeasure.Width(l, TextMeasure.BoxFont)) + 50) + (2 * TextMeasure.PaddingX);
        var width = Math.Max(graph.Width, legendWidth) + (2 * Margin);
        var height = graph.Height + legendHeight + (3 * Margin);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\""));
        svg.Append($" role=\"img\" aria-labelledby=\"menu-diagram-title\" font-family=\"{Font}\" data-menu=\"{Xml(menu.Name)}\" data-version=\"{Xml(menu.Version)}\">\n");
        svg.Append($"<title id=\"menu-diagram-title\">Menu {Xml(menu.Name)}, version {Xml(menu.Version)}: nodes, options, escapes, queues, hours and callbacks</title>\n");
        svg.Append(Invariant($"<rect class=\"background\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n"));
        svg.Append(Invariant($"<g class=\"graph\" transform=\"translate({N(Margin)},{N(Margin)})\">\n"));
        foreach (var arrow in graph.Arrows) DrawArrow(svg, arrow, elementIds);
        foreach (var box in graph.Boxes) DrawBox(svg, box, box.Box.Key == menu.StartNodeId && box.Box.Shape != GraphShape.Queue);
        svg.Append("</g>\n");
        DrawLegend(svg, model.Legend, anyBroken, Margin, graph.Height + (2 * Margin), legendWidth, legendHeight);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The element id a page finds a box by: node-ID, queue-ID, or end-hangup.</summary>
    private static string ElementId(GraphBox box) => box.Shape switch
    {
        GraphShape.Queue => "queue-" + box.Key,
        GraphShape.End => "end-" + box.Id,
        GraphShape.Missing => box.Id,
        _ => "node-" + box.Key,
    };

    private static void DrawBox(StringBuilder svg, PlacedBox placed, bool start)
    {
        var box = placed.Box;
        var (x, y, w, h) = (placed.TopLeft.X, placed.TopLeft.Y, placed.Width, placed.Height);
        var kind = box.Shape switch
        {
            GraphShape.Menu => "menu",
            GraphShape.Collect => "collect",
            GraphShape.Announcement => "announcement",
            GraphShape.Queue => "queue",
            _ => "end",
        };
        var group = box.Shape switch
        {
            GraphShape.Queue => $"<g class=\"queue\" id=\"queue-{Xml(box.Key!)}\" data-queue=\"{Xml(box.Key!)}\">",
            GraphShape.End => $"<g class=\"end\" id=\"end-{Xml(box.Id)}\" data-end=\"{Xml(box.Id)}\">",
            GraphShape.Missing => $"<g class=\"missing\" id=\"{Xml(box.Id)}\" data-missing=\"{Xml(box.Key!)}\">",
            _ => $"<g class=\"node{(start ? " start" : "")}\" id=\"node-{Xml(box.Key!)}\" data-node=\"{Xml(box.Key!)}\" data-kind=\"{kind}\">",
        };
        svg.Append(group);
        svg.Append($"<title>{Xml(string.Join(", ", box.Lines))}</title>");
        var stroke = start ? "#0f172a\" stroke-width=\"2.5" : "#334155\" stroke-width=\"1.2";
        switch (box.Shape)
        {
            case GraphShape.Menu:
                svg.Append(Invariant($"<rect class=\"shape\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"#e8f0fb\" stroke=\"{stroke}\"/>"));
                break;
            case GraphShape.Announcement:
                svg.Append(Invariant($"<rect class=\"shape\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" rx=\"10\" fill=\"#eaf5ea\" stroke=\"{stroke}\"/>"));
                break;
            case GraphShape.Collect:
                svg.Append(Invariant($"<polygon class=\"shape\" points=\"{N(x + Slant)},{N(y)} {N(x + w)},{N(y)} {N(x + w - Slant)},{N(y + h)} {N(x)},{N(y + h)}\" fill=\"#fdf3e1\" stroke=\"{stroke}\"/>"));
                break;
            case GraphShape.Queue:
                svg.Append(Invariant($"<rect class=\"shape\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"#f1ebfa\" stroke=\"{stroke}\"/>"));
                svg.Append(Invariant($"<rect x=\"{N(x + 3)}\" y=\"{N(y + 3)}\" width=\"{N(w - 6)}\" height=\"{N(h - 6)}\" fill=\"none\" stroke=\"#334155\" stroke-width=\"0.8\"/>"));
                break;
            case GraphShape.Missing:
                svg.Append(Invariant($"<rect class=\"shape\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"#fdecea\" stroke=\"{Broken.Colour}\" stroke-width=\"2\" stroke-dasharray=\"{Broken.Dash}\"/>"));
                break;
            default:
                svg.Append(Invariant($"<ellipse class=\"shape\" cx=\"{N(x + (w / 2))}\" cy=\"{N(y + (h / 2))}\" rx=\"{N(w / 2)}\" ry=\"{N(h / 2)}\" fill=\"#f3f4f6\" stroke=\"{stroke}\"/>"));
                break;
        }

        var textTop = y + ((h - (box.Lines.Count * TextMeasure.LineHeight)) / 2) + TextMeasure.BoxFont;
        svg.Append(Invariant($"<text x=\"{N(x + (w / 2))}\" y=\"{N(textTop)}\" font-size=\"{N(TextMeasure.BoxFont)}\" text-anchor=\"middle\" fill=\"{Text}\">"));
        for (var i = 0; i < box.Lines.Count; i++)
        {
            var weight = i == 0 ? " font-weight=\"bold\"" : "";
            svg.Append(Invariant($"<tspan x=\"{N(x + (w / 2))}\" dy=\"{N(i == 0 ? 0 : TextMeasure.LineHeight)}\"{weight}>{Xml(box.Lines[i])}</tspan>"));
        }

        svg.Append("</text></g>\n");
    }

    private static void DrawArrow(StringBuilder svg, RoutedArrow routed, Dictionary<string, string> elementIds)
    {
        var arrow = routed.Arrow;
        var (colour, dash, _) = arrow.Broken ? Broken : Styles[arrow.Kind];
        var kind = KindName(arrow.Kind);
        svg.Append($"<g class=\"edge edge-{kind}{(arrow.Broken ? " broken" : "")}\" data-kind=\"{kind}\" data-from=\"{Xml(elementIds[arrow.From])}\" data-to=\"{Xml(elementIds[arrow.To])}\">");
        svg.Append($"<title>{Xml(arrow.Label)}</title>");
        svg.Append($"<path d=\"{PathData(routed.Path)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.4\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");
        svg.Append($"<polygon points=\"{Arrowhead(routed.End, routed.Tip)}\" fill=\"{colour}\"/>");
        var (labelWidth, labelHeight) = TextMeasure.Label(arrow.Label);
        var c = routed.LabelCenter;
        svg.Append(Invariant($"<rect x=\"{N(c.X - (labelWidth / 2))}\" y=\"{N(c.Y - (labelHeight / 2))}\" width=\"{N(labelWidth)}\" height=\"{N(labelHeight)}\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>"));
        svg.Append(Invariant($"<text x=\"{N(c.X)}\" y=\"{N(c.Y + (TextMeasure.LabelFont * 0.35))}\" font-size=\"{N(TextMeasure.LabelFont)}\" text-anchor=\"middle\" fill=\"{colour}\">{Xml(arrow.Label)}</text>"));
        svg.Append("</g>\n");
    }

    private static void DrawLegend(StringBuilder svg, IReadOnlyList<string> lines, bool anyBroken, double x, double y, double width, double height)
    {
        svg.Append(Invariant($"<g class=\"legend\" transform=\"translate({N(x)},{N(y)})\"><title>Legend</title>"));
        svg.Append(Invariant($"<rect width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#f9fafb\" stroke=\"#6b7280\"/>"));
        var row = TextMeasure.PaddingY + TextMeasure.BoxFont;
        svg.Append(Invariant($"<text x=\"{N(TextMeasure.PaddingX)}\" y=\"{N(row)}\" font-size=\"{N(TextMeasure.BoxFont)}\" font-weight=\"bold\" fill=\"{Text}\">Legend</text>"));
        foreach (var line in lines)
        {
            row += TextMeasure.LineHeight;
            svg.Append(Invariant($"<text x=\"{N(TextMeasure.PaddingX)}\" y=\"{N(row)}\" font-size=\"{N(TextMeasure.BoxFont)}\" fill=\"{Text}\">{Xml(line)}</text>"));
        }

        var entries = Styles.Select(s => (Kind: KindName(s.Key), s.Value.Colour, s.Value.Dash, s.Value.Legend));
        if (anyBroken) entries = entries.Append(("broken", Broken.Colour, Broken.Dash, Broken.Legend));
        foreach (var (kind, colour, dash, words) in entries)
        {
            row += TextMeasure.LineHeight;
            var lineY = row - (TextMeasure.BoxFont * 0.35);
            svg.Append($"<g class=\"legend-edge\" data-kind=\"{kind}\">");
            svg.Append(Invariant($"<line x1=\"{N(TextMeasure.PaddingX)}\" y1=\"{N(lineY)}\" x2=\"{N(TextMeasure.PaddingX + 32)}\" y2=\"{N(lineY)}\" stroke=\"{colour}\" stroke-width=\"1.4\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>"));
            svg.Append(Invariant($"<polygon points=\"{Arrowhead(new Point2(TextMeasure.PaddingX + 32, lineY), new Point2(TextMeasure.PaddingX + 40, lineY))}\" fill=\"{colour}\"/>"));
            svg.Append(Invariant($"<text x=\"{N(TextMeasure.PaddingX + 48)}\" y=\"{N(row)}\" font-size=\"{N(TextMeasure.BoxFont)}\" fill=\"{colour}\">{Xml(words)}</text></g>"));
        }

        svg.Append("</g>\n");
    }

    private static string KindName(ArrowKind kind) => kind switch
    {
        ArrowKind.Option => "option",
        ArrowKind.Next => "next",
        ArrowKind.Callback => "callback",
        ArrowKind.Escape => "escape",
        ArrowKind.RetriesExhausted => "retries",
        _ => "closed",
    };

    private static string PathData(IReadOnlyList<Point2> points)
    {
        var d = new StringBuilder(Invariant($"M{N(points[0].X)},{N(points[0].Y)}"));
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].IsBezierMark)
            {
                d.Append(Invariant($" C{N(points[i + 1].X)},{N(points[i + 1].Y)} {N(points[i + 2].X)},{N(points[i + 2].Y)} {N(points[i + 3].X)},{N(points[i + 3].Y)}"));
                i += 3;
            }
            else
            {
                d.Append(Invariant($" L{N(points[i].X)},{N(points[i].Y)}"));
            }
        }

        return d.ToString();
    }

    /// <summary>A triangle from the curve's end (its base) to the tip on the target's outline.</summary>
    private static string Arrowhead(Point2 end, Point2 tip)
    {
        var (dx, dy) = (tip.X - end.X, tip.Y - end.Y);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 0.01) return Invariant($"{N(tip.X)},{N(tip.Y)}");
        var (nx, ny) = (-dy / length * 4, dx / length * 4);
        return Invariant($"{N(tip.X)},{N(tip.Y)} {N(end.X + nx)},{N(end.Y + ny)} {N(end.X - nx)},{N(end.Y - ny)}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text and attribute values escaped, and characters XML cannot hold replaced, so any menu text draws.</summary>
    internal static string Xml(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsSurrogate(c) || XmlConvert.IsXmlChar(c) => c.ToString(),
                _ => "\uFFFD",
            });
        }

        return escaped.ToString();
    }
}
