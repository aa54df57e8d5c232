using IvrEngine.Hosting.Callbacks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IvrEngine.Http.Infrastructure;

/// <summary>The calls' thread answers: every call, timer and dialer poll runs on it, so a stuck one stops them all.</summary>
internal sealed class CallThreadHealthCheck(ServedLine line) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var answered = line.Host.InvokeAsync(() => true);
        try
        {
            await answered.WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy($"{line.LiveCalls} calls in progress; the dialer polls on this thread");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"the calls' thread did not answer within {Patience.TotalSeconds} s");
        }
        catch (InvalidOperationException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}

/// <summary>A menu is loaded and served.</summary>
internal sealed class MenuHealthCheck(ServedLine line) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(line.Menu is { } menu
            ? HealthCheckResult.Healthy($"{menu.Name} version {menu.Version}")
            : HealthCheckResult.Unhealthy("no menu loaded"));
}

/// <summary>The callback store can be opened for writing (a promise is made only once it is stored).</summary>
internal sealed class StoreHealthCheck(ServedLine line) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (line.Store is IDurableCallbackStore durable) durable.EnsureReady();
            return Task.FromResult(HealthCheckResult.Healthy(line.Store.ToString()));
        }
        catch (IvrEngine.Callbacks.CallbackStoreException exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(exception.Message));
        }
    }
}
