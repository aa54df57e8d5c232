using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using IvrEngine.Calls;
using IvrEngine.Http.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace IvrEngine.Http.Calls;

/// <summary>The calls API: start, press, say, hang up, transfer, read, and the event stream.</summary>
internal static partial class CallEndpoints
{
    /// <summary>Keys in one press: a collector takes at most 64 digits.</summary>
    internal const int MaxKeys = 64;

    /// <summary>Characters of one utterance: a sentence, not a document.</summary>
    internal const int MaxWords = 500;

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder writes)
    {
        var calls = app.MapGroup("/calls").WithTags("Calls");
        var write = writes.MapGroup("/calls").WithTags("Calls");
        write.MapPost("/", StartAsync).Accepts<StartCallBody>("application/json").Produces<CallView>(StatusCodes.Status201Created).WithSummary("Start a call on the served menu");
        write.MapPost("/{reference}/press", PressAsync).Accepts<PressBody>("application/json").Produces<CallView>().WithSummary("Press keys");
        write.MapPost("/{reference}/say", SayAsync).Accepts<SayBody>("application/json").Produces<CallView>().WithSummary("Say words");
        write.MapPost("/{reference}/hangup", HangUpAsync).Produces<CallView>().WithSummary("The caller hangs up");
        write.MapPost("/{reference}/transfer", TransferAsync).Accepts<TransferBody>("application/json").Produces<CallView>().WithSummary("The agent on the line hands the caller to another queue");
        calls.MapGet("/", ListAsync).Produces<CallView[]>().WithSummary("Calls in progress and recently ended");
        calls.MapGet("/{reference}", ReadAsync).Produces<CallView>().WithSummary("Where a call is");
        calls.MapGet("/{reference}/events", Events).WithSummary("The call's events as server-sent events, each the JSON of its transcript line");
        writes.MapPost("/clock/advance", AdvanceAsync).Accepts<AdvanceBody>("application/json").WithTags("Clock").WithSummary("Virtual time only: let time pass");
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ServedLine line)
    {
        var (body, problem) = await JsonBody.ReadAsync<StartCallBody>(request);
        if (problem is not null) return problem;
        if (line.Menu is not { } menu) return Problems.Conflict("no-menu", "No menu served", "The line has no menu loaded yet.");
        if (body!.Menu is { } name && name != menu.Name) return Problems.NotFound("menu", name, $"This service serves the menu '{menu.Name}', not '{Problems.Printable(name)}'.");
        if (menu.ResolveLocale(body.Locale) is not { } locale) return Problems.Invalid("locale", $"The menu '{menu.Name}' has no locale '{Problems.Printable(body.Locale!)}'; choose one of {string.Join(", ", menu.Locales)}.");
        if (body.CallerId is { } number && !CallerIdPattern().IsMatch(number)) return Problems.Invalid("callerId", $"'{Problems.Printable(number)}' is not a phone number; write digits, optionally with a leading + (+12025550143).");

        var (call, _) = await line.StartAsync(menu, locale, body.CallerId);
        if (call is null) return Problems.TooManyCalls(line.Options.MaxCalls);
        var view = await line.Host.InvokeAsync(() => Describe(line, call, 0));
        return TypedResults.Created($"/calls/{call.Reference}", view);
    }

    private static async Task<IResult> PressAsync(string reference, HttpRequest request, ServedLine line)
    {
        var (body, problem) = await JsonBody.ReadAsync<PressBody>(request);
        if (problem is not null) return problem;
        if (body!.Keys is not { Length: > 0 and <= MaxKeys } keys || !keys.All(k => char.IsAsciiDigit(k) || k is '*' or '#'))
        {
            return Problems.Invalid("keys", $"keys must be 1 to {MaxKeys} of 0-9, * and # (\"21#\").");
        }
        return await ActAsync(line, reference, CallInputs.Press, call => call.Press(keys));
    }

    private static async Task<IResult> SayAsync(string reference, HttpRequest request, ServedLine line)
    {
        var (body, problem) = await JsonBody.ReadAsync<SayBody>(request);
        if (problem is not null) return problem;
        if (body!.Words is not { } words || string.IsNullOrWhiteSpace(words) || words.Length > MaxWords)
        {
            return Problems.Invalid("words", $"words must be 1 to {MaxWords} characters of what the caller said.");
        }
        return await ActAsync(line, reference, CallInputs.Say, call => call.Say(words.Trim()));
    }

    private static Task<IResult> HangUpAsync(string reference, ServedLine line) => ActAsync(line, reference, CallInputs.HangUp, call => call.HangUp());

    private static async Task<IResult> TransferAsync(string reference, HttpRequest request, ServedLine line)
    {
        var (body, problem) = await JsonBody.ReadAsync<TransferBody>(request);
        if (problem is not null) return problem;
        if (body!.Queue is not { Length: > 0 } queue) return Problems.Invalid("queue", "queue names the queue to hand the caller to.");
        if (line.Menu is { } menu && !menu.Queues.ContainsKey(queue)) return Problems.NoSuchQueue("queue", queue, menu);
        // A caller talking to a live agent is theirs to transfer: the request carries that agent's token.
        var token = request.Headers[Agents.AgentEndpoints.TokenHeader].ToString();
        bool NotTheirs() => line.Desk.AgentTalkingTo(reference) is { } agent && !line.Desk.IsTokenOf(agent, token);
        if (await line.Host.InvokeAsync(NotTheirs)) return Problems.NotYourCall(reference);
        // Checked again in the turn that transfers: a live agent may have picked the caller up meanwhile.
        var refused = false;
        var result = await ActAsync(line, reference, CallInputs.Transfer, call =>
        {
            if (refused = NotTheirs()) return;
            if (line.Desk.AgentTalkingTo(reference) is not null) line.Desk.MovingByCallsApi(reference, queue);
            line.Center?.TransferByAgent(call, queue);
        });
        return refused ? Problems.NotYourCall(reference) : result;
    }

    private static async Task<IResult> ReadAsync(string reference, ServedLine line) =>
        line.Find(reference) is { } call
            ? TypedResults.Ok(await line.Host.InvokeAsync(() => Describe(line, call, call.Mark())))
            : Problems.UnknownCall(reference);

    private static async Task<IResult> ListAsync(ServedLine line)
    {
        var calls = line.Calls();
        return TypedResults.Ok(await line.Host.InvokeAsync(() => calls.Select(c => Describe(line, c, c.Mark())).ToList()));
    }

    private static IResult Events(string reference, ServedLine line, HttpContext context)
    {
        if (line.Find(reference) is not { } call) return Problems.UnknownCall(reference);
        return TypedResults.ServerSentEvents(Stream(line, call, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(ServedLine line, LiveCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await line.Host.InvokeAsync(call.Listen);
        var id = 0;
        try
        {
            await foreach (var json in reader.ReadAllAsync(cancellationToken)) yield return new SseItem<string>(json) { EventId = (id++).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        finally
        {
            line.Host.Post(() => call.StopListening(reader));
        }
    }

    private static async Task<IResult> AdvanceAsync(HttpRequest request, ServedLine line)
    {
        var (body, problem) = await JsonBody.ReadAsync<AdvanceBody>(request);
        if (problem is not null) return problem;
        if (body!.Seconds is not { } seconds || seconds is not (> 0 and <= 86_400)) return Problems.Invalid("seconds", "seconds must be more than 0 and at most a day (86400).");
        if (line.Host.Clock.Virtual is null) return Problems.Conflict("real-time", "Time is real", "The service runs on the wall clock; only a service started with --clock virtual lets time be advanced.");
        await line.Host.AdvanceAsync(Duration.FromSeconds(seconds));
        return TypedResults.Ok(new { now = line.Host.Clock.Clock.GetCurrentInstant().ToString() });
    }

    /// <summary>Runs one input on the calls' thread: 404 for an unknown call, 409 when its state cannot take the input.</summary>
    private static async Task<IResult> ActAsync(ServedLine line, string reference, string input, Action<CallSession> act)
    {
        if (line.Find(reference) is not { } call) return Problems.UnknownCall(reference);
        var (view, refusedIn) = await line.Host.InvokeAsync(() =>
        {
            var state = call.Session.State;
            if (!CallInputs.Accepts(state, input)) return ((CallView?)null, state);
            var mark = call.Mark();
            act(call.Session);
            return (Describe(line, call, mark), state);
        });
        return view is null ? Problems.NotAccepted(input, refusedIn, CallInputs.AcceptedIn(refusedIn)) : TypedResults.Ok(view);
    }

    /// <summary>The call as the API shows it (on the calls' thread).</summary>
    internal static CallView Describe(ServedLine line, LiveCall call, int promptMark)
    {
        var session = call.Session;
        var center = line.Center;
        var position = center?.PositionOf(session);
        var wait = center?.ExpectedWaitOf(session);
        var agent = session.State == CallState.WithAgent ? session.Transcript.Events.LastOrDefault(e => e.Type == CallEventType.AgentConnected)?.Text : null;
        return new CallView(call.Reference, session.Menu.Name, session.Menu.Version, session.Locale, session.State.ToString(), session.CurrentNodeId,
            call.PromptsSince(promptMark), CallInputs.AcceptedIn(session.State), session.Outcome?.ToString(),
            session.QueueVisits.Count > 0 && session.QueueVisits[^1].LeftAt is null ? session.QueueVisits[^1].Queue : null,
            position, wait?.TotalSeconds, agent);
    }

    [GeneratedRegex(@"^\+?[0-9]{3,15}$")]
    private static partial Regex CallerIdPattern();
}
