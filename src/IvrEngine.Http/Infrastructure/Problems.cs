using IvrEngine.Calls;
using Microsoft.AspNetCore.Http;

namespace IvrEngine.Http.Infrastructure;

/// <summary>
/// Every error the service answers, as RFC 9457 problem details. Each has a stable <c>type</c>
/// (<c>urn:ivrengine:problem:NAME</c>, listed in docs/http.md) that clients switch on.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:ivrengine:problem:";

    public static IResult UnknownCall(string reference) =>
        Problem(StatusCodes.Status404NotFound, "unknown-call", "Unknown call", $"There is no call '{Printable(reference)}' on this line.");

    public static IResult NotFound(string what, string name, string detail) =>
        Problem(StatusCodes.Status404NotFound, $"unknown-{what}", $"Unknown {what}", detail, ("name", Printable(name)));

    /// <summary>An input the call's state cannot use: says what the state accepts.</summary>
    public static IResult NotAccepted(string input, CallState state, IReadOnlyList<string> accepts) =>
        Problem(StatusCodes.Status409Conflict, "input-not-accepted", "Input not accepted now",
            accepts.Count == 0
                ? $"The call has ended: it accepts nothing more ({input} refused)."
                : $"A call that is {state} accepts {string.Join(", ", accepts)}, not {input}.",
            ("state", state.ToString()), ("accepts", accepts));

    /// <summary>An action a live agent's status cannot take: names the status and what it takes.</summary>
    public static IResult AgentCannot(string action, string status, IReadOnlyList<string> accepts) =>
        Problem(StatusCodes.Status409Conflict, "agent-state", "Not in this agent state",
            accepts.Count == 0
                ? $"An agent who is {status} can do nothing here ({action} refused); sign in again with POST /agents."
                : $"An agent who is {status} can {string.Join(", ", accepts)}, not {action}.",
            ("state", status), ("accepts", accepts));

    public static IResult AgentTokenRequired() =>
        Problem(StatusCodes.Status401Unauthorized, "agent-token-required", "Agent token required", "Agent requests carry the token POST /agents gave at sign-in: X-Agent-Token: TOKEN.");

    public static IResult WrongAgent(string agent) =>
        Problem(StatusCodes.Status403Forbidden, "wrong-agent", "Not this agent's token", $"The token is not the one agent '{Printable(agent)}' signed in with; an agent acts only as themselves.");

    public static IResult NotYourCall(string call) =>
        Problem(StatusCodes.Status403Forbidden, "not-your-call", "Not your call", $"Call '{Printable(call)}' is not offered to or talking with this agent; an agent acts only on their own calls.");

    public static IResult Conflict(string type, string title, string detail) => Problem(StatusCodes.Status409Conflict, type, title, detail);

    /// <summary>A malformed request: names the field that is wrong.</summary>
    public static IResult Invalid(string field, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "invalid-request", "Invalid request", detail, ("field", field));

    /// <summary>400 for a queue the menu does not have, in <paramref name="field"/>, listing the ones it has.</summary>
    public static IResult NoSuchQueue(string field, string queue, IvrEngine.Menus.Menu menu) =>
        Invalid(field, $"There is no queue '{Printable(queue)}'; the queues are {string.Join(", ", menu.Queues.Keys.Order(StringComparer.Ordinal))}.");

    public static IResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "body-too-large", "Request body too large", $"The body is larger than the limit of {limit} bytes.");

    public static IResult TooManyCalls(int limit) =>
        Problem(StatusCodes.Status429TooManyRequests, "too-many-calls", "Too many calls", $"The line already has {limit} calls in progress; try again when one ends.");

    public static IResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "api-key-required", "API key required", "Write requests need the service's key: X-Api-Key: KEY, or Authorization: Bearer KEY.");

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", detail);

    /// <summary>The type every status without a more specific problem gets (routing 404s, framework 400s and 413s).</summary>
    public static string TypeForStatus(int status) => TypePrefix + status switch
    {
        StatusCodes.Status400BadRequest => "invalid-request",
        StatusCodes.Status401Unauthorized => "api-key-required",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status413PayloadTooLarge => "body-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status429TooManyRequests => "too-many-calls",
        _ => "server-error",
    };

    public static IResult Problem(int status, string type, string title, string detail, params (string Key, object? Value)[] extensions) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypePrefix + type,
            extensions: extensions.Length == 0 ? null : extensions.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>A name from a request, echoed in an answer: control characters shown, never obeyed, and cut short.</summary>
    public static string Printable(string text) => IvrEngine.Menus.PrintableText.Escape(text.Length > 80 ? text[..80] + "…" : text);
}
