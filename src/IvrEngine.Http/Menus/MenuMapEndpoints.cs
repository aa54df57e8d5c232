using IvrEngine.Http.Infrastructure;
using IvrEngine.Menus;
using IvrEngine.Menus.Diagrams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IvrEngine.Http.Menus;

/// <summary>
/// What the menu map page reads: the served menu drawn as SVG, its nodes in detail, and the state of
/// its file. All three describe the version new calls get — the last good one — so an invalid edit of
/// the file shows up in <c>/menus/status</c> while the picture and the nodes keep showing what serves.
/// </summary>
internal static class MenuMapEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/menus/diagram.svg", Diagram).WithTags("Menus").Produces<string>(contentType: "image/svg+xml")
            .WithSummary("The served menu drawn as SVG (nodes node-ID, queues queue-ID); ?locale= labels the arrows with that locale's phrases");
        app.MapGet("/menus/nodes", Nodes).WithTags("Menus").Produces<MenuNodesView>().WithSummary("The served menu's nodes and queues in detail");
        app.MapGet("/menus/status", Status).WithTags("Menus").Produces<MenuStatus>()
            .WithSummary("The served version, since when, and the located problems of the file when an edit was refused");
    }

    private static IResult Diagram(ServedLine line, MenuDiagrams diagrams, string? locale)
    {
        if (line.Menu is not { } menu) return NoMenu();
        if (locale is not null && menu.ResolveLocale(locale) is null)
        {
            return Problems.Invalid("locale", $"The menu has no locale '{Problems.Printable(locale)}'; it has {string.Join(", ", menu.Locales)}.");
        }

        return TypedResults.Text(diagrams.Svg(menu, locale), "image/svg+xml; charset=utf-8");
    }

    private static IResult Nodes(ServedLine line) => line.Menu is { } menu ? TypedResults.Ok(MenuNodesView.Of(menu)) : NoMenu();

    private static IResult Status(ServedLine line)
    {
        if (line.MenuPath is not { } path || line.Catalog.Status(path) is not { } status) return NoMenu();
        return TypedResults.Ok(new MenuStatus(status.Serving.Name, status.Serving.Version, status.LoadedAt, [.. status.Problems.Select(MenuProblem.Of)]));
    }

    private static IResult NoMenu() => Problems.Conflict("no-menu", "No menu served", "The line has no menu loaded yet.");
}

/// <summary>The served menu file: the version serving since <paramref name="LoadedAt"/>, and what is wrong with the file now.</summary>
/// <param name="Problems">Empty when the file is good; when an edit left it invalid, that reload's located diagnostics, while this version keeps serving.</param>
public sealed record MenuStatus(string Menu, string Version, DateTimeOffset LoadedAt, IReadOnlyList<MenuProblem> Problems);

/// <summary>One located diagnostic of the served file.</summary>
/// <param name="File">The file's name (not its folder).</param>
/// <param name="Path">Where in the document, as a JSON path.</param>
public sealed record MenuProblem(string File, int Line, int Column, string Severity, string Code, string Message, string Path)
{
    public static MenuProblem Of(MenuDiagnostic d) =>
        new(System.IO.Path.GetFileName(d.File), d.Line, d.Column, d.IsError ? "error" : "warning", d.Code, d.Message, d.JsonPath);
}

/// <summary>
/// Laying out a menu takes a moment, and the map page asks often: each picture is kept for the
/// version and locale it shows, and a new version replaces the old ones.
/// </summary>
public sealed class MenuDiagrams
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Version, string Locale), string> _pictures = [];

    public string Svg(Menu menu, string? locale)
    {
        var resolved = menu.ResolveLocale(locale) ?? menu.DefaultLocale;
        lock (_lock)
        {
            if (_pictures.TryGetValue((menu.Version, resolved), out var svg)) return svg;
        }

        var drawn = SvgMenuWriter.Write(menu, resolved);
        lock (_lock)
        {
            foreach (var stale in _pictures.Keys.Where(k => k.Version != menu.Version).ToList()) _pictures.Remove(stale);
            _pictures[(menu.Version, resolved)] = drawn;
        }

        return drawn;
    }
}
