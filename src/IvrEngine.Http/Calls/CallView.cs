namespace IvrEngine.Http.Calls;

/// <summary>
/// A call as the API shows it: where it is, what the line said in answer to the request, what it
/// accepts now, and, while it waits, its place in line.
/// </summary>
/// <param name="Prompts">What the line said since the request arrived (for a new call: the greeting and the first prompt).</param>
/// <param name="Accepts">The inputs its state takes now (press, say, hangup, transfer).</param>
public sealed record CallView(
    string Reference,
    string Menu,
    string Version,
    string Locale,
    string State,
    string? Node,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<string> Accepts,
    string? Outcome,
    string? Queue,
    int? Position,
    double? ExpectedWaitSeconds,
    string? Agent);
