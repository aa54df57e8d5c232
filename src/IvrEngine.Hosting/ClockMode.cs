namespace IvrEngine.Hosting;

/// <summary>Where a host's time comes from.</summary>
public enum ClockMode
{
    /// <summary>The wall clock: timeouts fire while the caller is idle, as on a phone.</summary>
    Real,

    /// <summary>A <see cref="Time.VirtualClock"/>: time moves only when told (<c>wait 5</c>), so runs repeat exactly.</summary>
    Virtual,
}
