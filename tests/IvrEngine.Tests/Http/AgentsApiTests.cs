using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IvrEngine.Tests.Http;

/// <summary>
/// Live agents over HTTP, in virtual time, on the bundled menu with a staffing file that mixes live
/// seats (Desk, Kate) and a simulated agent (Maria, on an earlier call for the first 10 s).
/// </summary>
public sealed class AgentsApiTests
{
    internal const string MixedStaffing = """
        { "defaults": { "handleTime": { "distribution": "fixed", "meanSeconds": 120 }, "wrapUpSeconds": 20, "answerSeconds": 3, "noAnswerProbability": 0 },
          "agents": [
            { "name": "Desk", "live": true, "queues": { "general": 1, "billing": 1 } },
            { "name": "Kate", "live": true, "queues": { "general": 1, "billing": 1 } },
            { "name": "Maria", "queues": { "general": 1, "billing": 1 }, "busyAtStartSeconds": 10 },
            { "name": "Grace", "queues": { "retention": 1 }, "busyAtStartSeconds": 600 } ] }
        """;

    [TestCase("press 0")]
    [TestCase("say operator")]
    public async Task ACallWalksTheMenu_EscapesAndWaits_AndALiveAgentSignedInOverHttpAcceptsIt(string escape)
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var desk = await SignInAsync(client, new { agent = "Desk" });
        Assert.That(desk.Str("state"), Is.EqualTo("NotReady"));
        var token = desk.Str("token");
        Assert.That((await AgentPostAsync(client, "Desk", token, "ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");
        await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "2" });
        var queued = escape == "press 0"
            ? await (await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "0" })).JsonAsync()
            : await (await client.PostJsonAsync($"/calls/{reference}/say", new { words = "operator" })).JsonAsync();
        Assert.That(queued.Str("state"), Is.EqualTo("Queued"));
        await client.PostJsonAsync("/clock/advance", new { seconds = 5 });

        var ringing = await (await AgentGetAsync(client, "Desk", token)).JsonAsync();
        Assert.That(ringing.Str("state"), Is.EqualTo("Ringing"));
        var offered = ringing.GetProperty("offered");
        Assert.That(offered.Str("reference"), Is.EqualTo(reference));
        Assert.That(offered.Str("queue"), Is.EqualTo("general"));
        Assert.That(offered.GetProperty("path").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { "main", "billing" }));
        Assert.That(ringing.GetProperty("accepts").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "accept", "decline", "not-ready", "sign-out" }));

        var accepted = await AgentPostAsync(client, "Desk", token, "accept", new { call = reference });
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());
        var onCall = await accepted.JsonAsync();
        Assert.That(onCall.Str("state"), Is.EqualTo("OnCall"));
        Assert.That(onCall.GetProperty("call").Str("reference"), Is.EqualTo(reference));
        Assert.That(onCall.GetProperty("call").Str("queue"), Is.EqualTo("general"));
        var call = await (await client.GetAsync($"/calls/{reference}")).JsonAsync();
        Assert.That((call.Str("state"), call.Str("agent")), Is.EqualTo(("WithAgent", "Desk")));
        await AgentPostAsync(client, "Desk", token, "hangup");
        Assert.That(await ReadEventsAsync(client, reference), Does.Match("\"type\":\"agent-connected\"[^\\n]*\"text\":\"Desk\""));
    }

    [Test]
    public async Task ALiveAgentWhoDoesNotAccept_RingsOutAfterTheRingTimeout_AndThePipelineOffersTheCallToTheNextAgent()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var token = await ReadyAsync(client, "Desk");
        var reference = await EscapeAsync(client);

        await client.PostJsonAsync("/clock/advance", new { seconds = 14 });
        Assert.That((await (await AgentGetAsync(client, "Desk", token)).JsonAsync()).Str("state"), Is.EqualTo("Ringing"));
        await client.PostJsonAsync("/clock/advance", new { seconds = 1 });

        var desk = await (await AgentGetAsync(client, "Desk", token)).JsonAsync();
        Assert.That(desk.Str("state"), Is.EqualTo("Ready"));
        Assert.That(desk.GetProperty("offered").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var late = await AgentPostAsync(client, "Desk", token, "accept");
        await AssertProblemAsync(late, HttpStatusCode.Conflict, "agent-state");
        Assert.That((await late.JsonAsync()).Str("state"), Is.EqualTo("Ready"));
        await client.PostJsonAsync("/clock/advance", new { seconds = 3 });
        var call = await (await client.GetAsync($"/calls/{reference}")).JsonAsync();
        Assert.That((call.Str("state"), call.Str("agent")), Is.EqualTo(("WithAgent", "Maria")), "Maria, free since 10 s, is rung next and answers in 3 s");
    }

    [Test]
    public async Task ALiveAgentWhoDeclines_LetsTheCallRingOut_AndTheNextAgentTakesIt()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var token = await ReadyAsync(client, "Desk");
        var reference = await EscapeAsync(client);
        await client.PostJsonAsync("/clock/advance", new { seconds = 11 });

        var declined = await AgentPostAsync(client, "Desk", token, "decline", new { call = reference });

        Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await declined.JsonAsync()).Str("state"), Is.EqualTo("Ready"));
        await client.PostJsonAsync("/clock/advance", new { seconds = 3 });
        var call = await (await client.GetAsync($"/calls/{reference}")).JsonAsync();
        Assert.That((call.Str("state"), call.Str("agent")), Is.EqualTo(("WithAgent", "Maria")));
    }

    [Test]
    public async Task ANotReadyAgent_IsNeverOffered_AndTheQueueFiguresCountLiveAgentsByState()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var deskToken = await ReadyAsync(client, "Desk");
        var kate = await SignInAsync(client, new { agent = "Kate" });
        var notReady = await AgentPostAsync(client, "Kate", kate.Str("token"), "not-ready", new { reason = "training" });
        Assert.That((await notReady.JsonAsync()).Str("reason"), Is.EqualTo("training"));
        var first = await EscapeAsync(client);
        var second = await EscapeAsync(client);
        await client.PostJsonAsync("/clock/advance", new { seconds = 5 });

        var kateView = await (await AgentGetAsync(client, "Kate", kate.Str("token"))).JsonAsync();
        Assert.That((kateView.Str("state"), kateView.GetProperty("offered").ValueKind), Is.EqualTo(("NotReady", JsonValueKind.Null)));
        Assert.That((await (await AgentGetAsync(client, "Desk", deskToken)).JsonAsync()).GetProperty("offered").Str("reference"), Is.EqualTo(first));
        var figures = await (await client.GetAsync("/queues/general")).JsonAsync();
        Assert.That(figures.GetProperty("agents").GetRawText(), Is.EqualTo("{\"Available\":0,\"Ringing\":1,\"OnCall\":1,\"WrapUp\":0,\"Away\":1}"));
        Assert.That((await (await client.GetAsync($"/calls/{second}")).JsonAsync()).Str("state"), Is.EqualTo("Queued"));
        var list = await (await client.GetAsync("/agents")).JsonAsync();
        Assert.That(list.EnumerateArray().Select(a => $"{a.Str("agentId")} {a.GetProperty("live").GetBoolean()} {a.Str("state")}"),
            Is.EqualTo(new[] { "Desk True Ringing", "Kate True NotReady", "Maria False OnCall", "Grace False OnCall" }));
    }

    [Test]
    public async Task AnotherAgentsToken_Is403_AndChangesNothing()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var deskToken = await ReadyAsync(client, "Desk");
        var kateToken = (await SignInAsync(client, new { agent = "Kate" })).Str("token");
        var reference = await EscapeAsync(client);

        await AssertProblemAsync(await AgentPostAsync(client, "Desk", kateToken, "accept"), HttpStatusCode.Forbidden, "wrong-agent");
        await AssertProblemAsync(await AgentGetAsync(client, "Desk", kateToken), HttpStatusCode.Forbidden, "wrong-agent");
        await AssertProblemAsync(await AgentPostAsync(client, "Desk", deskToken, "accept", new { call = "999999" }), HttpStatusCode.Forbidden, "not-your-call");

        Assert.That((await (await AgentGetAsync(client, "Desk", deskToken)).JsonAsync()).Str("state"), Is.EqualTo("Ringing"));
        Assert.That((await (await client.GetAsync($"/calls/{reference}")).JsonAsync()).Str("state"), Is.EqualTo("Queued"));

        await AgentPostAsync(client, "Desk", deskToken, "accept");
        using var transfer = new HttpRequestMessage(HttpMethod.Post, $"/calls/{reference}/transfer") { Content = JsonContent.Create(new { queue = "retention" }) };
        transfer.Headers.Add("X-Agent-Token", kateToken);
        await AssertProblemAsync(await client.SendAsync(transfer), HttpStatusCode.Forbidden, "not-your-call");
        Assert.That((await (await client.GetAsync($"/calls/{reference}")).JsonAsync()).Str("agent"), Is.EqualTo("Desk"), "the caller is still with Desk");
    }

    [Test]
    public async Task AnAgentsTransfer_HandsTheCallerToAnotherQueue_AndTheAgentWrapsUp()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var token = await ReadyAsync(client, "Desk");
        var reference = await EscapeAsync(client);
        await AgentPostAsync(client, "Desk", token, "accept");

        var transferred = await AgentPostAsync(client, "Desk", token, "transfer", new { queue = "retention" });

        Assert.That(transferred.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var desk = await transferred.JsonAsync();
        Assert.That((desk.Str("state"), desk.Str("wrappingUp")), Is.EqualTo(("WrapUp", reference)));
        var call = await (await client.GetAsync($"/calls/{reference}")).JsonAsync();
        Assert.That((call.Str("state"), call.Str("queue")), Is.EqualTo(("Queued", "retention")));
        await client.PostJsonAsync($"/calls/{reference}/hangup");
        Assert.That(await ReadEventsAsync(client, reference), Does.Match("\"type\":\"agent-hand-off\"[^\\n]*\"text\":\"retention\""));
    }

    [Test]
    public async Task HangUp_EndsTheCall_ThenWrapUpLastsUntilWrapUpDone_ThenReady()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var token = await ReadyAsync(client, "Desk");
        var reference = await EscapeAsync(client);
        await AgentPostAsync(client, "Desk", token, "accept");
        await client.PostJsonAsync("/clock/advance", new { seconds = 600 });

        var hungUp = await (await AgentPostAsync(client, "Desk", token, "hangup", new { call = reference })).JsonAsync();
        Assert.That(hungUp.Str("state"), Is.EqualTo("WrapUp"));
        Assert.That(hungUp.GetProperty("accepts").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "wrap-up-done", "not-ready", "sign-out" }));
        var call = await (await client.GetAsync($"/calls/{reference}")).JsonAsync();
        Assert.That(call.Str("state"), Is.EqualTo("Ended"));
        Assert.That(call.Str("outcome"), Does.StartWith("answered in queue general (by Desk"));
        await client.PostJsonAsync("/clock/advance", new { seconds = 600 });
        Assert.That((await (await AgentGetAsync(client, "Desk", token)).JsonAsync()).Str("state"), Is.EqualTo("WrapUp"));

        var done = await AgentPostAsync(client, "Desk", token, "wrap-up-done");

        Assert.That((await done.JsonAsync()).Str("state"), Is.EqualTo("Ready"));
        await AssertProblemAsync(await AgentPostAsync(client, "Desk", token, "wrap-up-done"), HttpStatusCode.Conflict, "agent-state");
    }

    [Test]
    public async Task SigningOutMidCall_EndsTheCallAnswered_AndTheTokenStopsWorking()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var token = await ReadyAsync(client, "Desk");
        var reference = await EscapeAsync(client);
        await AgentPostAsync(client, "Desk", token, "accept");

        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/agents/Desk");
        signOut.Headers.Add("X-Agent-Token", token);
        var signedOut = await client.SendAsync(signOut);

        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await signedOut.JsonAsync()).Str("state"), Is.EqualTo("SignedOut"));
        var call = await (await client.GetAsync($"/calls/{reference}")).JsonAsync();
        Assert.That((call.Str("state"), call.Str("outcome")), Is.EqualTo(("Ended", call.Str("outcome"))));
        Assert.That(call.Str("outcome"), Does.StartWith("answered in queue general (by Desk"));
        Assert.That(factory.Line.LiveCalls, Is.Zero);
        await AssertProblemAsync(await AgentGetAsync(client, "Desk", token), HttpStatusCode.Forbidden, "wrong-agent");
        Assert.That((await SignInAsync(client, new { agent = "Desk" })).Str("state"), Is.EqualTo("NotReady"), "the seat takes the next person");
    }

    [Test]
    public async Task TheAgentsEventStream_TellsTheOffer_WithTheCallersPath_ThenConnectedEndedAndSignedOut()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var token = await ReadyAsync(client, "Desk");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/agents/Desk/events?token={token}");
        using var stream = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(stream.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        var reference = await EscapeAsync(client);
        await AgentPostAsync(client, "Desk", token, "accept");
        await AgentPostAsync(client, "Desk", token, "hangup");
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/agents/Desk");
        signOut.Headers.Add("X-Agent-Token", token);
        await client.SendAsync(signOut);
        var events = new List<(string Type, JsonElement Data)>();
        while (await NextEventAsync(reader) is { } e) events.Add(e);

        Assert.That(events[0].Type, Is.EqualTo("state"));
        Assert.That(events[0].Data.Str("state"), Is.EqualTo("Ready"));
        Assert.That(events.Select(e => e.Type).Where(t => t != "state"), Is.EqualTo(new[] { "offered", "connected", "ended" }));
        var offered = events.Single(e => e.Type == "offered").Data;
        Assert.That(offered.GetProperty("call").Str("reference"), Is.EqualTo(reference));
        Assert.That(offered.GetProperty("call").GetProperty("path").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { "main", "billing" }));
        Assert.That(events.Single(e => e.Type == "connected").Data.GetProperty("call").Str("queue"), Is.EqualTo("general"));
        Assert.That(events.Single(e => e.Type == "ended").Data.Str("by"), Is.EqualTo("agent"));
        Assert.That(events[^1].Data.Str("state"), Is.EqualTo("SignedOut"));
    }

    [Test]
    public async Task TheDesk_IsToldWhenTheCallerLeavesWhileRinging_HangsUpWhileTalking_OrIsMovedByTheCallsApi()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var token = await ReadyAsync(client, "Desk");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/agents/Desk/events");
        request.Headers.Add("X-Agent-Token", token);
        using var stream = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        var leaves = await EscapeAsync(client);
        await client.PostJsonAsync($"/calls/{leaves}/hangup");
        var hangsUp = await EscapeAsync(client);
        await AgentPostAsync(client, "Desk", token, "accept");
        await client.PostJsonAsync($"/calls/{hangsUp}/hangup");
        Assert.That((await (await AgentPostAsync(client, "Desk", token, "wrap-up-done")).JsonAsync()).Str("state"), Is.EqualTo("Ready"));
        var moved = await EscapeAsync(client);
        await AgentPostAsync(client, "Desk", token, "accept");
        using var transfer = new HttpRequestMessage(HttpMethod.Post, $"/calls/{moved}/transfer") { Content = JsonContent.Create(new { queue = "retention" }) };
        transfer.Headers.Add("X-Agent-Token", token);
        Assert.That((await client.SendAsync(transfer)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/agents/Desk");
        signOut.Headers.Add("X-Agent-Token", token);
        await client.SendAsync(signOut);
        var events = new List<(string Type, JsonElement Data)>();
        while (await NextEventAsync(reader) is { } e) events.Add(e);

        var told = events.Where(e => e.Type != "state").Select(e => $"{e.Type} {e.Data.GetProperty("call").Str("reference")} {e.Data.Str("by")} {e.Data.Str("queue")}".TrimEnd());
        Assert.That(told, Is.EqualTo(new[]
        {
            $"offered {leaves}", $"offer-withdrawn {leaves}",
            $"offered {hangsUp}", $"connected {hangsUp}", $"ended {hangsUp} caller",
            $"offered {moved}", $"connected {moved}", $"ended {moved} calls-api retention",
        }));
    }

    [Test]
    public async Task APersonSigningInWithQueuesOfTheirOwn_IsOfferedThoseQueuesCalls()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var kim = await SignInAsync(client, new { name = "Kim Lee", queues = new Dictionary<string, int> { ["general"] = 1 }, dial = new { number = "+12025550143" } });
        Assert.That(kim.GetProperty("dial").Str("number"), Is.EqualTo("+12025550143"));
        await AgentPostAsync(client, "Kim%20Lee", kim.Str("token"), "ready");

        var reference = await EscapeAsync(client);

        Assert.That((await (await AgentGetAsync(client, "Kim%20Lee", kim.Str("token"))).JsonAsync()).GetProperty("offered").Str("reference"), Is.EqualTo(reference));
    }

    [TestCase("{}", HttpStatusCode.BadRequest, "invalid-request", "agent")]
    [TestCase("{\"agent\":\"Desk\",\"name\":\"Kim\"}", HttpStatusCode.BadRequest, "invalid-request", "agent")]
    [TestCase("{\"agent\":\"Desk\",\"queues\":{\"general\":1}}", HttpStatusCode.BadRequest, "invalid-request", "queues")]
    [TestCase("{\"agent\":\"Nobody\"}", HttpStatusCode.NotFound, "unknown-agent", null)]
    [TestCase("{\"agent\":\"Maria\"}", HttpStatusCode.Conflict, "not-a-live-seat", null)]
    [TestCase("{\"name\":\"Maria\",\"queues\":{\"general\":1}}", HttpStatusCode.Conflict, "agent-name-taken", null)]
    [TestCase("{\"name\":\"Kim\",\"queues\":{\"nope\":1}}", HttpStatusCode.BadRequest, "invalid-request", "queues.nope")]
    [TestCase("{\"name\":\"Kim\",\"queues\":{\"general\":10}}", HttpStatusCode.BadRequest, "invalid-request", "queues.general")]
    [TestCase("{\"name\":\"Kim\"}", HttpStatusCode.BadRequest, "invalid-request", "queues")]
    [TestCase("{\"name\":\"<script>\",\"queues\":{\"general\":1}}", HttpStatusCode.BadRequest, "invalid-request", "name")]
    [TestCase("{\"agent\":\"Desk\",\"dial\":{}}", HttpStatusCode.BadRequest, "invalid-request", "dial")]
    [TestCase("{\"agent\":\"Desk\",\"dial\":{\"number\":\"555\"}}", HttpStatusCode.BadRequest, "invalid-request", "dial.number")]
    [TestCase("{\"agent\":\"Desk\",\"dial\":{\"client\":\"a b\"}}", HttpStatusCode.BadRequest, "invalid-request", "dial.client")]
    [TestCase("{\"agent\":\"Desk\",\"shift\":1}", HttpStatusCode.BadRequest, "invalid-request", "$.shift")]
    public async Task ASignInThatCannotBe_IsAProblem(string body, HttpStatusCode status, string type, string? field)
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();

        var response = await client.PostAsync("/agents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, status, type);
        if (field is not null) Assert.That(problem.Str("field"), Is.EqualTo(field));
        Assert.That((await (await client.GetAsync("/agents")).JsonAsync()).EnumerateArray().Count(a => a.Str("state") != "SignedOut" && a.GetProperty("live").GetBoolean()), Is.Zero);
    }

    [Test]
    public async Task AgentErrors_AreProblemsWithTheirStatusAndType()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing);
        var client = await factory.StartAsync();
        var token = (await SignInAsync(client, new { agent = "Desk" })).Str("token");

        await AssertProblemAsync(await client.PostJsonAsync("/agents", new { agent = "Desk" }), HttpStatusCode.Conflict, "already-signed-in");
        await AssertProblemAsync(await client.PostJsonAsync("/agents/Desk/ready"), HttpStatusCode.Unauthorized, "agent-token-required");
        await AssertProblemAsync(await client.GetAsync("/agents/Desk/events"), HttpStatusCode.Unauthorized, "agent-token-required");
        await AssertProblemAsync(await AgentGetAsync(client, "Desk", "not-the-token"), HttpStatusCode.Forbidden, "wrong-agent");
        await AssertProblemAsync(await AgentGetAsync(client, "Nobody", token), HttpStatusCode.NotFound, "unknown-agent");
        await AssertProblemAsync(await AgentGetAsync(client, "Maria", token), HttpStatusCode.NotFound, "unknown-agent");
        var cannot = await AssertProblemAsync(await AgentPostAsync(client, "Desk", token, "accept"), HttpStatusCode.Conflict, "agent-state");
        Assert.That(cannot.Str("state"), Is.EqualTo("NotReady"));
        Assert.That(cannot.GetProperty("accepts").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "ready", "not-ready", "sign-out" }));
        await AssertProblemAsync(await AgentPostAsync(client, "Desk", token, "hangup"), HttpStatusCode.Conflict, "agent-state");
        await AssertProblemAsync(await AgentPostAsync(client, "Desk", token, "transfer", new { queue = "nope" }), HttpStatusCode.BadRequest, "invalid-request");
        await AssertProblemAsync(await AgentPostAsync(client, "Desk", token, "transfer", new { queue = "retention" }), HttpStatusCode.Conflict, "agent-state");
        await AssertProblemAsync(await AgentPostAsync(client, "Desk", token, "not-ready", new { reason = new string('x', 101) }), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Test]
    public async Task SigningInWithQueuesOfOnesOwn_IsRefused_WhenTheLineHoldsTheMostAgentsItCan()
    {
        using var factory = new IvrServiceFactory(staffing: """{ "agents": [ { "name": "Desk", "live": true, "queues": { "general": 1 } }, { "name": "Sim", "count": 9999, "queues": { "billing": 1 } } ] }""");
        var client = await factory.StartAsync();

        var refused = await client.PostJsonAsync("/agents", new { name = "Kim", queues = new Dictionary<string, int> { ["general"] = 1 } });

        await AssertProblemAsync(refused, HttpStatusCode.Conflict, "too-many-agents");
        Assert.That((await SignInAsync(client, new { agent = "Desk" })).Str("state"), Is.EqualTo("NotReady"), "a seat of the file still takes its person");
    }

    [Test]
    public async Task ALineWithoutStaffing_HasNoAgentsToSignInAs()
    {
        using var factory = new IvrServiceFactory();
        var client = factory.CreateClient();
        Assert.That((await factory.Line.OpenAsync(factory.MenuPath, staffing: null)).Succeeded, Is.True);

        await AssertProblemAsync(await client.PostJsonAsync("/agents", new { agent = "Desk" }), HttpStatusCode.Conflict, "no-queues");
        await AssertProblemAsync(await AgentPostAsync(client, "Desk", "any", "ready"), HttpStatusCode.Conflict, "no-queues");
        Assert.That((await (await client.GetAsync("/agents")).JsonAsync()).GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task AgentWrites_NeedTheServiceKey_BesidesTheAgentsToken()
    {
        using var factory = new IvrServiceFactory(staffing: MixedStaffing, settings: new() { ["Ivr:Http:ApiKey"] = "k3y" });
        var client = await factory.StartAsync();

        await AssertProblemAsync(await client.PostJsonAsync("/agents", new { agent = "Desk" }), HttpStatusCode.Unauthorized, "api-key-required");
        client.DefaultRequestHeaders.Add("X-Api-Key", "k3y");
        var token = (await SignInAsync(client, new { agent = "Desk" })).Str("token");
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        await AssertProblemAsync(await AgentPostAsync(client, "Desk", token, "ready"), HttpStatusCode.Unauthorized, "api-key-required");
    }

    internal static async Task<JsonElement> SignInAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/agents", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>Signs in at the seat and goes ready; returns the token.</summary>
    internal static async Task<string> ReadyAsync(HttpClient client, string seat)
    {
        var token = (await SignInAsync(client, new { agent = seat })).Str("token");
        var ready = await AgentPostAsync(client, seat, token, "ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
        return token;
    }

    /// <summary>A call that presses 2 (the billing menu) then 0 (a person): it waits in general.</summary>
    private static async Task<string> EscapeAsync(HttpClient client)
    {
        var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");
        await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "2" });
        var queued = await (await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "0" })).JsonAsync();
        Assert.That(queued.Str("state"), Is.EqualTo("Queued"));
        return reference;
    }

    internal static async Task<HttpResponseMessage> AgentPostAsync(HttpClient client, string agent, string token, string action, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/agents/{agent}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("X-Agent-Token", token);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> AgentGetAsync(HttpClient client, string agent, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/agents/{agent}");
        request.Headers.Add("X-Agent-Token", token);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.JsonAsync();
        Assert.That(problem.Str("type"), Is.EqualTo("urn:ivrengine:problem:" + type));
        return problem;
    }

    private static Task<string> ReadEventsAsync(HttpClient client, string reference) => CallsApiTests.ReadEventStreamAsync(client, reference);

    private static async Task<(string Type, JsonElement Data)?> NextEventAsync(StreamReader reader)
    {
        string? type = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) return (type ?? "message", JsonDocument.Parse(line[6..]).RootElement.Clone());
        }
        return null;
    }
}
