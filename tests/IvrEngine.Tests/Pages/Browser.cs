using Microsoft.Playwright;

namespace IvrEngine.Tests.Pages;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright, one per test run (each test
/// gets its own context). Without it the browser tests are ignored with that reason: <c>.ci/run</c>
/// installs it, so CI always runs them.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The running browser; ignores the calling test when there is none.</summary>
    public static IBrowser Current
    {
        get
        {
            if (_browser is null) Assert.Ignore($"{ChromiumPath} is absent: install Debian's chromium (apt-get install -y chromium) to run the browser tests.");
            return _browser!;
        }
    }

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>
    /// A fresh context (its own storage) at a size that shows a page whole. Several pages of one
    /// context are tabs: a test brings a tab to the front before clicking in it, as a person would,
    /// since Chromium handles input to a tab behind another slowly.
    /// </summary>
    public static Task<IBrowserContext> NewContextAsync(string baseUrl) =>
        Current.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    /// <summary>
    /// Saves the page as a PNG under the test's work folder (screenshots/NAME.png) and returns its path;
    /// with <c>IVR_UPDATE_DOCS=1</c> a picture <paramref name="forDocs"/> also becomes docs/images/NAME.png,
    /// the one docs/pages.md shows.
    /// </summary>
    /// <param name="fullPage">The whole page rather than the window; Chromium lays a page out again for that, which loses a box's scroll position.</param>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool forDocs = false, bool fullPage = true)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        // A page behind another is drawn slowly (seconds per picture): the one pictured comes to the front.
        await page.BringToFrontAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        TestContext.AddTestAttachment(path, name);
        if (forDocs && Environment.GetEnvironmentVariable("IVR_UPDATE_DOCS") == "1")
        {
            var docs = Path.Combine(RepoPaths.Root, "docs", "images");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
        }
        return path;
    }
}
