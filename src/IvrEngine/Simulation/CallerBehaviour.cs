using System.Collections.Immutable;
using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;
using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>How simulated callers act: what they press at each node, how long they wait, whether they take a callback.</summary>
/// <param name="EscapeAtOnce">The share who press the escape key at the first prompt.</param>
/// <param name="Think">The pause after a prompt before the caller acts.</param>
/// <param name="Choices">Per node id: what callers do there and how often; nodes not listed: each keyed option equally often.</param>
/// <param name="Entries">Per collector node id: the digits callers type there.</param>
/// <param name="Patience">How long a caller waits in a queue before hanging up; null: they never do.</param>
/// <param name="AcceptCallback">The chance a caller offered a callback takes it.</param>
/// <param name="AnswerCallback">The chance a caller answers when the line calls back.</param>
/// <param name="Locales">Locale → share of callers; empty: everyone uses the menu's default.</param>
public sealed record CallerBehaviour(
    double EscapeAtOnce,
    Duration Think,
    ImmutableDictionary<string, ChoiceTable> Choices,
    ImmutableDictionary<string, string> Entries,
    HandleTime? Patience,
    double AcceptCallback,
    double AnswerCallback,
    ImmutableArray<(string Locale, double Share)> Locales)
{
    /// <summary>What a caller does at a menu: press a key, stay silent, or hang up.</summary>
    public const string Silence = "silence";

    /// <summary>The caller hangs up at the menu.</summary>
    public const string HangUp = "hangup";

    /// <summary>For each spoken choice (<c>"say:PHRASE"</c>) by node id: the phrases of the option it names, resolved once at load.</summary>
    public ImmutableDictionary<(string Node, string Action), LocalizedPhrases> Spoken { get; init; } = ImmutableDictionary<(string Node, string Action), LocalizedPhrases>.Empty;
}
