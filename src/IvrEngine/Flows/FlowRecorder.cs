using System.Globalization;
using System.Text;
using IvrEngine.Calls;
using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Flows;

/// <summary>
/// Turns a finished call into a flow file: what the caller did becomes steps, what the line said
/// becomes expectations (each prompt's first sentence, cut before any reference number, which
/// differs between calls), so QA can write tests by calling and then edit. Works from the
/// transcript alone, so it sees exactly what the engine did.
/// </summary>
/// <remarks>
/// The transcript is read as moments: a caller action and what the line did in answer, or
/// something that happened by itself (a timeout, an announcement, an agent answering). Each
/// moment is written as its step, then its expectations, so every <c>expect prompt</c> sits
/// after the step it answers. On the real clock the line answers a few milliseconds after the
/// action and timers fire a little late, so events close together are one moment, a moment the
/// line started is reached with a bare <c>wait</c> (until the line says something), and the
/// caller's idle time before an action is cut to whole seconds: nothing happened in it, so any
/// shorter wait replays the same call.
/// </remarks>
public static class FlowRecorder
{
    private static readonly LocalDateTimePattern StartPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    /// <summary>On the real clock, how far apart an event may follow the one before and still answer the same action.</summary>
    /// <summary>How much of a long sentence an <c>expect prompt</c> quotes.</summary>
    private const int LongestExpected = 80;

    private static readonly Duration RealClockSlack = Duration.FromMilliseconds(500);

    /// <param name="menuPath">The menu as the flow should name it (relative to where the flow is written, or absolute).</param>
    /// <param name="seed">The seed the call ran with, if it was given; without one, reference numbers differ on replay.</param>
    /// <param name="pacing"><see cref="PromptPacing.Spoken"/> for a call on the real clock, whose event times jitter.</param>
    /// <param name="staffing">The flow's <c>staffing:</c> value (a path relative to the flow, or <c>none</c>); null to leave it to the default beside the menu.</param>
    public static string Write(CallSession call, string menuPath, int? seed, PromptPacing pacing, string? staffing = null)
    {
        var text = new StringBuilder()
            .AppendLine("# Recorded with 'ivr call --record'. Every prompt heard is an expectation: keep the ones that matter.")
            .Append("menu: ").AppendLine(menuPath.Replace('\\', '/'))
            .Append("locale: ").AppendLine(call.Locale)
            .Append("at: ").Append(StartPattern.Format(call.StartedAt.InZone(call.Menu.TimeZone).LocalDateTime)).Append(' ').AppendLine(call.Menu.TimeZone.Id);
        if (seed is { } s) text.Append("seed: ").AppendLine(s.ToString(CultureInfo.InvariantCulture));
        if (call.CallerId is { } callerId) text.Append("caller-id: ").AppendLine(callerId);
        if (pacing == PromptPacing.Spoken) text.AppendLine("pacing: spoken");
        if (staffing is not null) text.Append("staffing: ").AppendLine(staffing.Replace('\\', '/'));

        var realClock = pacing == PromptPacing.Spoken;
        var state = new Expected();
        // Where the replay's clock stands: the last moment written, and the latest event folded in since.
        var written = call.StartedAt;
        var folded = Duration.Zero;
        foreach (var moment in Moments(call.Transcript.Events, realClock ? RealClockSlack : Duration.Zero))
        {
            if (moment.Action is null && !moment.LineSpoke && !moment.Ends)
            {
                // Nothing to hear (a silent timer): its effects show in the expectations of the next moment written.
                state.Follow(moment.Events, call);
                folded = moment.Last - written;
                continue;
            }
            text.AppendLine();
            // The call being answered needs no step: what the line says first is expected straight away.
            if (moment.Events[0].Type != CallEventType.CallStarted) WriteStep(text, moment, moment.Start - written, folded, realClock);
            foreach (var prompt in moment.Events.Where(e => e.Type == CallEventType.Prompt))
            {
                var (heard, saysReference) = FirstSentence(prompt.Text!, call.Reference);
                if (heard.Length > 0) text.Append("expect prompt \"").Append(heard).AppendLine("\"");
                if (saysReference) text.AppendLine("expect reference");
            }
            state.Follow(moment.Events, call);
            state.WriteTo(text);
            written = moment.Last;
            folded = Duration.Zero;
        }
        return text.ToString();
    }

    /// <summary>The step that reaches a moment: a wait for the line, or the caller's idle time and then their action.</summary>
    private static void WriteStep(StringBuilder text, Moment moment, Duration gap, Duration folded, bool realClock)
    {
        if (moment.Action is null)
        {
            text.AppendLine(realClock ? "wait" : $"wait {DurationText.Format(gap)}");
            return;
        }
        var idle = realClock ? Duration.FromSeconds(Math.Floor(gap.TotalSeconds)) : gap;
        // A timer folded into this step must still fire before the action: then the exact time is kept.
        if (idle < folded) idle = gap;
        if (idle > Duration.Zero && DurationText.Format(idle) is var wait && wait != "0s") text.Append("wait ").AppendLine(wait);
        text.AppendLine(moment.Action);
    }

