using System.Globalization;

namespace IvrEngine.Simulation;

/// <summary>The report's columns for one queue in one interval (or over the week): names, and the values as text.</summary>
internal static class KpiRow
{
    public static readonly string[] Columns =
    [
        "offered", "answered", "abandoned", "abandon_rate", "service_level", "p_wait", "asa_s", "avg_wait_s", "p90_wait_s", "longest_wait_s",
        "occupancy", "callbacks_offered", "callbacks_accepted", "callbacks_completed", "overflowed", "turned_away",
    ];

    public static string[] Values(IntervalFigures f) =>
    [
        Count(f.Offered), Count(f.Answered), Count(f.Abandoned), Share(f.AbandonRate), Share(f.ServiceLevel), Share(f.WaitProbability),
        Hundredths(f.AverageSpeedOfAnswerSeconds), Hundredths(f.AverageWaitSeconds), Seconds(f.Wait90Seconds), Seconds(f.Waits == 0 ? null : f.LongestWaitSeconds),
        Share(f.Occupancy), Count(f.CallbacksOffered), Count(f.CallbacksAccepted), Count(f.CallbacksCompleted), Count(f.Overflowed), Count(f.TurnedAway),
    ];

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Share(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : string.Empty;

    private static string Seconds(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : string.Empty;

    // Averages to the hundredth: a tenth would hide an ASA of 0.45 s, the size of Erlang C's answer for a well-staffed line.
    private static string Hundredths(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;
}
