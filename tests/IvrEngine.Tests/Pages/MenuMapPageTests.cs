using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IvrEngine.Tests.Pages;

/// <summary>The menu map in Chromium: a node's details, and a broken edit of the served file while the last good version serves.</summary>
public sealed class MenuMapPageTests
{
    [Test]
    public async Task ClickingANode_ShowsItsPromptsInEachLanguage_ItsOptions_AndItsTimeouts()
    {
        await using var server = await PagesServer.StartAsync();
        await using var context = await Browser.NewContextAsync(server.Address);
        var map = await context.NewPageAsync();
        await map.GotoAsync("/map.html");

        await map.Locator("#diagram g.node[data-node=billing]").ClickAsync();

        var details = map.Locator("#details");
        await Expect(map.Locator("#details-title")).ToHaveTextAsync("Node billing");
        await Expect(details).ToContainTextAsync("en-USBilling and payments.");
        await Expect(details).ToContainTextAsync("ru-RUОплата и начисления.");
        await Expect(details.Locator("tbody tr").First).ToContainTextAsync("1");
        await Expect(details).ToContainTextAsync("No input5 s, 2 retries");
        await Expect(map.Locator("#diagram g.node[data-node=billing]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Browser.ScreenshotAsync(map, "map", forDocs: true);
    }

    [Test]
    public async Task ABrokenEditOfTheServedMenu_ShowsItsLocatedErrorOnTheMap_WhileThePhoneStillWorksOnTheLastGoodVersion_ThenAGoodEditRedraws()
    {
        await using var server = await PagesServer.StartAsync();
        using var api = new HttpClient { BaseAddress = new Uri(server.Address) };
        var goodVersion = server.Line.Menu!.Version;
        await using var context = await Browser.NewContextAsync(server.Address);
        var map = await context.NewPageAsync();
        await map.GotoAsync("/map.html");
        await Expect(map.Locator("#served")).ToContainTextAsync($"version {goodVersion}");
        await Expect(map.Locator("#problems")).ToBeHiddenAsync();

        // The start names a node the menu does not have: the file no longer loads.
        var good = await File.ReadAllTextAsync(server.MenuPath);
        var lines = good.Split('\n');
        var startLine = Array.FindIndex(lines, l => l.Contains("\"start\": \"main\"", StringComparison.Ordinal)) + 1;
        await File.WriteAllTextAsync(server.MenuPath, good.Replace("\"start\": \"main\"", "\"start\": \"nowhere\"", StringComparison.Ordinal));
        await ReloadAsync(api, status => status.GetProperty("problems").GetArrayLength() > 0);

        var problems = map.Locator("#problems");
        await Expect(problems).ToBeVisibleAsync();
        await Expect(problems).ToContainTextAsync(new Regex($@"carrier-support\.json:{startLine}:\d+ error IVR\d{{4}} .*nowhere"));
        await Expect(map.Locator("#served")).ToContainTextAsync($"version {goodVersion}");
        await Expect(map.Locator("#diagram g.node[data-node=main]")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(map, "map-broken-edit", forDocs: true);

        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/phone.html");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Dial" }).ClickAsync();
        await Expect(phone.Locator("#version")).ToHaveTextAsync(goodVersion);
        await Expect(phone.Locator("#prompts li").First).ToContainTextAsync("Thanks for calling customer care");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Key 2" }).ClickAsync();
        await Expect(phone.Locator("#node")).ToHaveTextAsync("billing");
        await Expect(phone.Locator("#diagram g.node.current")).ToHaveAttributeAsync("data-node", "billing");

        // A good edit: the errors go, and the map draws the new version.
        await File.WriteAllTextAsync(server.MenuPath, good.Replace("Sample customer-support line", "Sample support line", StringComparison.Ordinal));
        await ReloadAsync(api, status => status.GetProperty("problems").GetArrayLength() == 0 && status.GetProperty("version").GetString() != goodVersion);
        var newVersion = server.Line.Menu!.Version;
        await Expect(map.Locator("#problems")).ToBeHiddenAsync();
        await Expect(map.Locator("#served")).ToContainTextAsync($"Redrawn: version {newVersion} replaced {goodVersion}.");
        await Expect(map.Locator("#diagram svg")).ToHaveAttributeAsync("data-version", newVersion);
    }

    /// <summary>
    /// The file watcher's debounce runs on the service's virtual clock: nudge time on until the
    /// reload has happened (the watcher's own event comes in real time).
    /// </summary>
    private static async Task ReloadAsync(HttpClient api, Func<System.Text.Json.JsonElement, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            (await api.PostAsJsonAsync("/clock/advance", new { seconds = 1 })).EnsureSuccessStatusCode();
            var status = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/menus/status");
            if (done(status)) return;
            await Task.Delay(50);
        }
        Assert.Fail("The served file was not reloaded within 5 s.");
    }
}
