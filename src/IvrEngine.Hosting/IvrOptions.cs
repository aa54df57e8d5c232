using System.ComponentModel.DataAnnotations;

namespace IvrEngine.Hosting;

/// <summary>
/// Settings of the engine, bound from the <c>Ivr</c> section of <c>appsettings.json</c>, then
/// environment variables (<c>IVR_Ivr__Seed=7</c>), then the command line; validated at start.
/// </summary>
public sealed class IvrOptions
{
    public const string SectionName = "Ivr";

    /// <summary>The menu a call dials when none is named: a path, relative ones resolved against the program's folder.</summary>
    /// <value>The default value is <c>menus/carrier-support.json</c> (the bundled menu).</value>
    [Required(AllowEmptyStrings = false)]
    public string DefaultMenu { get; set; } = "menus/carrier-support.json";

    /// <summary>Real time (wall clock) or virtual time (moves only when told, for scripted calls).</summary>
    /// <value>The default value is <see cref="ClockMode.Real"/>.</value>
    public ClockMode Clock { get; set; } = ClockMode.Real;

    /// <summary>
    /// When the call starts, as a local date-time and IANA zone (<c>2026-11-30T09:15 America/New_York</c>);
    /// empty for "now". Required for repeatable transcripts in virtual time.
    /// </summary>
    public string? StartAt { get; set; }

    /// <summary>How much faster than the wall clock real time runs (<c>ivr call --speed 10</c>); ignored in virtual time.</summary>
    /// <value>The default value is 1: real speed.</value>
    [Range(0.01, 1000)]
    public double Speed { get; set; } = 1;

    /// <summary>Seeds everything random (reference numbers), so the same inputs give the same transcript.</summary>
    /// <value>The default value is null: a fresh random seed each run, so callers get different reference numbers.</value>
    [Range(0, int.MaxValue)]
    public int? Seed { get; set; }
}
