using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using IvrEngine.Http.Infrastructure;
using IvrEngine.Http.Twiml;
using IvrEngine.Queues;
using IvrEngine.Queues.Agents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IvrEngine.Http.Agents;

/// <summary>
/// The live agents API: sign in and out, ready / not ready, accept or decline the call offered, hang
/// up, transfer, wrap-up done, read, and the agent's event stream. Every request about one agent
/// carries that agent's token (<c>X-Agent-Token</c>); writes also need the service's key.
/// </summary>
internal static partial class AgentEndpoints
{
    public const string TokenHeader = "X-Agent-Token";

    /// <summary>Characters of a not-ready reason: a word or two for the supervisor, not a note.</summary>
    private const int MaxReason = 100;

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder writes)
    {
        var agents = app.MapGroup("/agents").WithTags("Agents");
        var write = writes.MapGroup("/agents").WithTags("Agents");
        write.MapPost("/", SignInAsync).Accepts<SignInBody>("application/json").Produces<SignedInView>(StatusCodes.Status201Created).WithSummary("A person signs in as a live agent");
        write.MapPost("/{id}/ready", (string id, HttpRequest r, ServedLine l) => ActAsync(id, r, l, AgentActions.Ready, (live, a) => live.Ready(a)))
            .Produces<AgentView>().WithSummary("Ready for calls");
        write.MapPost("/{id}/not-ready", NotReadyAsync).Accepts<NotReadyBody>("application/json").Produces<AgentView>().WithSummary("Not ready (now, or after the call in hand)");
        write.MapPost("/{id}/accept", (string id, HttpRequest r, ServedLine l) => OnCallAsync(id, r, l, AgentActions.Accept, offered: true, (live, a) => live.Accept(a)))
            .Accepts<AgentCallBody>("application/json").Produces<AgentView>().WithSummary("Accept the call offered now");
        write.MapPost("/{id}/decline", (string id, HttpRequest r, ServedLine l) => OnCallAsync(id, r, l, AgentActions.Decline, offered: true, (live, a) => live.Decline(a)))
            .Accepts<AgentCallBody>("application/json").Produces<AgentView>().WithSummary("Let the call offered go (a ring-out: the next agent is rung)");
        write.MapPost("/{id}/hangup", (string id, HttpRequest r, ServedLine l) => OnCallAsync(id, r, l, AgentActions.HangUp, offered: false, (live, a) => live.HangUp(a)))
            .Accepts<AgentCallBody>("application/json").Produces<AgentView>().WithSummary("End the call (then wrap-up)");
        write.MapPost("/{id}/transfer", TransferAsync).Accepts<AgentTransferBody>("application/json").Produces<AgentView>().WithSummary("Hand the caller to another queue (then wrap-up)");
        write.MapPost("/{id}/wrap-up-done", (string id, HttpRequest r, ServedLine l) => ActAsync(id, r, l, AgentActions.WrapUpDone, (live, a) => live.WrapUpDone(a)))
            .Produces<AgentView>().WithSummary("Wrap-up done: ready again");
        write.MapDelete("/{id}", (string id, HttpRequest r, ServedLine l) => ActAsync(id, r, l, AgentActions.SignOut, (live, a) => live.SignOut(a)))
            .Produces<AgentView>().WithSummary("Sign out (a call in hand ends as answered; one ringing goes to the next agent)");
        agents.MapGet("/", ListAsync).Produces<AgentSummary[]>().WithSummary("Every agent of the line, live and simulated");
        agents.MapGet("/{id}", ReadAsync).Produces<AgentView>().WithSummary("The agent's status, offered call and call in hand");
        agents.MapGet("/{id}/events", Events).WithSummary("The agent's events as server-sent events: state, offered, rang-out, declined, offer-withdrawn, connected, ended");
    }

    private static async Task<IResult> SignInAsync(HttpRequest request, ServedLine line)
    {
        var (body, problem) = await JsonBody.ReadAsync<SignInBody>(request);
        if (problem is not null) return problem;
        if (line.Center is not { } center) return NoQueues();
        var dial = body!.Dial;
        if (dial is not null && (dial.Client is null) == (dial.Number is null)) return Problems.Invalid("dial", "dial is either {\"client\": IDENTITY} or {\"number\": \"+E164\"}.");
        if (dial?.Client is { } client && !ClientPattern().IsMatch(client)) return Problems.Invalid("dial.client", "dial.client is a Twilio Client identity: 1 to 100 of letters, digits, _ . @ -.");
        if (dial?.Number is { } number && !NumberPattern().IsMatch(number)) return Problems.Invalid("dial.number", $"'{Problems.Printable(number)}' is not an E.164 number (+12025550143).");
        var destination = dial is null ? null : new AgentDestination(dial.Client, dial.Number);

        if ((body.Agent is null) == (body.Name is null)) return Problems.Invalid("agent", "Give either agent (a live seat of the staffing file) or name and queues (to sign in with queues of your own).");
        if (body.Agent is { } seatName)
        {
            if (body.Queues is not null) return Problems.Invalid("queues", "A staffing seat's queues are the staffing file's; give queues only with name.");
            return await line.Host.InvokeAsync(() =>
            {
                if (center.Live.Find(seatName) is not { } seat) return UnknownAgent(seatName);
                if (!seat.IsLive) return Problems.Conflict("not-a-live-seat", "Not a live seat", $"'{Problems.Printable(seatName)}' is a simulated agent of the staffing file; only entries marked \"live\": true take a person.");
                if (!center.Live.SignIn(seat)) return Problems.Conflict("already-signed-in", "Already signed in", $"Somebody is signed in at '{Problems.Printable(seatName)}'; they sign out first (DELETE /agents/{{id}}).");
                return SignedIn(line, center, seatName, destination);
            });
        }

        var name = body.Name!;
        if (!NamePattern().IsMatch(name)) return Problems.Invalid("name", "name is 1 to 40 letters, digits, spaces and . _ -, starting with a letter or digit.");
        if (body.Queues is not { Count: > 0 } queues) return Problems.Invalid("queues", "queues names the queues you answer, each with a tier 1-9 ({\"general\": 1}).");
        foreach (var (queue, tier) in queues)
        {
            if (!center.Menu.Queues.ContainsKey(queue)) return Problems.NoSuchQueue($"queues.{queue}", queue, center.Menu);
            if (tier is < 1 or > 9) return Problems.Invalid($"queues.{queue}", "A tier is 1 to 9 (1 is rung first).");
        }
        return await line.Host.InvokeAsync(() =>
        {
            if (center.Live.Find(name) is not null) return Problems.Conflict("agent-name-taken", "Name taken", $"The line already has an agent '{Problems.Printable(name)}'; sign in at that seat with agent, or choose another name.");
            if (center.Live.Count >= LiveAgents.MaxAgents) return Problems.Conflict("too-many-agents", "Too many agents", $"The line has {LiveAgents.MaxAgents:N0} agents, the most it holds.");
            center.Live.SignInNew(name, queues);
            return SignedIn(line, center, name, destination);
        });
    }

    /// <summary>The token and the seat, read on the calls' thread in the same turn as the sign-in (another request may be adding seats).</summary>
    private static IResult SignedIn(ServedLine line, CallCenter center, string agent, AgentDestination? dial)
    {
        var token = line.Desk.SignedIn(agent, dial);
        var seat = center.Live.Find(agent)!;
        return TypedResults.Created($"/agents/{Uri.EscapeDataString(agent)}",
            new SignedInView(agent, token, LiveAgentStatus.NotReady.ToString(), seat.Profile.Tiers, dial is null ? null : new AgentDialView(dial.Client, dial.Number)));
    }

    private static async Task<IResult> NotReadyAsync(string id, HttpRequest request, ServedLine line)
    {
        var (body, problem) = await JsonBody.ReadAsync<NotReadyBody>(request);
        if (problem is not null) return problem;
        if (body!.Reason is { } reason && (reason.Length > MaxReason || reason.Any(char.IsControl)))
        {
            return Problems.Invalid("reason", $"reason is at most {MaxReason} characters, without control characters.");
        }
        return await ActAsync(id, request, line, AgentActions.NotReady, (live, a) => live.NotReady(a, body.Reason));
    }

    private static async Task<IResult> TransferAsync(string id, HttpRequest request, ServedLine line)
    {
        var (body, problem) = await JsonBody.ReadAsync<AgentTransferBody>(request);
        if (problem is not null) return problem;
        if (body!.Queue is not { Length: > 0 } queue) return Problems.Invalid("queue", "queue names the queue to hand the caller to.");
        if (line.Center is { } center && !center.Menu.Queues.ContainsKey(queue)) return Problems.NoSuchQueue("queue", queue, center.Menu);
        return await ActAsync(id, request, line, AgentActions.Transfer, (live, a) => live.Transfer(a, queue), body.Call, offered: false);
    }

    /// <summary>An action on the agent's call: the body may name the call meant, which must be theirs.</summary>
    private static async Task<IResult> OnCallAsync(string id, HttpRequest request, ServedLine line, string action, bool offered, Func<LiveAgents, Agent, bool> act)
    {
        var (body, problem) = await JsonBody.ReadAsync<AgentCallBody>(request);
        if (problem is not null) return problem;
        return await ActAsync(id, request, line, action, act, body!.Call, offered);
    }

    /// <summary>
    /// Runs one action of the agent on the calls' thread: 404 for an unknown agent, 401/403 without their
    /// token, 403 when the call named is not theirs, 409 when their status cannot take it.
    /// </summary>
    private static async Task<IResult> ActAsync(string id, HttpRequest request, ServedLine line, string action, Func<LiveAgents, Agent, bool> act, string? call = null, bool offered = false)
    {
        if (line.Center is not { } center) return NoQueues();
        if (TokenOf(request, fromQuery: false) is not { } token) return Problems.AgentTokenRequired();
        return await line.Host.InvokeAsync(() =>
        {
            if (Authorize(line, center, id, token) is { } refused) return refused;
            var live = center.Live;
            var agent = live.Find(id)!;
            var theirs = offered ? live.OfferedTo(agent) : live.TalkingTo(agent);
            if (call is not null && theirs?.Reference != call) return Problems.NotYourCall(call);
            var status = live.StatusOf(agent);
            if (!AgentActions.AcceptedIn(status).Contains(action) || !act(live, agent)) return Problems.AgentCannot(action, status.ToString(), AgentActions.AcceptedIn(status));
            return TypedResults.Ok(Describe(line, live, agent));
        });
    }

    private static async Task<IResult> ReadAsync(string id, HttpRequest request, ServedLine line)
    {
        if (line.Center is not { } center) return NoQueues();
        if (TokenOf(request, fromQuery: false) is not { } token) return Problems.AgentTokenRequired();
        return await line.Host.InvokeAsync(() => Authorize(line, center, id, token) ?? TypedResults.Ok(Describe(line, center.Live, center.Live.Find(id)!)));
    }

    private static async Task<IResult> ListAsync(ServedLine line)
    {
        if (line.Center is not { } center) return TypedResults.Ok(Array.Empty<AgentSummary>());
        return TypedResults.Ok(await line.Host.InvokeAsync(() => center.Agents.Select(a => new AgentSummary(
            a.Name, a.IsLive, a.IsLive ? center.Live.StatusOf(a).ToString() : a.State.ToString(), center.Live.ReasonOf(a), a.Profile.Tiers)).ToList()));
    }

    /// <remarks>A browser's EventSource cannot send headers: this stream also takes the token as <c>?token=</c>.</remarks>
    private static async Task<IResult> Events(string id, HttpRequest request, ServedLine line, HttpContext context)
    {
        if (line.Center is not { } center) return NoQueues();
        if (TokenOf(request, fromQuery: true) is not { } token) return Problems.AgentTokenRequired();
        var (refused, reader) = await line.Host.InvokeAsync(() =>
        {
            if (Authorize(line, center, id, token) is { } problem) return ((IResult?)problem, (System.Threading.Channels.ChannelReader<(string Type, string Json)>?)null);
            var agent = center.Live.Find(id)!;
            var now = new LiveAgentEvent(line.Host.Clock.Clock.GetCurrentInstant(), LiveAgentEventKind.StateChanged, agent.Name, center.Live.StatusOf(agent), center.Live.ReasonOf(agent), null, null);
            return (null, line.Desk.Listen(agent.Name, AgentDesk.View(now)));
        });
        return refused ?? TypedResults.ServerSentEvents(Stream(line, id, reader!, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(ServedLine line, string agent, System.Threading.Channels.ChannelReader<(string Type, string Json)> reader,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = 0;
        try
        {
            await foreach (var (type, json) in reader.ReadAllAsync(cancellationToken))
            {
                yield return new SseItem<string>(json, type) { EventId = (id++).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }
        finally
        {
            line.Host.Post(() => line.Desk.StopListening(agent, reader));
        }
    }

    /// <summary>The agent's token, from the header (or, for the event stream, the query), or null without one.</summary>
    private static string? TokenOf(HttpRequest request, bool fromQuery)
    {
        var token = request.Headers[TokenHeader].ToString();
        if (token.Length == 0 && fromQuery) token = request.Query["token"].ToString();
        return token.Length == 0 ? null : token;
    }

    /// <summary>On the calls' thread: 404 for an agent the line does not have (or a simulated one), 403 when the token is not theirs (or they are not signed in).</summary>
    private static IResult? Authorize(ServedLine line, CallCenter center, string id, string token)
    {
        if (center.Live.Find(id) is not { IsLive: true }) return UnknownAgent(id);
        return line.Desk.IsTokenOf(id, token) ? null : Problems.WrongAgent(id);
    }

    /// <summary>The agent as their desk sees them (on the calls' thread).</summary>
    private static AgentView Describe(ServedLine line, LiveAgents live, Agent agent)
    {
        var status = live.StatusOf(agent);
        var dial = line.Desk.DialOf(agent.Name);
        return new AgentView(agent.Name, status.ToString(), live.ReasonOf(agent), agent.Profile.Tiers, dial is null ? null : new AgentDialView(dial.Client, dial.Number),
            live.OfferedTo(agent), live.TalkingTo(agent), live.WrappingUp(agent), AgentActions.AcceptedIn(status));
    }

    private static IResult UnknownAgent(string id) => Problems.NotFound("agent", id, $"There is no agent '{Problems.Printable(id)}' on this line.");

    private static IResult NoQueues() => Problems.Conflict("no-queues", "No queues", "The line has no staffing: no agent can sign in.");

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.@-]{1,100}$")]
    private static partial Regex ClientPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex NumberPattern();
}
