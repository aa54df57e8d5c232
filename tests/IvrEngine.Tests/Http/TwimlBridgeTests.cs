using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace IvrEngine.Tests.Http;

/// <summary>
/// The TwiML bridge, replaying webhooks shaped like the provider's documented voice parameters and
/// signed as the provider signs them: a whole call from the incoming webhook to the status callback.
/// </summary>
public sealed class TwimlBridgeTests
{
    private const string Staffing = """
        { "defaults": { "handleTime": { "distribution": "lognormal", "meanSeconds": 180, "sdSeconds": 90 }, "wrapUpSeconds": 20, "answerSeconds": 3, "noAnswerProbability": 0 },
          "agents": [ { "name": "Maria", "queues": { "general": 1 }, "busyAtStartSeconds": 100 } ] }
        """;

    /// <summary>The verbs and attributes the provider documents for voice TwiML, and no others.</summary>
    private static readonly Dictionary<string, string[]> Documented = new()
    {
        ["Response"] = [],
        ["Say"] = ["voice", "loop", "language"],
        ["Play"] = ["loop", "digits"],
        ["Pause"] = ["length"],
        ["Hangup"] = [],
        ["Redirect"] = ["method"],
        ["Gather"] = ["input", "action", "method", "timeout", "speechTimeout", "maxSpeechTime", "profanityFilter", "finishOnKey", "numDigits", "language", "hints", "bargeIn", "actionOnEmptyResult"],
        ["Dial"] = ["action", "method", "timeout", "hangupOnStar", "timeLimit", "callerId", "record", "answerOnBridge", "ringTone"],
        ["Client"] = ["url", "method"],
        ["Number"] = ["sendDigits", "url", "method"],
    };

    [Test]
    public async Task AWholeCall_MenuEscapeQueueWithTwoAnnouncementsAgentAndHangUp_IsPlayedInDocumentedTwiml()
    {
        using var factory = new IvrServiceFactory(twiml: true, staffing: Staffing);
        var client = await factory.StartAsync();

        var answer = await PostAsync(client, "/twiml/voice", Incoming());
        var gather = answer.Root!.Element("Gather")!;
        Assert.That(gather.Attribute("input")!.Value, Is.EqualTo("dtmf speech"));
        Assert.That(gather.Attribute("language")!.Value, Is.EqualTo("en-US"));
        Assert.That(gather.Attribute("actionOnEmptyResult")!.Value, Is.EqualTo("true"));
        Assert.That(gather.Attribute("numDigits")!.Value, Is.EqualTo("1"));
        Assert.That(gather.Attribute("hints")!.Value, Does.Contain("billing"));
        Assert.That(gather.Element("Say")!.Value, Does.StartWith("Thanks for calling customer care."));
        var action = new Uri(gather.Attribute("action")!.Value);
        var reference = action.Query["?call=".Length..];
        Assert.That(action.AbsolutePath, Is.EqualTo("/twiml/gather"));

        var queued = await PostAsync(client, $"/twiml/gather?call={reference}", Webhook(("Digits", "0")));
        Assert.That(Says(queued), Does.Contain("You are number 1 in line."));
        Assert.That(queued.Root!.Element("Redirect")!.Value, Is.EqualTo($"http://localhost/twiml/wait?call={reference}"));
        Assert.That(queued.Root!.Element("Gather")!.Attribute("timeout")!.Value, Is.EqualTo("45"));

        foreach (var _ in new[] { 1, 2 })
        {
            await client.PostJsonAsync("/clock/advance", new { seconds = 45 });
            var announced = await PostAsync(client, $"/twiml/wait?call={reference}", Webhook());
            Assert.That(Says(announced), Does.Contain("You are number 1 in line."));
            Assert.That(announced.Root!.Element("Redirect"), Is.Not.Null);
        }

        await client.PostJsonAsync("/clock/advance", new { seconds = 20 });
        var talking = await PostAsync(client, $"/twiml/wait?call={reference}", Webhook());
        Assert.That(talking.Root!.Element("Pause")!.Attribute("length")!.Value, Is.EqualTo("5"));
        Assert.That((await (await client.GetAsync($"/calls/{reference}")).JsonAsync()).Str("state"), Is.EqualTo("WithAgent"));

        var status = await client.SendAsync(Signed($"/twiml/status", Webhook(("CallStatus", "completed"), ("CallDuration", "130"))));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var ended = await (await client.GetAsync($"/calls/{reference}")).JsonAsync();
        Assert.That(ended.Str("state"), Is.EqualTo("Ended"));
        Assert.That(factory.Line.LiveCalls, Is.Zero);
        Assert.That((await (await client.GetAsync("/queues/general")).JsonAsync()).GetProperty("waiting").GetInt32(), Is.Zero);
    }

