namespace IvrEngine.Flows;

/// <summary>
/// One line of a flow: something the caller does or something the call must show.
/// </summary>
/// <param name="At">Where the step is written (an included step points into its <c>.steps</c> file).</param>
/// <param name="Locale">Run only in this locale (<c>[ru-RU] say …</c>); null for every locale.</param>
/// <param name="Source">The step as written, for messages.</param>
public abstract record FlowStep(FlowLocation At, string? Locale, string Source)
{
    /// <summary>Whether the step runs in a call in <paramref name="locale"/>.</summary>
    public bool AppliesTo(string locale) => Locale is null || string.Equals(Locale, locale, StringComparison.OrdinalIgnoreCase);
}
