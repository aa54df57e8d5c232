using System.Globalization;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Names in a diagnostic, bounded: a message about 20,000 nodes names a few and counts the rest,
/// so one diagnostic stays one readable line whatever the menu's size.
/// </summary>
internal static class NameList
{
    /// <summary>How many names a message spells out before it counts the rest.</summary>
    public const int Shown = 5;

    /// <summary><c>'a', 'b', 'c'</c>, or <c>'a', 'b', 'c', 'd', 'e' and 19,995 more</c>.</summary>
    public static string Few(IReadOnlyCollection<string> names, string separator = ", ")
    {
        var quoted = string.Join(separator, names.Take(Shown).Select(n => $"'{n}'"));
        return names.Count <= Shown ? quoted : $"{quoted} and {More(names.Count - Shown)}";
    }

    /// <summary>A path <c>'a' -> 'b' -> … -> 'y' -> 'z'</c>: its first and last steps, with the count of those between.</summary>
    public static string Path(IReadOnlyList<string> steps, string arrow = " -> ") => Steps(steps.Select(n => $"'{n}'").ToList(), arrow);

    /// <summary>Like <see cref="Path"/>, for steps that say what they are (<c>queue 'a' -> node 'b'</c>).</summary>
    public static string Steps(IReadOnlyList<string> steps, string arrow = " -> ")
    {
        if (steps.Count <= 2 * Shown) return string.Join(arrow, steps);
        var head = string.Join(arrow, steps.Take(Shown));
        var tail = string.Join(arrow, steps.Skip(steps.Count - Shown));
        return $"{head}{arrow}({More(steps.Count - 2 * Shown)}){arrow}{tail}";
    }

    private static string More(int count) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} more");
}
