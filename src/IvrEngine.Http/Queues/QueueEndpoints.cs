using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using IvrEngine.Http.Infrastructure;
using IvrEngine.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IvrEngine.Http.Queues;

/// <summary>The queues' live figures and their event stream.</summary>
internal static class QueueEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var queues = app.MapGroup("/queues").WithTags("Queues");
        queues.MapGet("/", ListAsync).Produces<QueueFigures[]>().WithSummary("Every queue's figures now");
        queues.MapGet("/{queue}", ReadAsync).Produces<QueueFigures>().WithSummary("One queue's figures now");
        queues.MapGet("/events", Events).WithSummary("Queue events as server-sent events, each a queue-log JSON line (ENTERQUEUE, RINGNOANSWER, CONNECT…)");
    }

    private static async Task<IResult> ListAsync(ServedLine line)
    {
        if (line.Center is not { } center) return TypedResults.Ok(Array.Empty<QueueFigures>());
        return TypedResults.Ok(await line.Host.InvokeAsync(() => center.Menu.Queues.Keys.Order(StringComparer.Ordinal).Select(q => Figures(line, center, q)).ToList()));
    }

    private static async Task<IResult> ReadAsync(string queue, ServedLine line)
    {
        if (line.Center is not { } center || !center.Menu.Queues.ContainsKey(queue))
        {
            return Problems.NotFound("queue", queue, $"There is no queue '{Problems.Printable(queue)}' with agents on this line.");
        }
        return TypedResults.Ok(await line.Host.InvokeAsync(() => Figures(line, center, queue)));
    }

    private static IResult Events(ServedLine line, HttpContext context) =>
        line.Center is null
            ? Problems.Conflict("no-queues", "No queues", "The line has no staffing: its transfers end at the queue, and no queue events happen.")
            : TypedResults.ServerSentEvents(Stream(line, context.Response, context.RequestAborted));

    private static async IAsyncEnumerable<SseItem<string>> Stream(ServedLine line, HttpResponse response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await line.Host.InvokeAsync(line.ListenToQueues);
        try
        {
            // The headers go out now, not with the first event (which may be minutes away): a client
            // knows it is listening (EventSource's open) before anything happens that it must not miss.
            await response.Body.FlushAsync(cancellationToken);
            await foreach (var json in reader.ReadAllAsync(cancellationToken)) yield return new SseItem<string>(json);
        }
        finally
        {
            line.Host.Post(() => line.StopListeningToQueues(reader));
        }
    }

    /// <summary>On the calls' thread.</summary>
    private static QueueFigures Figures(ServedLine line, CallCenter center, string queue)
    {
        var now = line.Host.Clock.Clock.GetCurrentInstant();
        var statistics = center.Statistics(queue);
        var waiting = line.Calls().Select(c => c.Session).Where(s => !s.IsEnded && center.PositionOf(s) is not null && s.QueueVisits[^1].Queue == queue).ToList();
        var longest = waiting.Count == 0 ? 0 : waiting.Max(s => (now - s.QueueVisits[^1].JoinedAt).TotalSeconds);
        var members = center.Agents.Where(a => a.TierIn(queue) > 0).ToList();
        var byState = Enum.GetValues<AgentState>().ToDictionary(s => s.ToString(), s => members.Count(a => a.State == s), StringComparer.Ordinal);
        return new QueueFigures(queue, center.Waiting(queue), longest, byState, statistics.Offered, statistics.Answered, statistics.Abandoned, statistics.Overflowed,
            statistics.ServiceLevelOfAnswered, statistics.ServiceLevelThreshold.TotalSeconds, statistics.AverageSpeedOfAnswer?.TotalSeconds);
    }
}

/// <summary>A queue's figures now: who waits and for how long, its agents by state, and today's counts.</summary>
/// <param name="LongestWaitSeconds">The longest wait of a caller waiting now (HTTP callers; callers on the console line are counted in Waiting).</param>
/// <param name="ServiceLevel">Answered within the threshold ÷ answered, since the line started (null before the first answer).</param>
public sealed record QueueFigures(
    string Queue,
    int Waiting,
    double LongestWaitSeconds,
    IReadOnlyDictionary<string, int> Agents,
    int Offered,
    int Answered,
    int Abandoned,
    int Overflowed,
    double? ServiceLevel,
    double ServiceLevelThresholdSeconds,
    double? AverageSpeedOfAnswerSeconds);
