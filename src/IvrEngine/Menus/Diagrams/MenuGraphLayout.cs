using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;

namespace IvrEngine.Menus.Diagrams;

/// <summary>
/// Places the <see cref="MenuGraphModel"/>'s boxes and routes its arrows with Microsoft Automatic Graph
/// Layout (layered, left to right, as <c>dot</c>'s rankdir=LR). The layout works in y-up coordinates;
/// everything returned here is already turned into SVG's y-down space with its origin at (0, 0).
/// </summary>
internal static class MenuGraphLayout
{
    public static LaidOutGraph Lay(MenuGraphModel model)
    {
        var graph = new GeometryGraph();
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var box in model.Boxes)
        {
            var (width, height) = TextMeasure.Box(box);
            var node = new Node(Boundary(box.Shape, width, height), box.Id);
            nodes[box.Id] = node;
            graph.Nodes.Add(node);
        }

        var edges = new List<(GraphArrow Arrow, Edge Edge)>();
        foreach (var arrow in model.Arrows)
        {
            var edge = new Edge(nodes[arrow.From], nodes[arrow.To]);
            var (width, height) = TextMeasure.Label(arrow.Label);
            edge.Label = new Label(width, height, edge);
            edge.EdgeGeometry.TargetArrowhead = new Arrowhead();
            graph.Edges.Add(edge);
            edges.Add((arrow, edge));
        }

        var settings = new SugiyamaLayoutSettings
        {
            Transformation = PlaneTransformation.Rotation(Math.PI / 2),
            NodeSeparation = 18,
            LayerSeparation = 60,
        };
        LayoutHelpers.CalculateLayout(graph, settings, null);

        var bounds = graph.BoundingBox;
        Point2 Flip(Point p) => new(p.X - bounds.Left, bounds.Top - p.Y);

        var placed = model.Boxes.Select(box =>
        {
            var b = nodes[box.Id].BoundingBox;
            return new PlacedBox(box, new Point2(b.Left - bounds.Left, bounds.Top - b.Top), b.Width, b.Height);
        }).ToList();
        var routed = edges.Select(e => new RoutedArrow(
            e.Arrow,
            [.. Points(e.Edge.Curve).Select(Flip)],
            Flip(e.Edge.Curve.End),
            Flip(e.Edge.EdgeGeometry.TargetArrowhead?.TipPosition ?? e.Edge.Curve.End),
            Flip(e.Edge.Label.Center))).ToList();
        return new LaidOutGraph(placed, routed, bounds.Width, bounds.Height);
    }

    /// <summary>The outline edges are clipped to: the shape each kind of box is drawn with.</summary>
    private static ICurve Boundary(GraphShape shape, double width, double height) => shape switch
    {
        GraphShape.Announcement => CurveFactory.CreateRectangleWithRoundedCorners(width, height, 10, 10, new Point()),
        GraphShape.End => CurveFactory.CreateEllipse(width / 2, height / 2, new Point()),
        GraphShape.Collect => new Polyline(
            new Point(-width / 2 + SvgMenuWriter.Slant, height / 2),
            new Point(width / 2, height / 2),
            new Point(width / 2 - SvgMenuWriter.Slant, -height / 2),
            new Point(-width / 2, -height / 2)) { Closed = true },
        _ => CurveFactory.CreateRectangle(width, height, new Point()),
    };

    /// <summary>
    /// The edge's curve as points along it: straight pieces and cubic Béziers are kept exact (the
    /// Bézier as its four control points, marked), anything else is sampled finely enough to look smooth.
    /// </summary>
    private static IEnumerable<Point> Points(ICurve curve)
    {
        var segments = curve is Curve composite ? composite.Segments : [curve];
        yield return curve.Start;
        foreach (var segment in segments)
        {
            if (segment is LineSegment line)
            {
                yield return line.End;
            }
            else if (segment is CubicBezierSegment bezier)
            {
                // Marked by NaN so the writer emits one 'C' command: B(1), B(2), B(3).
                yield return new Point(double.NaN, double.NaN);
                yield return bezier.B(1);
                yield return bezier.B(2);
                yield return bezier.B(3);
            }
            else
            {
                const int Steps = 24;
                for (var i = 1; i <= Steps; i++) yield return segment[segment.ParStart + ((segment.ParEnd - segment.ParStart) * i / Steps)];
            }
        }
    }
}

/// <summary>A point in the SVG's space (y down).</summary>
internal readonly record struct Point2(double X, double Y)
{
    public bool IsBezierMark => double.IsNaN(X);
}

internal sealed record PlacedBox(GraphBox Box, Point2 TopLeft, double Width, double Height);

/// <param name="Path">Points along the curve; a NaN point announces that a cubic Bézier's three points follow.</param>
/// <param name="End">Where the curve stops and the arrowhead's base sits.</param>
/// <param name="Tip">The arrowhead's tip, on the target's outline.</param>
internal sealed record RoutedArrow(GraphArrow Arrow, IReadOnlyList<Point2> Path, Point2 End, Point2 Tip, Point2 LabelCenter);

internal sealed record LaidOutGraph(IReadOnlyList<PlacedBox> Boxes, IReadOnlyList<RoutedArrow> Arrows, double Width, double Height);

/// <summary>
/// Text sizes without a font engine: a generous average character width for the sans-serif the SVG
/// names, so a box is never narrower than its text in the common fonts.
/// </summary>
internal static class TextMeasure
{
    public const double BoxFont = 12;
    public const double LabelFont = 11;
    public const double LineHeight = 15;
    public const double PaddingX = 10;
    public const double PaddingY = 7;

    public static double Width(string text, double fontSize) => text.Length * fontSize * 0.6;

    public static (double Width, double Height) Box(GraphBox box)
    {
        var textWidth = box.Lines.Max(line => Width(line, BoxFont));
        var width = textWidth + (2 * PaddingX) + (box.Shape == GraphShape.Collect ? 2 * SvgMenuWriter.Slant : 0);
        var height = (box.Lines.Count * LineHeight) + (2 * PaddingY);
        // An ellipse needs room around its text.
        return box.Shape == GraphShape.End ? (width * 1.3, height * 1.6) : (width, height);
    }

    public static (double Width, double Height) Label(string text) => (Width(text, LabelFont) + 6, LabelFont + 5);
}
