using System.Globalization;
using IvrEngine.Hosting;
using IvrEngine.Menus;
using IvrEngine.Queues;
using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr call --busy N</c>: other callers on the console's line (<see cref="BackgroundCallers"/>). A queue
/// estimates a wait only from calls it has answered, so in virtual time they call for an hour before
/// the console's call starts (the clock starts an hour before <c>--at</c>); on the real clock, which
/// cannot be hurried, they start with the call.
/// </summary>
internal static class BusyLine
{
    public static readonly Duration WarmUp = Duration.FromHours(1);

    /// <summary>The virtual clock's start for a busy call at <paramref name="at"/>: one warm-up earlier (--at is checked before this is asked).</summary>
    public static string WarmUpStart(string at) =>
        Time.StartTimeParser.TryParse(at, out var instant, out _) ? InstantPattern.ExtendedIso.Format(instant - WarmUp) : at;

    /// <summary>Starts the other callers, lets the warm-up pass in virtual time, and says what the line is like now.</summary>
    public static async Task<BackgroundCallers> StartAsync(CallHost host, Menu menu, CallCenter center, int perHour, int seed, TextWriter output)
    {
        var others = new BackgroundCallers(host, menu, center, perHour, seed);
        await others.StartAsync();
        if (host.Clock.Mode == ClockMode.Real)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Busy line: {perHour} other callers an hour, from now on; a queue estimates waits once it has answered 3 calls (--speed hurries that)."));
            return others;
        }

        await host.AdvanceAsync(WarmUp);
        var waiting = await host.InvokeAsync(() => menu.Queues.Keys.Order(StringComparer.Ordinal)
            .Select(q => (Queue: q, Count: center.Waiting(q))).Where(q => q.Count > 0).ToList());
        var where = waiting.Count == 0 ? "none waiting now" : string.Join(", ", waiting.Select(q => $"{q.Count} waiting in {q.Queue}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Busy line: {perHour} other callers an hour; {others.Arrived} called in the hour before yours: {where}."));
        return others;
    }
}
