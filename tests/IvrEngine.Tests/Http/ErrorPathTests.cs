using System.Net;
using System.Text;
using IvrEngine.Http.Infrastructure;

namespace IvrEngine.Tests.Http;

/// <summary>Every error is RFC 9457 problem details with a stable type, and never a stack trace.</summary>
public sealed class ErrorPathTests
{
    private const string Problem = "urn:ivrengine:problem:";

    [TestCase("POST", "/calls/123-456-789/press", """{"keys":"1"}""")]
    [TestCase("POST", "/calls/123-456-789/hangup", "")]
    [TestCase("GET", "/calls/123-456-789", null)]
    [TestCase("GET", "/calls/123-456-789/events", null)]
    public async Task AnUnknownCall_Is404UnknownCall(string method, string url, string? body)
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : Json(body) });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "unknown-call");
    }

    [Test]
    public async Task InputAnEndedCallCannotUse_Is409_SayingItAcceptsNothing()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");
        await client.PostJsonAsync($"/calls/{reference}/hangup");

        var problem = await AssertProblemAsync(await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "1" }), HttpStatusCode.Conflict, "input-not-accepted");

        Assert.That(problem.Str("state"), Is.EqualTo("Ended"));
        Assert.That(problem.GetProperty("accepts").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task ATransferInTheMenus_Is409_NamingWhatTheStateAccepts()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");

        var problem = await AssertProblemAsync(await client.PostJsonAsync($"/calls/{reference}/transfer", new { queue = "retention" }), HttpStatusCode.Conflict, "input-not-accepted");

        Assert.That(problem.Str("detail"), Is.EqualTo("A call that is InMenu accepts press, say, hangup, not transfer."));
    }

    [TestCase("/calls/{0}/press", """{"keys":"12x"}""", "keys")]
    [TestCase("/calls/{0}/press", """{"keys":5}""", "$.keys")]
    [TestCase("/calls/{0}/press", """{"keys":"1","extra":true}""", "$.extra")]
    [TestCase("/calls/{0}/press", """{"keys":""", "$.keys")]
    [TestCase("/calls/{0}/press", "press one", "$")]
    [TestCase("/calls/{0}/say", """{"words":"  "}""", "words")]
    [TestCase("/calls/{0}/transfer", """{"queue":"nowhere"}""", "queue")]
    [TestCase("/calls", """{"locale":"fr-FR"}""", "locale")]
    [TestCase("/calls", """{"callerId":"call me"}""", "callerId")]
    [TestCase("/clock/advance", """{"seconds":-1}""", "seconds")]
    public async Task AMalformedBody_Is400_NamingTheField(string url, string body, string field)
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");

        var problem = await AssertProblemAsync(await client.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, reference), Json(body)), HttpStatusCode.BadRequest, "invalid-request");

        Assert.That(problem.Str("field"), Is.EqualTo(field));
    }

    [Test]
    public async Task AMenuTheServiceDoesNotServe_Is404_AndNoPathIsEverOpened()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();

        var problem = await AssertProblemAsync(await client.PostJsonAsync("/calls", new { menu = "/etc/passwd" }), HttpStatusCode.NotFound, "unknown-menu");

        Assert.That(problem.Str("detail"), Is.EqualTo("This service serves the menu 'carrier-support', not '/etc/passwd'."));
    }

    [Test]
    public async Task ABodyOverTheLimit_Is413()
    {
        using var factory = new IvrServiceFactory(settings: new() { ["Ivr:Http:MaxBodyBytes"] = "2048" });
        var client = await factory.StartAsync();

        var response = await client.PostAsync("/menus/validate", Json(new string(' ', 4096) + "{}"));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Test]
    public async Task OneCallOverTheLimit_Is429_UntilACallEnds()
    {
        using var factory = new IvrServiceFactory(settings: new() { ["Ivr:Http:MaxCalls"] = "1" });
        var client = await factory.StartAsync();
        var first = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");

        await AssertProblemAsync(await client.PostJsonAsync("/calls"), HttpStatusCode.TooManyRequests, "too-many-calls");
        await client.PostJsonAsync($"/calls/{first}/hangup");
        var third = await client.PostJsonAsync("/calls");

        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task WithAnApiKey_WritesNeedIt_AndReadsDoNot()
    {
        using var factory = new IvrServiceFactory(settings: new() { ["Ivr:Http:ApiKey"] = "s3cret" });
        var client = await factory.StartAsync();

        await AssertProblemAsync(await client.PostJsonAsync("/calls"), HttpStatusCode.Unauthorized, "api-key-required");
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/calls") { Content = Json("{}"), Headers = { { "X-Api-Key", "guess" } } };
        await AssertProblemAsync(await client.SendAsync(wrong), HttpStatusCode.Unauthorized, "api-key-required");
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/calls") { Content = Json("{}"), Headers = { { "X-Api-Key", "s3cret" } } };
        using var bearer = new HttpRequestMessage(HttpMethod.Post, "/calls") { Content = Json("{}"), Headers = { { "Authorization", "Bearer s3cret" } } };

        Assert.That((await client.SendAsync(keyed)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await client.SendAsync(bearer)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await client.GetAsync("/queues")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnUnknownRoute_IsAProblemToo()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();

        await AssertProblemAsync(await client.GetAsync("/no/such/thing"), HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task AdvancingTheClock_OnTheWallClock_Is409()
    {
        using var factory = new IvrServiceFactory(settings: new() { ["Ivr:Clock"] = "Real" });
        var client = await factory.StartAsync();

        await AssertProblemAsync(await client.PostJsonAsync("/clock/advance", new { seconds = 5 }), HttpStatusCode.Conflict, "real-time");
    }

    [TestCase("http://127.0.0.1:5080", null, false)]
    [TestCase("http://localhost:5080", null, false)]
    [TestCase("http://[::1]:5080", null, false)]
    [TestCase("http://0.0.0.0:5080", null, true)]
    [TestCase("http://0.0.0.0:5080", "key", false)]
    [TestCase("ftp://127.0.0.1", null, true)]
    public void BindingBeyondLoopback_NeedsAnApiKey(string url, string? key, bool refused) =>
        Assert.That(BindAddresses.Problem(url, key), refused ? Is.Not.Null : Is.Null);

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    internal static async Task<System.Text.Json.JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        Assert.That(text, Does.Not.Contain("   at "));
        var problem = await response.JsonAsync();
        Assert.That(problem.Str("type"), Is.EqualTo(Problem + type));
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        return problem;
    }
}
