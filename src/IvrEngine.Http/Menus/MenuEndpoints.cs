using IvrEngine.Files;
using IvrEngine.Http.Infrastructure;
using IvrEngine.Menus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IvrEngine.Http.Menus;

/// <summary>
/// The served menu: validate a posted one (the diagnostics <c>ivr validate</c> gives), publish it as
/// the next version (calls in progress stay on theirs), list the versions. The menu is always the one
/// file the service was started with: no request names a path.
/// </summary>
internal static class MenuEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder writes)
    {
        app.MapGet("/menus", Current).WithTags("Menus").Produces<MenuSummary>().WithSummary("The served menu and its versions");
        app.MapGet("/menus/versions", Versions).WithTags("Menus").Produces<MenuVersion[]>().WithSummary("Versions served since the start, oldest first");
        writes.MapPost("/menus/validate", ValidateAsync).WithTags("Menus").Accepts<object>("application/json").Produces<ValidationReport>().WithSummary("Validate a menu document");
        writes.MapPost("/menus/publish", PublishAsync).WithTags("Menus").Accepts<object>("application/json").Produces<MenuSummary>(StatusCodes.Status201Created)
            .WithSummary("Publish a menu document as the served menu's next version; refused (422) with its diagnostics when invalid");
        MenuMapEndpoints.Map(app);
    }

    private static IResult Current(ServedLine line) =>
        line.Menu is { } menu ? TypedResults.Ok(Summary(line, menu)) : Problems.Conflict("no-menu", "No menu served", "The line has no menu loaded yet.");

    private static IResult Versions(ServedLine line) => TypedResults.Ok(line.Versions());

    private static async Task<IResult> ValidateAsync(HttpRequest request, ServedLine line)
    {
        var (bytes, problem) = await JsonBody.ReadBytesAsync(request);
        if (problem is not null) return problem;
        var loaded = MenuLoader.Load(bytes, FileLabel(line));
        return TypedResults.Ok(new ValidationReport(loaded.Succeeded, loaded.Menu?.Version, [.. loaded.Diagnostics.Select(DiagnosticView.Of)]));
    }

    private static async Task<IResult> PublishAsync(HttpRequest request, ServedLine line)
    {
        var (bytes, problem) = await JsonBody.ReadBytesAsync(request);
        if (problem is not null) return problem;
        if (line.MenuPath is not { } path || line.Menu is not { } served) return Problems.Conflict("no-menu", "No menu served", "The line has no menu loaded yet.");
        var loaded = MenuLoader.Load(bytes, FileLabel(line));
        if (!loaded.Succeeded) return Refused("The menu has errors; the served version is unchanged.", loaded);
        if (loaded.Menu.Name != served.Name)
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "menu-renamed", "Menu renamed",
                $"The posted menu is named '{Problems.Printable(loaded.Menu.Name)}'; this service serves '{served.Name}' and callers name it so.");
        }

        try
        {
            await WholeFileReplacement.ReplaceAsync(path, bytes, "publishing", request.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (FileFailure.Is(exception))
        {
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable, "menu-not-written", "Menu not written", $"The menu file could not be written: {exception.Message}");
        }
        var reloaded = line.Catalog.Reload(path);
        if (!reloaded.Succeeded) return Refused("The file changed under the service while publishing; the served version is unchanged.", reloaded);
        line.Published(reloaded.Menu);
        return TypedResults.Created("/menus", Summary(line, reloaded.Menu));
    }

    private static IResult Refused(string detail, MenuLoadResult loaded) =>
        Problems.Problem(StatusCodes.Status422UnprocessableEntity, "invalid-menu", "Invalid menu", detail, ("diagnostics", loaded.Diagnostics.Select(DiagnosticView.Of).ToList()));

    /// <summary>Diagnostics name the served file by its name only: the server's folders are not shown to clients.</summary>
    private static string FileLabel(ServedLine line) => line.MenuPath is { } path ? Path.GetFileName(path) : "menu.json";

    private static MenuSummary Summary(ServedLine line, Menu menu) =>
        new(menu.Name, menu.Version, menu.Locales, [.. menu.Queues.Keys.Order(StringComparer.Ordinal)], line.Versions());
}

/// <summary>The served menu: name, current version, locales, queues, and every version served.</summary>
public sealed record MenuSummary(string Name, string Version, IReadOnlyList<string> Locales, IReadOnlyList<string> Queues, IReadOnlyList<MenuVersion> Versions);

/// <summary>What validating a posted menu found.</summary>
public sealed record ValidationReport(bool Valid, string? Version, IReadOnlyList<DiagnosticView> Diagnostics);

/// <summary>One located diagnostic, as <c>ivr validate</c> prints it.</summary>
public sealed record DiagnosticView(string File, int Line, int Column, string Severity, string Code, string Message, string JsonPath)
{
    public static DiagnosticView Of(MenuDiagnostic d) => new(d.File, d.Line, d.Column, d.IsError ? "error" : "warning", d.Code, d.Message, d.JsonPath);
}
