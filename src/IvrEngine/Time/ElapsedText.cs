using NodaTime;

namespace IvrEngine.Time;

/// <summary>How long something took, written the one way transcripts, queue notes and the console show it.</summary>
public static class ElapsedText
{
    /// <summary>As a stopwatch reads: <c>0:05</c>, <c>12:30</c>, <c>1:02:03</c> (whole seconds, rounded down).</summary>
    public static string Clock(Duration elapsed) =>
        elapsed >= Duration.FromHours(1)
            ? $"{(int)elapsed.TotalHours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}"
            : $"{(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}";

    /// <summary>A wait or a talk in a note: <c>45 s</c> under a minute, else as <see cref="Clock"/> (<c>2:05</c>).</summary>
    public static string Short(Duration elapsed) =>
        elapsed < Duration.FromMinutes(1) ? $"{(int)elapsed.TotalSeconds} s" : Clock(elapsed);
}
