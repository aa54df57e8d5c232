namespace IvrEngine.Menus.Loading;

/// <summary>
/// The policy properties one level (menu <c>defaults</c> or a node) names; null means "inherit".
/// Kept apart from the resolved model so a partial override can replace just what it names.
/// </summary>
internal sealed record PolicyOverrides(
    double? NoInputSeconds,
    int? NoInputRetries,
    LocalizedText? NoInputMessage,
    int? InvalidRetries,
    LocalizedText? InvalidMessage,
    MenuAction? OnRetriesExhausted,
    double? InterDigitSeconds,
    EscapeOverrides Escape)
{
    public static readonly PolicyOverrides None = new(null, null, null, null, null, null, null, EscapeOverrides.None);

    /// <summary>This level with <paramref name="node"/>'s properties on top, one property at a time.</summary>
    public PolicyOverrides Under(PolicyOverrides node) => new(
        node.NoInputSeconds ?? NoInputSeconds,
        node.NoInputRetries ?? NoInputRetries,
        node.NoInputMessage ?? NoInputMessage,
        node.InvalidRetries ?? InvalidRetries,
        node.InvalidMessage ?? InvalidMessage,
        node.OnRetriesExhausted ?? OnRetriesExhausted,
        node.InterDigitSeconds ?? InterDigitSeconds,
        Escape.Under(node.Escape));
}
