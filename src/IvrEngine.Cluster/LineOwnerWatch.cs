using IvrEngine.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IvrEngine.Cluster;

/// <summary>
/// Asks the line's grain who serves the line, every <see cref="ClusterSettings.WatchMilliseconds"/> and
/// at once when a forward failed. Asking is also what brings the line back: when the serving silo
/// dies, Orleans drops its activation once the membership declares it dead, and the next question
/// from any survivor activates the grain again — on one of them, which then serves the line.
/// </summary>
internal sealed partial class LineOwnerWatch(IGrainFactory grains, LocalLine line, LineRoute route, CallHost calls, IOptions<ClusterSettings> settings, ILogger<LineOwnerWatch> logger)
    : BackgroundService
{
    /// <summary>A question that takes longer is an owner in trouble: forward nowhere until it answers again.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    /// <summary>Asks until the host stops; a silo never told which line it serves (not <c>ivr serve</c>) does not ask.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(settings.Value.WatchMilliseconds);
        // Membership work: wall time even when calls run on a virtual or sped-up clock.
        var time = calls.Clock.WallTime;
        string? lastProblem = null;
        while (!stoppingToken.IsCancellationRequested && line.Name.Length > 0)
        {
            try
            {
                var owner = await grains.GetGrain<ILineGrain>(line.Name).OwnerAsync().WaitAsync(AnswerWithin, time, stoppingToken);
                if (route.Owner?.HttpUrl != owner.HttpUrl) Log.Owner(logger, line.Name, owner.HttpUrl, owner.Silo);
                route.Heard(owner);
                lastProblem = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The owner died and is not yet declared dead, the cluster is forming, or the database is
                // away: requests get 503 with Retry-After meanwhile. Said once per distinct problem.
                route.Heard(null);
                var problem = exception switch
                {
                    TimeoutException => $"no answer within {AnswerWithin.TotalSeconds:0} s",
                    SiloUnavailableException => "its silo stopped answering; a survivor takes the line once the cluster declares that silo dead",
                    _ => exception.Message.ReplaceLineEndings(" "),
                };
                if (problem != lastProblem) Log.NoOwner(logger, line.Name, problem);
                lastProblem = problem;
            }
            // A cancelled delay ends the wait without throwing; the loop then sees the stop.
            await Task.WhenAny(Task.Delay(interval, time, stoppingToken), route.AskAgainRequested);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "cluster: line '{Line}' is served at {Url} (silo {Silo})")]
        public static partial void Owner(ILogger logger, string line, string url, string silo);

        [LoggerMessage(2, LogLevel.Warning, "cluster: no silo serves line '{Line}' yet: {Problem}")]
        public static partial void NoOwner(ILogger logger, string line, string problem);
    }
}
