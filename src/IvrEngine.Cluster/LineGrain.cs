using Microsoft.Extensions.Logging;

namespace IvrEngine.Cluster;

/// <summary>
/// Serves the line on the silo it is activated on, for as long as it lives: kept alive (never
/// collected for being idle), it ends only with its silo or when Orleans finds a second activation
/// after a membership change, and then the line here stops taking new requests.
/// </summary>
[KeepAlive]
internal sealed partial class LineGrain(LocalLine line, ILocalSiloDetails silo, ILogger<LineGrain> logger) : Grain, ILineGrain
{
    private LineOwner? _owner;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (!string.Equals(key, line.Name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"this silo serves line '{line.Name}', not '{key}': every silo of a cluster must serve the same menu");
        }
        _owner = await line.OpenAsync(silo.SiloAddress.ToString());
        Log.Serving(logger, key, _owner.HttpUrl);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        line.Release(reason.Description);
        return Task.CompletedTask;
    }

    public Task<LineOwner> OwnerAsync() => Task.FromResult(_owner!);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "cluster: this silo now serves line '{Line}' (others forward to {Url})")]
        public static partial void Serving(ILogger logger, string line, string url);
    }
}
