using System.ComponentModel.DataAnnotations;

namespace IvrEngine.Cluster;

/// <summary>
/// <c>Ivr:Cluster</c>: how an <c>ivr serve --cluster</c> process joins the others. Every silo of one
/// cluster names the same database and cluster id; each has its own silo port and HTTP address.
/// </summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Ivr:Cluster";

    /// <summary>The PostgreSQL database holding the membership table (a URL or connection string); default: the callback store's.</summary>
    public string? Database { get; set; }

    /// <summary>Silos with the same id form one cluster; another id in the same database is another cluster.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Ivr:Cluster:ClusterId is 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string ClusterId { get; set; } = "ivr";

    /// <summary>The port other silos reach this one at (silo to silo, not HTTP).</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The HTTP address other silos forward requests to when this silo serves the line; default: the
    /// <c>--http</c> address, which must then name this machine as the others reach it (not 0.0.0.0).
    /// </summary>
    public string? AdvertiseUrl { get; set; }

    /// <summary>
    /// How often each silo asks who serves the line. The question also wakes the line on a survivor
    /// when its silo died, so it bounds the time to recover together with failure detection.
    /// </summary>
    [Range(100, 60_000)]
    public int WatchMilliseconds { get; set; } = 1000;

    /// <summary>How long a silo may not answer a probe before it counts as missed; three missed probes (and the others' votes) declare it dead.</summary>
    [Range(1, 60)]
    public int ProbeSeconds { get; set; } = 2;
}
