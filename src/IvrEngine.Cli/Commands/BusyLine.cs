using System.Globalization;
using IvrEngine.Hosting;
using IvrEngine.Menus;
using IvrEngine.Queues;
using NodaTime;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr call --busy N</c>: other callers on the console's line (<see cref="BackgroundCallers"/>). A queue
/// estimates a wait only from calls it has answered, so the line lives an hour of them first, in virtual
/// time (the host's clock starts an hour before the call, <see cref="CallHost.FinishWarmUpAsync"/>), and
/// the call then starts at <c>--at</c> (or now) on whichever clock was asked for, with them still calling.
/// </summary>
internal static class BusyLine
{
    /// <summary>Long enough for every queue to have answered the few calls an estimate needs, and to fill as the evening has.</summary>
    public static readonly Duration WarmUp = Duration.FromHours(1);

    /// <summary>Starts the other callers, runs the warm-up through, and says what the line is like now.</summary>
    public static async Task<BackgroundCallers> StartAsync(CallHost host, Menu menu, CallCenter center, int perHour, int seed, TextWriter output)
    {
        var others = new BackgroundCallers(host, menu, center, perHour, seed);
        await others.StartAsync();
        await host.FinishWarmUpAsync();
        var (arrived, waiting) = await host.InvokeAsync(() => (others.Arrived, menu.Queues.Keys.Order(StringComparer.Ordinal)
            .Select(q => (Queue: q, Count: center.Waiting(q))).Where(q => q.Count > 0).ToList()));
        var where = waiting.Count == 0 ? "none waiting now" : string.Join(", ", waiting.Select(q => $"{q.Count} waiting in {q.Queue}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Busy line: {perHour} other callers an hour; {arrived} called in the hour before yours: {where}."));
        return others;
    }
}
