using System.Collections.Immutable;
using System.Text;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Queues;
using IvrEngine.Time;
using NodaTime;

namespace IvrEngine.Flows;

/// <summary>
/// Runs flows: each on a real <see cref="CallSession"/> with its own <see cref="VirtualClock"/> (the
/// engine the console and the tests use), so runs share nothing and go in parallel, in virtual time.
/// </summary>
/// <param name="stopwatch">Measures how long runs take for reports (the wall clock, never the call's clock).</param>
public sealed class FlowRunner(TimeProvider stopwatch)
{
    private const int TailLines = 8;

    /// <summary>When a flow without <c>at:</c> calls: Monday 30 November 2026, 09:00 in the menu's zone.</summary>
    public static readonly LocalDateTime DefaultStart = new(2026, 11, 30, 9, 0);

    /// <summary>
    /// Whether a failed expectation lets the run go on (<c>ivr test --keep-going</c>), so one run
    /// reports every expectation that fails; a caller step that cannot be done still ends it.
    /// </summary>
    public bool KeepGoing { get; init; }

    /// <summary>Collect, for each failed expectation, the step rewritten to what the call shows (<c>ivr test --update</c>); implies <see cref="KeepGoing"/>.</summary>
    public bool Update { get; init; }

    /// <summary>Runs every case, in parallel; results come back in the order of <paramref name="cases"/>.</summary>
    public ImmutableArray<FlowResult> RunAll(IReadOnlyList<FlowCase> cases)
    {
        var results = new FlowResult[cases.Count];
        Parallel.For(0, cases.Count, i => results[i] = Run(cases[i]));
        return [.. results];
    }

    public FlowResult Run(FlowCase flowCase)
    {
        var started = stopwatch.GetTimestamp();
        var header = flowCase.File.Header;
        var clock = new VirtualClock(header.StartAt ?? DefaultStart.InZoneLeniently(flowCase.Menu.TimeZone).ToInstant());
        var settings = new CallSettings(flowCase.Locale, header.CallerId, Seed: header.Seed, Pacing: header.Pacing);
        CallCenter? center = null;
        if (flowCase.Staffing is { } staffing)
        {
            // As in 'ivr call --seed': one seeded sequence gives the centre its seed, then the call its reference.
            var random = new Random(header.Seed);
            // A flow that expects a callback books it in a store of its own, in memory: runs share nothing.
            var callbacks = flowCase.NeedsCallbacks ? new InMemoryCallbackStore() : null;
            center = new CallCenter(flowCase.Menu, staffing, clock, random.Next(), callbacks: callbacks);
            settings = settings with { Reference = ReferenceNumber.Create(random), CallCenter = center };
        }
        var session = new CallSession(flowCase.Menu, settings, clock);
        var call = new FlowCall(session, clock, center);
        var failures = new List<string>();
        var updates = new List<FlowUpdate>();
        try
        {
            session.Start();
            foreach (var step in flowCase.Flow.Steps.Where(s => s.AppliesTo(flowCase.Locale)))
            {
                if (step is CallerStep action)
                {
                    if (action.CannotPerform(call) is { } refused)
                    {
                        failures.Add(Describe(flowCase, step, refused.Expected, refused.Actual, session));
                        break;
                    }
                    action.Perform(call);
                }
                else if (step is Expectation expectation && expectation.Check(call) is { } mismatch)
                {
                    failures.Add(Describe(flowCase, step, mismatch.Expected, mismatch.Actual, session));
                    if (Update && expectation.Snapshot(call) is { } rewritten) updates.Add(new FlowUpdate(step.At, step.Source, rewritten));
                    if (!KeepGoing && !Update) break;
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A flow must never take the run down; an engine fault is a failure with its message.
            failures.Add(Describe(flowCase, null, "the call to run", $"the engine threw {exception.GetType().Name}: {exception.Message}", session));
        }
        var failure = failures.Count == 0 ? null : string.Join("\n", failures);
        return new FlowResult(flowCase, failure, session, stopwatch.GetElapsedTime(started)) { Updates = [.. updates] };
    }

    private static string Describe(FlowCase flowCase, FlowStep? step, string expected, string actual, CallSession call)
    {
        var message = new StringBuilder()
            .Append(step?.At.ToString() ?? flowCase.File.Path).Append(": ").Append(step is null ? "flow" : $"`{step.Source}`").Append(" failed in ").AppendLine(flowCase.Name)
            .Append("  expected ").AppendLine(expected)
            .Append("  but      ").AppendLine(actual)
            .AppendLine("  last lines of the call:");
        foreach (var line in FlowTranscriptTail.Of(call, TailLines)) message.Append("    ").AppendLine(line);
        return message.ToString().TrimEnd();
    }
}
