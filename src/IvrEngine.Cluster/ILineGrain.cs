namespace IvrEngine.Cluster;

/// <summary>
/// The one owner of a line in the cluster, keyed by the menu's name. Orleans keeps at most one
/// activation of it; the silo it is activated on serves the line (its calls, queues, agents and
/// dialer), and every other silo forwards the line's requests there. When that silo dies, the next
/// question from any silo activates it on a survivor, which then serves the line.
/// </summary>
public interface ILineGrain : IGrainWithStringKey
{
    /// <summary>Where the line is served: the owning silo's HTTP address and silo address.</summary>
    Task<LineOwner> OwnerAsync();
}

/// <summary>The silo serving a line, as the others reach it.</summary>
[GenerateSerializer]
[Alias("IvrEngine.Cluster.LineOwner")]
public sealed record LineOwner([property: Id(0)] string HttpUrl, [property: Id(1)] string Silo, [property: Id(2)] DateTimeOffset Since);
