using System.Net;

namespace IvrEngine.Tests.Pages;

/// <summary>
/// The pages are files embedded in the service's assembly, served at / with their right content
/// types and a Content-Security-Policy that allows only this origin (no browser needed).
/// </summary>
public sealed class PageFilesTests
{
    [Test]
    public async Task TheIndex_IsServedAtTheRoot_AndLinksEveryPage()
    {
        await using var server = await PagesServer.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Address) };

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        foreach (var page in new[] { "/phone.html", "/map.html", "/wallboard.html", "/agent.html" })
        {
            Assert.That(html, Does.Contain($"href=\"{page}\""), page);
        }
    }

    [TestCase("/phone.html", "text/html; charset=utf-8")]
    [TestCase("/js/phone.js", "text/javascript; charset=utf-8")]
    [TestCase("/css/site.css", "text/css; charset=utf-8")]
    public async Task EachFile_HasItsContentType_NoSniffing_AndAPolicyAllowingOnlyThisOrigin(string path, string contentType)
    {
        await using var server = await PagesServer.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Address) };

        var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(contentType));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(policy, Does.StartWith("default-src 'self'; script-src 'self'; style-src 'self';"));
        Assert.That(policy, Does.Not.Contain("unsafe").And.Not.Contain("http:").And.Not.Contain("https:").And.Not.Contain("*"));
    }

    [Test]
    public async Task ThePages_AreServedFromTheAssembly_NotFromAFolderBesideIt()
    {
        await using var server = await PagesServer.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Address) };

        var script = await client.GetAsync("/js/api.js");

        // The test's output folder holds no wwwroot: what is served came out of IvrEngine.Http.dll.
        Assert.That(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")), Is.False);
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await script.Content.ReadAsStringAsync(), Does.Contain("export async function request"));
    }

    [Test]
    public async Task AFileThatIsNotThere_IsAProblem404_AndTheApiStillAnswersBesideThePages()
    {
        await using var server = await PagesServer.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Address) };

        var missing = await client.GetAsync("/nothing-here.html");
        var menus = await client.GetAsync("/menus");

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(menus.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
