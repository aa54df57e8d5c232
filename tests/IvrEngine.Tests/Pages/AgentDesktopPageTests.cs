using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IvrEngine.Tests.Pages;

/// <summary>The agent desktop in Chromium, with the phone and the wallboard open beside it.</summary>
public sealed class AgentDesktopPageTests
{
    [Test]
    public async Task AnAgentSignedInOnTheDesktop_SeesTheCallRingWithItsPath_AcceptsIt_AndThePhoneAndWallboardShowIt_ThenHangsUpAndWrapsUp()
    {
        await using var server = await PagesServer.StartAsync();
        await using var context = await Browser.NewContextAsync(server.Address);
        var wallboard = await context.NewPageAsync();
        await wallboard.GotoAsync("/wallboard.html");
        await Expect(wallboard.Locator("#live")).ToHaveTextAsync("Live");

        // Every general agent of the staffing file is busy at 09:15: the person signed in is offered the call.
        var desk = await context.NewPageAsync();
        await desk.GotoAsync("/agent.html");
        await desk.GetByLabel("Your name").FillAsync("Alex");
        await Expect(desk.GetByLabel("general")).ToBeCheckedAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(desk.Locator("#agent-state")).ToHaveTextAsync("Not ready");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ready", Exact = true }).ClickAsync();
        await Expect(desk.Locator("#agent-state")).ToHaveTextAsync("Ready: waiting for a call");

        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/phone.html");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Dial" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Key 2" }).ClickAsync();
        await Expect(phone.Locator("#node")).ToHaveTextAsync("billing");
        await phone.GetByLabel("Say", new() { Exact = true }).FillAsync("operator");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Say it" }).ClickAsync();
        var reference = await phone.Locator("#reference").TextContentAsync();

        await Expect(desk.Locator("#offer")).ToBeVisibleAsync();
        await Expect(desk.Locator("#offer-call")).ToContainTextAsync(reference!);
        await Expect(desk.Locator("#offer-queue")).ToHaveTextAsync("general");
        await Expect(desk.Locator("#offer-path li")).ToHaveTextAsync(["main", "billing"]);
        await Expect(desk.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToBeFocusedAsync();
        await Browser.ScreenshotAsync(desk, "agent-ringing", forDocs: true);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        await Expect(desk.Locator("#agent-state")).ToHaveTextAsync("On a call");
        await Expect(desk.Locator("#call-ref")).ToContainTextAsync(reference!);
        await Expect(phone.Locator("#state")).ToHaveTextAsync("WithAgent");
        await Expect(phone.Locator("#events")).ToContainTextAsync("agent-connected Alex");
        var general = wallboard.Locator("li[data-queue=general]");
        await Expect(general.Locator("[data-figure=answered] dd")).ToHaveTextAsync("1");
        await Expect(general.Locator("[data-figure=waiting] dd")).ToHaveTextAsync("0");
        // The simulated agents are busy too: the tile shows what the API counts, Alex among the talking.
        using var api = new HttpClient { BaseAddress = new Uri(server.Address) };
        var figures = await api.GetFromJsonAsync<JsonElement>("/queues/general");
        var talking = figures.GetProperty("agents").GetProperty("OnCall").GetInt32() + figures.GetProperty("agents").GetProperty("Ringing").GetInt32();
        Assert.That(talking, Is.GreaterThanOrEqualTo(1));
        await Expect(general.Locator("[data-figure=agents]")).ToContainTextAsync($"Talking{talking}");
        await Browser.ScreenshotAsync(desk, "agent");
        await Browser.ScreenshotAsync(wallboard, "wallboard-answered");

        await desk.BringToFrontAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Hang up" }).ClickAsync();
        await Expect(desk.Locator("#agent-state")).ToContainTextAsync("Wrap-up");
        await Expect(phone.Locator("#state")).ToHaveTextAsync("Ended");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Wrap-up done" }).ClickAsync();
        await Expect(desk.Locator("#agent-state")).ToHaveTextAsync("Ready: waiting for a call");
    }

    [Test]
    public async Task ALiveSeatOfTheStaffingFile_IsOfferedOnTheDesktop_AndSigningInThereTakesItsQueues()
    {
        await using var server = await PagesServer.StartAsync("carrier-support.desk.staffing.json");
        await using var context = await Browser.NewContextAsync(server.Address);
        var desk = await context.NewPageAsync();
        await desk.GotoAsync("/agent.html");

        var seats = desk.Locator("#seat option");
        await Expect(seats).ToHaveCountAsync(3);
        var seat = await seats.Nth(1).GetAttributeAsync("value");
        await Expect(seats.Nth(1)).ToHaveTextAsync($"{seat} (billing, general)");
        await desk.GetByLabel("Seat").SelectOptionAsync(seat!);
        await Expect(desk.GetByLabel("Your name")).ToBeHiddenAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(desk.Locator("#who")).ToHaveTextAsync(seat!);
        await Expect(desk.Locator("#agent-state")).ToHaveTextAsync("Not ready");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Ready", Exact = true }).ClickAsync();
        await Expect(desk.Locator("#agent-state")).ToHaveTextAsync("Ready: waiting for a call");

        // Another desk sees the seat taken: only the other one is offered.
        var other = await context.NewPageAsync();
        await other.GotoAsync("/agent.html");
        await Expect(other.Locator("#seat option")).ToHaveCountAsync(2);
        await Expect(other.Locator($"#seat option[value='{seat}']")).ToHaveCountAsync(0);
    }
}
