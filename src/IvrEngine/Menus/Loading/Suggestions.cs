namespace IvrEngine.Menus.Loading;

/// <summary>Finds the "did you mean" candidate for a misspelt name by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate when it is close enough to be a typo, else null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A third of the longer name, at least 1 and at most 3 edits: "promt" → "prompt", not "name" → "nodes".
        // And never every character: "9" → "1" shares nothing, so it is a different key, not a typo.
        var allowed = best is null ? 0 : Math.Clamp(Math.Max(typed.Length, best.Length) / 3, 1, 3);
        return bestDistance <= allowed && bestDistance < Math.Max(typed.Length, best!.Length) ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or nothing, ready to append to a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } match ? $"; did you mean '{match}'?" : string.Empty;

    /// <summary>Optimal string alignment distance: a swapped pair ("retires") costs one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
