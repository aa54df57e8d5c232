using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Http.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IvrEngine.Http.Callbacks;

/// <summary>Promised callbacks: the same store <c>ivr callbacks</c> reads. Numbers are shown masked.</summary>
internal static class CallbackEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder writes)
    {
        var callbacks = app.MapGroup("/callbacks").WithTags("Callbacks");
        callbacks.MapGet("/", List).Produces<CallbackView[]>().WithSummary("Callbacks, oldest first; ?state=pending|dialing|connected|completed|failed|expired|cancelled");
        callbacks.MapGet("/{reference}", Show).Produces<CallbackView>().WithSummary("One callback with its attempts");
        writes.MapDelete("/callbacks/{reference}", Cancel).WithTags("Callbacks").WithSummary("Cancel a pending callback");
    }

    private static IResult List(ServedLine line, string? state)
    {
        CallbackState? filter = null;
        if (state is not null)
        {
            if (!Enum.TryParse<CallbackState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(state, out _))
            {
                return Problems.Invalid("state", $"state must be one of {string.Join(", ", Enum.GetNames<CallbackState>().Select(n => n.ToLowerInvariant()))}.");
            }
            filter = parsed;
        }
        return Store(() => TypedResults.Ok(line.Store.List(filter).Select(c => CallbackView.Of(c, null)).ToList()));
    }

    private static IResult Show(string reference, ServedLine line) =>
        !ReferenceNumber.TryParse(reference, out var parsed)
            ? Problems.NotFound("callback", reference, $"'{Problems.Printable(reference)}' is not a reference such as 123-456-789.")
            : Store(() => line.Store.Find(parsed) is { } callback
                ? TypedResults.Ok(CallbackView.Of(callback, line.Store.Attempts(parsed)))
                : Problems.NotFound("callback", reference, $"There is no callback {parsed}."));

    private static IResult Cancel(string reference, ServedLine line)
    {
        if (!ReferenceNumber.TryParse(reference, out var parsed)) return Problems.NotFound("callback", reference, $"'{Problems.Printable(reference)}' is not a reference such as 123-456-789.");
        return Store(() =>
        {
            if (line.Store.Find(parsed) is not { } callback) return Problems.NotFound("callback", reference, $"There is no callback {parsed}.");
            if (!line.Store.Cancel(parsed, line.Host.Clock.Clock.GetCurrentInstant(), "api"))
            {
                return Problems.Conflict("callback-not-pending", "Not pending", $"Callback {parsed} is {callback.State.ToString().ToLowerInvariant()}: only a pending callback can be cancelled.");
            }
            return TypedResults.Ok(CallbackView.Of(line.Store.Find(parsed)!, null));
        });
    }

    /// <summary>A store that fails (disk full, locked) is a 503 with its one-line reason, not a stack trace.</summary>
    private static IResult Store(Func<IResult> work)
    {
        try
        {
            return work();
        }
        catch (CallbackStoreException exception)
        {
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable, "store-unavailable", "Callback store unavailable", exception.Message);
        }
    }
}

/// <summary>A callback as the API shows it: the number masked, times in ISO-8601.</summary>
public sealed record CallbackView(string Reference, string Queue, string Number, string Kind, string State, string DueAt, string ExpiresAt, int Attempts, string? LastResult,
    IReadOnlyList<CallbackAttemptView>? History)
{
    public static CallbackView Of(CallbackRequest c, IReadOnlyList<CallbackAttempt>? attempts) =>
        new(c.Reference.ToString(), c.Queue, CallbackNumber.Mask(c.PhoneNumber), c.Kind.ToString(), c.State.ToString().ToLowerInvariant(), c.DueAt.ToString(), c.ExpiresAt.ToString(),
            c.Attempts, c.LastResult, attempts?.Select(a => new CallbackAttemptView(a.Number, a.At.ToString(), a.Result)).ToList());
}

/// <summary>One dial of a callback.</summary>
public sealed record CallbackAttemptView(int Number, string At, string Result);