    [TestCase("client", "desk-anna", "Client")]
    [TestCase("number", "+12025550199", "Number")]
    public async Task ACallerALiveAgentAccepts_IsDialedThroughToTheAgentsSignIn(string kind, string destination, string element)
    {
        using var factory = new IvrServiceFactory(twiml: true, staffing: AgentsApiTests.MixedStaffing);
        var client = await factory.StartAsync();
        var token = (await AgentsApiTests.SignInAsync(client, new Dictionary<string, object> { ["agent"] = "Desk", ["dial"] = new Dictionary<string, string> { [kind] = destination } })).Str("token");
        await AgentsApiTests.AgentPostAsync(client, "Desk", token, "ready");
        var reference = new Uri((await PostAsync(client, "/twiml/voice", Incoming())).Root!.Element("Gather")!.Attribute("action")!.Value).Query["?call=".Length..];
        var queued = await PostAsync(client, $"/twiml/gather?call={reference}", Webhook(("Digits", "0")));
        Assert.That(queued.Root!.Element("Redirect"), Is.Not.Null, "waiting while the agent's phone rings");

        Assert.That((await AgentsApiTests.AgentPostAsync(client, "Desk", token, "accept")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var dialed = await PostAsync(client, $"/twiml/wait?call={reference}", Webhook());

        var dial = dialed.Root!.Element("Dial")!;
        Assert.That(dial.Element(element)!.Value, Is.EqualTo(destination));
        Assert.That(dial.Attribute("action")!.Value, Is.EqualTo($"http://localhost/twiml/wait?call={reference}"));
        AssertDocumented(dialed.Root!);
        await AgentsApiTests.AgentPostAsync(client, "Desk", token, "hangup");
        Assert.That((await PostAsync(client, $"/twiml/wait?call={reference}", Webhook())).Root!.Element("Hangup"), Is.Not.Null, "the agent hung up: so does the caller's leg");
    }

    [Test]
    public async Task SpeechFromTheGather_IsSaidIntoTheCall_AndTheEndOfTheCallHangsUp()
    {
        using var factory = new IvrServiceFactory(twiml: true);
        var client = await factory.StartAsync();
        var reference = new Uri((await PostAsync(client, "/twiml/voice", Incoming())).Root!.Element("Gather")!.Attribute("action")!.Value).Query["?call=".Length..];

        var escaped = await PostAsync(client, $"/twiml/gather?call={reference}", Webhook(("SpeechResult", "operator"), ("Confidence", "0.92")));
        await client.SendAsync(Signed("/twiml/status", Webhook(("CallStatus", "completed"))));
        var afterEnd = await PostAsync(client, $"/twiml/wait?call={reference}", Webhook());

        Assert.That(Says(escaped), Does.Contain("You are number 1 in line."));
        Assert.That(afterEnd.Root!.Elements().Last().Name.LocalName, Is.EqualTo("Hangup"));
    }

    [Test]
    public async Task AGatherWithMoreKeysOrSpeechThanTheCallsApiTakes_IsHeardAsSilence()
    {
        using var factory = new IvrServiceFactory(twiml: true);
        var client = await factory.StartAsync();
        var reference = new Uri((await PostAsync(client, "/twiml/voice", Incoming())).Root!.Element("Gather")!.Attribute("action")!.Value).Query["?call=".Length..];

        await PostAsync(client, $"/twiml/gather?call={reference}", Webhook(("Digits", "1")));
        // '*' repeats the bill-payment menu: 20,000 of them (60 KB encoded, under the form's 64 KB value limit) were 20,000 repeats, every one said in the answer.
        var keys = await PostAsync(client, $"/twiml/gather?call={reference}", Webhook(("Digits", new string('*', 20_000))));
        var speech = await PostAsync(client, $"/twiml/gather?call={reference}", Webhook(("SpeechResult", "operator " + new string('a', 600))));

        var pastTheFormLimit = await client.SendAsync(Signed($"/twiml/gather?call={reference}", Webhook(("Digits", new string('*', 200_000)))));

        Assert.That(pastTheFormLimit.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), "a value past the form's limit is the sender's fault, not a 500");
        Assert.That(Says(keys), Has.Count.LessThan(3), "no repeat was made of the keys");
        Assert.That(Says(speech), Has.None.Contain("in line"), "the overlong speech did not reach a queue");
    }

    [Test]
    public async Task TheCallersCountry_ChoosesTheMenusLocale()
    {
        using var factory = new IvrServiceFactory(twiml: true);
        var client = await factory.StartAsync();

        var answer = await PostAsync(client, "/twiml/voice", Incoming(("CallerCountry", "RU")));

        Assert.That(answer.Root!.Element("Gather")!.Attribute("language")!.Value, Is.EqualTo("ru-RU"));
    }

    [TestCase("forged")]
    [TestCase("unsigned")]
    [TestCase("tampered")]
    public async Task AForgedOrUnsignedWebhook_Is403_AndTouchesNoCall(string how)
    {
        using var factory = new IvrServiceFactory(twiml: true);
        var client = await factory.StartAsync();
        var request = how switch
        {
            "forged" => Signed("/twiml/voice", Incoming(), token: "not-the-token"),
            "unsigned" => new HttpRequestMessage(HttpMethod.Post, "/twiml/voice") { Content = new FormUrlEncodedContent(Incoming()) },
            _ => Tampered(),
        };

        var response = await client.SendAsync(request);

        await ErrorPathTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.That(factory.Line.LiveCalls, Is.Zero);
    }

    /// <summary>Signed for one From, sent with another.</summary>
    private static HttpRequestMessage Tampered()
    {
        var signed = Signed("/twiml/voice", Incoming());
        var fields = Incoming(("From", "+19005550100"));
        signed.Content = new FormUrlEncodedContent(fields);
        return signed;
    }

    private static Dictionary<string, string> Incoming(params (string Key, string Value)[] overrides)
    {
        var fields = Webhook(("From", "+12025550143"), ("To", "+18005550100"), ("CallStatus", "ringing"), ("Direction", "inbound"),
            ("CallerCountry", "US"), ("CallerState", "DC"), ("FromCountry", "US"), ("ToCountry", "US"));
        foreach (var (key, value) in overrides) fields[key] = value;
        return fields;
    }

    private static Dictionary<string, string> Webhook(params (string Key, string Value)[] fields)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CallSid"] = "CA0123456789abcdef0123456789abcdef",
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["ApiVersion"] = "2010-04-01",
        };
        foreach (var (key, value) in fields) all[key] = value;
        return all;
    }

    private static async Task<XDocument> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var response = await client.SendAsync(Signed(path, fields));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/xml"));
        var document = XDocument.Parse(text);
        AssertDocumented(document.Root!);
        return document;
    }

    private static void AssertDocumented(XElement element)
    {
        Assert.That(Documented.Keys, Does.Contain(element.Name.LocalName), $"<{element.Name}> is not a documented verb");
        foreach (var attribute in element.Attributes())
        {
            Assert.That(Documented[element.Name.LocalName], Does.Contain(attribute.Name.LocalName), $"{attribute.Name} is not a documented attribute of <{element.Name}>");
        }
        foreach (var child in element.Elements()) AssertDocumented(child);
    }

    private static List<string> Says(XDocument document) => document.Descendants("Say").Select(s => s.Value).ToList();

    /// <summary>Signs as the provider does: HMAC-SHA1 of the URL followed by each field's name and value in name order, in base64.</summary>
    private static HttpRequestMessage Signed(string path, Dictionary<string, string> fields, string token = IvrServiceFactory.TwilioToken)
    {
        var data = new StringBuilder("http://localhost" + path);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal)) data.Append(key).Append(value);
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return request;
    }
}
