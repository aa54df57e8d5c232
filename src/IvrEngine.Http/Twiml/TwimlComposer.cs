using IvrEngine.Calls;
using IvrEngine.Http.Calls;
using IvrEngine.Menus;
using HttpMethod = Twilio.Http.HttpMethod;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace IvrEngine.Http.Twiml;

/// <summary>
/// What the caller hears next, as TwiML built with Twilio's helper library: the prompts said since
/// the last webhook, then what the call's state waits for — a <c>Gather</c> in the menus, hold
/// music and a <c>Redirect</c> back every announcement period in a queue, <c>Hangup</c> at the end.
/// </summary>
internal static class TwimlComposer
{
    /// <summary>Seconds between webhooks while the call moves on its own (a transfer, a simulated agent's talk).</summary>
    private const int MovingPause = 5;

    /// <param name="baseUrl">Where the webhooks are (<c>https://ivr.example.com/twiml</c>).</param>
    /// <param name="dialTo">The live agent to connect the caller to, when one has accepted the call.</param>
    public static VoiceResponse Compose(LiveCall call, string baseUrl, IReadOnlyDictionary<string, string> holdMusic, AgentDestination? dialTo = null)
    {
        var session = call.Session;
        var (prompts, music) = call.TakeForTwiml();
        var response = new VoiceResponse();
        var language = session.Locale;
        var gatherUrl = new Uri($"{baseUrl}/gather?call={call.Reference}");
        var waitUrl = new Uri($"{baseUrl}/wait?call={call.Reference}");
        switch (session.State)
        {
            case CallState.Ended:
                foreach (var prompt in prompts) response.Say(prompt, language: language);
                response.Hangup();
                break;
            case CallState.InMenu or CallState.CollectingDigits or CallState.OfferingCallback when session.CurrentNodeId is { } nodeId:
                response.Append(MenuGather(session.Menu.Nodes[nodeId], session.State, language, gatherUrl, prompts));
                break;
            case CallState.Queued:
                var queue = session.Menu.Queues[session.QueueVisits[^1].Queue];
                var every = (int)Math.Max(1, queue.Announcements.Every.TotalSeconds);
                // A key while on hold answers a callback offer; silence comes back through the redirect for the next announcement.
                var hold = new Gather(input: [Gather.InputEnum.Dtmf], action: gatherUrl, method: HttpMethod.Post, timeout: every, numDigits: 1, actionOnEmptyResult: false);
                foreach (var prompt in prompts) hold.Say(prompt, language: language);
                if (holdMusic.TryGetValue(music ?? queue.Announcements.MusicClass, out var musicUrl)) hold.Play(new Uri(musicUrl));
                response.Append(hold);
                response.Redirect(waitUrl, HttpMethod.Post);
                break;
            case CallState.WithAgent when dialTo is not null:
                foreach (var prompt in prompts) response.Say(prompt, language: language);
                var dial = new Dial(action: waitUrl, method: HttpMethod.Post);
                if (dialTo.Client is { } client) dial.Client(client);
                else dial.Number(new Twilio.Types.PhoneNumber(dialTo.Number));
                response.Append(dial);
                break;
            default:
                // Transferring, or talking to a simulated agent: nothing to gather; come back shortly.
                foreach (var prompt in prompts) response.Say(prompt, language: language);
                response.Pause(MovingPause);
                response.Redirect(waitUrl, HttpMethod.Post);
                break;
        }
        return response;
    }

    private static Gather MenuGather(MenuNode node, CallState state, string language, Uri action, IReadOnlyList<string> prompts)
    {
        var collect = state == CallState.CollectingDigits ? node.Collect : null;
        var hints = string.Join(", ", node.Options.SelectMany(o => o.Phrases.For(language)).Distinct(StringComparer.Ordinal));
        // One key chooses an option when every option's key is one key long; otherwise the caller's pause ends the entry.
        int? numDigits = collect is not null ? collect.MaxLength
            : node.Options.Where(o => o.Key is not null).All(o => o.Key!.Length == 1) ? 1 : null;
        var gather = new Gather(
            input: [Gather.InputEnum.Dtmf, Gather.InputEnum.Speech],
            action: action,
            method: HttpMethod.Post,
            timeout: (int)Math.Max(1, node.NoInput.Timeout.TotalSeconds),
            finishOnKey: collect?.Terminator?.ToString() ?? string.Empty,
            numDigits: numDigits,
            language: language,
            hints: hints.Length == 0 ? null : hints,
            actionOnEmptyResult: true);
        foreach (var prompt in prompts) gather.Say(prompt, language: language);
        return gather;
    }
}

/// <summary>Where a live agent takes calls: a Twilio Client identity or a phone number.</summary>
public sealed record AgentDestination(string? Client, string? Number);
