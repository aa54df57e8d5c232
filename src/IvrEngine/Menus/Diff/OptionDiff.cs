namespace IvrEngine.Menus.Diff;

/// <summary>
/// Pairs a node's options across two versions, then reports what changed in each pair. Pairing, in
/// order: same key and same action; same action (a re-key); shared phrases (a re-target or re-key);
/// same key (a re-target). What is left is added or removed.
/// </summary>
internal static class OptionDiff
{
    public static void Compare(MenuNode old, MenuNode @new, Menu oldMenu, Menu newMenu, Action<string> report)
    {
        var left = old.Options.ToList();
        var right = @new.Options.ToList();
        var pairs = new List<(MenuOption Old, MenuOption New)>();
        Pair((a, b) => a.Key == b.Key && Action(a) == Action(b) && a.Key is not null);
        Pair((a, b) => Action(a) == Action(b) && a.Action is GoToNode or TransferToQueue or RequestCallback);
        Pair((a, b) => oldMenu.Locales.Any(l => a.Phrases.For(l).Intersect(b.Phrases.For(l), StringComparer.OrdinalIgnoreCase).Any()));
        Pair((a, b) => a.Key == b.Key && a.Key is not null);

        foreach (var option in left) report($"removed option {Name(option, oldMenu)} ({Action(option)})");
        foreach (var option in right) report($"added option {Name(option, newMenu)} ({Action(option)})");
        foreach (var (a, b) in pairs)
        {
            var name = Name(b, newMenu);
            if (a.Key != b.Key) report($"option {Name(a, oldMenu)} re-keyed: {a.Key ?? "no key"} -> {b.Key ?? "no key"}");
            if (Action(a) != Action(b)) report($"option {name} target: {Action(a)} -> {Action(b)}");
            foreach (var locale in oldMenu.Locales.Union(newMenu.Locales))
            {
                var (pa, pb) = (string.Join(", ", a.Phrases.For(locale)), string.Join(", ", b.Phrases.For(locale)));
                if (pa != pb) report($"option {name} phrases ({locale}): [{pa}] -> [{pb}]");
            }

            foreach (var locale in newMenu.Locales)
            {
                var (ma, mb) = (Said(a, locale), Said(b, locale));
                if (ma != mb) report($"option {name} says ({locale}):\n    - {ma ?? "(nothing)"}\n    + {mb ?? "(nothing)"}");
            }
        }

        void Pair(Func<MenuOption, MenuOption, bool> same)
        {
            foreach (var a in left.ToList())
            {
                if (right.FirstOrDefault(b => same(a, b)) is not { } b) continue;
                pairs.Add((a, b));
                left.Remove(a);
                right.Remove(b);
            }
        }
    }

    private static string Action(MenuOption option) => MenuDiff.Describe(option.Action)!;

    /// <summary>The option's message, or what its hangup says: the words a caller hears on choosing it.</summary>
    private static string? Said(MenuOption option, string locale) =>
        (option.Message?.Has(locale) == true ? option.Message.For(locale) : null)
        + (option.Action is SayAndHangUp hangUp && hangUp.Message.Has(locale) ? " " + hangUp.Message.For(locale) : null);

    private static string Name(MenuOption option, Menu menu) =>
        option.Key is { } key
            ? $"{key}" + (option.Phrases.For(menu.DefaultLocale) is { IsEmpty: false } p ? $" '{p[0]}'" : string.Empty)
            : $"'{option.Label(menu.DefaultLocale)}'";
}
