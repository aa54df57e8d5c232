namespace IvrEngine.Locales;

/// <summary>Shared shape of a list of keyed callback times.</summary>
internal static class SlotList
{
    /// <summary>
    /// Times said in two zones hold a comma themselves, so the choices are then set apart with semicolons.
    /// </summary>
    public static string Separator(IReadOnlyList<(int Key, string When)> choices) =>
        choices.Any(c => c.When.Contains(',', StringComparison.Ordinal)) ? "; " : ", ";

    /// <summary>All parts but the last joined with <paramref name="separator"/>, then <paramref name="beforeLast"/> and the last.</summary>
    public static string Join(List<string> parts, string separator, string beforeLast)
    {
        var last = parts.Count > 1 ? beforeLast + parts[^1] : "";
        return string.Join(separator, parts.Take(parts.Count > 1 ? parts.Count - 1 : 1)) + last;
    }
}
