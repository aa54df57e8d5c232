using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IvrEngine.Tests.Pages;

/// <summary>The phone page in Chromium against a real service in virtual time, with the wallboard open beside it.</summary>
public sealed class PhonePageTests
{
    [Test]
    public async Task DialFromTheKeypad_Press2_SayOperator_TheWallboardShowsOneWaitingWithinTwoSeconds_AndTheMapLightsTheNode()
    {
        await using var server = await PagesServer.StartAsync();
        await using var context = await Browser.NewContextAsync(server.Address);
        var wallboard = await context.NewPageAsync();
        await wallboard.SetViewportSizeAsync(1920, 1080); // a wall's screen
        await wallboard.GotoAsync("/wallboard.html");
        var generalWaiting = wallboard.Locator("li[data-queue=general] [data-figure=waiting] dd");
        await Expect(generalWaiting).ToHaveTextAsync("0");
        await Expect(wallboard.Locator("#live")).ToHaveTextAsync("Live");

        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/phone.html");
        await Expect(phone.Locator("#locale option")).ToHaveCountAsync(2);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Dial" }).ClickAsync();
        await Expect(phone.Locator("#reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{3}-\d{3}-\d{3}$"));
        await Expect(phone.Locator("#prompts li").First).ToContainTextAsync("Thanks for calling customer care");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Key 2" }).ClickAsync();
        await Expect(phone.Locator("#node")).ToHaveTextAsync("billing");
        await phone.GetByLabel("Say", new() { Exact = true }).FillAsync("operator");
        var clock = Stopwatch.StartNew();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Say it" }).ClickAsync();

        await Expect(generalWaiting).ToHaveTextAsync("1", new() { Timeout = 2000 });
        var seen = clock.Elapsed;
        await Expect(phone.Locator("#state")).ToHaveTextAsync("Queued");
        await Expect(phone.Locator("#prompts")).ToContainTextAsync("connect you to customer care");
        await Expect(phone.Locator("#events")).ToContainTextAsync("queue-joined");
        await Expect(phone.Locator("#diagram g.node.current")).ToHaveAttributeAsync("data-node", "billing");
        await Expect(phone.Locator("#diagram g.node.current")).ToBeInViewportAsync(); // scrolled into the diagram's box
        await Expect(phone.Locator("#diagram g.queue.current")).ToHaveAttributeAsync("data-queue", "general");
        Assert.That(seen, Is.LessThan(TimeSpan.FromSeconds(2)));

        await Browser.ScreenshotAsync(phone, "phone", forDocs: true, fullPage: false);
        await Browser.ScreenshotAsync(wallboard, "wallboard", forDocs: true);
    }

    [Test]
    public async Task ThePhonePage_WorksFromTheKeyboardAlone_WithAVisibleFocus()
    {
        await using var server = await PagesServer.StartAsync();
        await using var context = await Browser.NewContextAsync(server.Address);
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/phone.html");
        await Expect(phone.Locator("#locale option")).ToHaveCountAsync(2);

        // Tab to the language list, choose Russian with the arrow key, Tab on to Dial, press Enter.
        await TabToAsync(phone, "locale");
        await phone.Keyboard.PressAsync("ArrowDown");
        await Expect(phone.Locator("#locale")).ToHaveValueAsync("ru-RU");
        await TabToAsync(phone, "dial");
        Assert.That(await phone.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"), Is.EqualTo("solid"), "the focused control shows a focus ring");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#prompts li").First).ToContainTextAsync("Здравствуйте");

        // The keyboard's number keys press the keypad; Enter in the words box says them.
        await phone.Keyboard.PressAsync("2");
        await Expect(phone.Locator("#node")).ToHaveTextAsync("billing");
        await TabToAsync(phone, "words");
        await phone.Keyboard.TypeAsync("оператор");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#state")).ToHaveTextAsync("Queued");
        await TabToAsync(phone, "hangup");
        await phone.Keyboard.PressAsync("Enter");

        await Expect(phone.Locator("#state")).ToHaveTextAsync("Ended");
        await Expect(phone.Locator("#phone-status")).ToContainTextAsync("Call ended");
        await Expect(phone.Locator("#dial")).ToBeFocusedAsync();
        await Browser.ScreenshotAsync(phone, "phone-keyboard");
    }

    /// <summary>Presses Tab until the element with <paramref name="id"/> has the focus (at most 40 times).</summary>
    internal static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await page.EvaluateAsync<string?>("document.activeElement?.id") == id) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached #{id}");
    }
}