    /// <summary>Groups the transcript into moments: an action and the line's answer, or what the line did by itself.</summary>
    private static List<Moment> Moments(IReadOnlyList<CallEvent> events, Duration slack)
    {
        var moments = new List<Moment>();
        Moment? current = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var close = current is not null && e.At - current.Last <= slack;
            if (e.Type == CallEventType.KeyPressed && close && i > 0 && events[i - 1].Type == CallEventType.KeyPressed && current!.Keys is not null)
            {
                // Keys with nothing said between them are one run: press 1234#.
                current.Keys.Append(e.Text);
                current.Add(e);
                continue;
            }
            if (ActionOf(e) is { } action)
            {
                current = new Moment(e.At, action == "press" ? new StringBuilder(e.Text) : null, action);
                moments.Add(current);
            }
            else if (!close)
            {
                current = new Moment(e.At, null, null);
                moments.Add(current);
            }
            current!.Add(e);
        }
        return moments;
    }

    /// <summary>The step a caller's event is (<c>press</c> stands for the keys, gathered later), or null for the line's own events.</summary>
    private static string? ActionOf(CallEvent e) => e.Type switch
    {
        CallEventType.KeyPressed => "press",
        CallEventType.SpeechHeard => $"say {e.Text}",
        CallEventType.StateChanged when e.Text == "Hangup" => "hangup",
        CallEventType.AgentHandOff when e.Detail?.EndsWith(CallSession.AgentsOwnHandOff, StringComparison.Ordinal) != true => $"transfer {e.Text}",
        _ => null,
    };

    /// <summary>The first sentence of a prompt, stopping before the reference number (it differs without a seed).</summary>
    internal static (string Text, bool SaysReference) FirstSentence(string prompt, ReferenceNumber reference)
    {
        var spoken = PromptRenderer.Render("{reference:digits}", _ => reference.ToString());
        var cut = prompt;
        var saysReference = false;
        foreach (var form in new[] { spoken, reference.ToString() })
        {
            var at = cut.IndexOf(form, StringComparison.Ordinal);
            if (at < 0) continue;
            cut = cut[..at];
            saysReference = true;
        }
        var end = cut.IndexOfAny(['.', '!', '?'], Math.Min(12, cut.Length));
        if (end >= 0) cut = cut[..(end + 1)];
        if (cut.Length > LongestExpected)
        {
            // A long sentence is expected up to its first clause, or its first words: enough to tell prompts apart.
            var clause = cut.IndexOfAny([',', ';', ':'], 20);
            var space = cut.LastIndexOf(' ', LongestExpected);
            cut = clause is > 0 and <= LongestExpected ? cut[..(clause + 1)] : cut[..(space > 0 ? space : LongestExpected)];
        }
        return (cut.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal), saysReference);
    }

    /// <summary>One step of the flow: a caller action (or the line acting by itself) and the events that followed it.</summary>
    private sealed class Moment(Instant start, StringBuilder? keys, string? action)
    {
        private readonly List<CallEvent> _events = [];

        public Instant Start { get; } = start;

        public Instant Last { get; private set; } = start;

        /// <summary>The keys of a <c>press</c>, growing while keys follow one another.</summary>
        public StringBuilder? Keys => keys;

        /// <summary>The step as written, or null when the line acted by itself.</summary>
        public string? Action => keys is null ? action : $"press {keys}";

        public IReadOnlyList<CallEvent> Events => _events;

        /// <summary>The line said something or an agent answered: what a bare <c>wait</c> stops at.</summary>
        public bool LineSpoke => _events.Any(e => e.Type is CallEventType.Prompt or CallEventType.AgentConnected);

        public bool Ends => _events.Any(e => e.Type == CallEventType.CallEnded);

        public void Add(CallEvent e)
        {
            _events.Add(e);
            Last = e.At;
        }
    }

    /// <summary>Where the caller is, written as expectations after each moment: node, queue and place, agent, outcome.</summary>
    private sealed class Expected
    {
        private string? _node;
        private (string Queue, string? Position)? _queue;
        private string? _agent;
        private bool _offeringCallback;
        private bool _callbackBooked;
        private string? _outcome;

        public void Follow(IEnumerable<CallEvent> events, CallSession call)
        {
            foreach (var e in events)
            {
                switch (e.Type)
                {
                    case CallEventType.NodeEntered:
                        _node = e.Text;
                        break;
                    case CallEventType.QueueJoined:
                        _queue = (e.Text!, e.Detail is { } detail && detail.StartsWith("position ", StringComparison.Ordinal) ? detail["position ".Length..] : null);
                        _agent = null;
                        break;
                    case CallEventType.QueueLeft:
                        _queue = null;
                        break;
                    case CallEventType.AgentConnected:
                        _agent = e.Text;
                        _queue = null;
                        break;
                    case CallEventType.AgentHandOff:
                        _agent = null;
                        break;
                    // A flow expecting the offer or the booking gets a callback store, as the console's call had.
                    case CallEventType.StateChanged:
                        _offeringCallback = e.Detail?.EndsWith("-> OfferingCallback", StringComparison.Ordinal) == true;
                        break;
                    case CallEventType.CallbackBooked or CallEventType.CallbackExisting:
                        _callbackBooked = true;
                        break;
                    case CallEventType.CallEnded when call.Outcome is { } outcome:
                        (_queue, _agent) = (null, null);
                        _outcome = FlowText.OutcomeName(outcome.Kind) + (outcome.QueueId is null ? "" : $" {outcome.QueueId}");
                        break;
                }
            }
        }

        /// <summary>Writes what changed since the last moment written, then forgets it.</summary>
        public void WriteTo(StringBuilder text)
        {
            if (_node is not null) text.Append("expect node ").AppendLine(_node);
            if (_queue is var (queue, position))
            {
                text.Append("expect queued ").AppendLine(queue);
                if (position is not null) text.Append("expect position ").AppendLine(position);
            }
            if (_agent is not null) text.Append("expect agent ").AppendLine(_agent);
            if (_offeringCallback) text.AppendLine("expect state offering-callback");
            if (_callbackBooked) text.AppendLine("expect callback");
            if (_outcome is not null) text.Append("expect outcome ").AppendLine(_outcome);
            (_node, _queue, _agent, _offeringCallback, _callbackBooked, _outcome) = (null, null, null, false, false, null);
        }
    }
}
