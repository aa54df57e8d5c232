using IvrEngine.Calls;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// The rules that look at a menu node's options together: distinct keys (IVR0007), distinct
/// phrases (IVR0008), keys that are also escape keys (IVR0015), and prefix keys (IVR0016).
/// </summary>
internal sealed class OptionChecks(BindContext context)
{
    /// <summary>What the checks need of one option: its index, key and phrases, and where they are written.</summary>
    public sealed record Entry(int Index, string? Key, SourcePoint? KeyWhere, LocalizedPhrases Phrases, LocatedObject? Say);

    public void Check(string nodeId, IReadOnlyList<Entry> options, IReadOnlyList<string> escapeKeys, double interDigitSeconds)
    {
        CheckKeys(nodeId, options, escapeKeys, interDigitSeconds);
        CheckPhrases(nodeId, options);
    }

    private void CheckKeys(string nodeId, IReadOnlyList<Entry> options, IReadOnlyList<string> escapeKeys, double interDigitSeconds)
    {
        var firstByKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (option is not { Key: { } key, KeyWhere: { } at })
            {
                continue;
            }

            if (firstByKey.TryGetValue(key, out var first))
            {
                context.Error(DiagnosticCodes.DuplicateKey, at, $"option key '{key}' is already used by options[{first.Index}] in node '{nodeId}'");
                continue;
            }

            firstByKey.Add(key, option);
            if (escapeKeys.Contains(key))
            {
                context.Error(DiagnosticCodes.KeyIsEscapeKey, at,
                    $"option key '{key}' in node '{nodeId}' is also an escape key of that node; change the key or the node's escape.keys");
            }
        }

        var seconds = interDigitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, option) in firstByKey)
        {
            foreach (var (longer, other) in firstByKey)
            {
                if (longer.Length > key.Length && longer.StartsWith(key, StringComparison.Ordinal))
                {
                    context.Diagnostics.Warning(DiagnosticCodes.PrefixKey, other.KeyWhere!.Value,
                        $"key '{key}' (options[{option.Index}]) is a prefix of key '{longer}' (options[{other.Index}]) in node '{nodeId}'; callers who press {key} wait {seconds} s before it is chosen");
                }
            }

            foreach (var escapeKey in escapeKeys)
            {
                var (shorter, longer) = key.Length < escapeKey.Length ? (key, escapeKey) : (escapeKey, key);
                if (shorter.Length < longer.Length && longer.StartsWith(shorter, StringComparison.Ordinal))
                {
                    context.Diagnostics.Warning(DiagnosticCodes.PrefixKey, option.KeyWhere!.Value,
                        $"key '{shorter}' is a prefix of key '{longer}' in node '{nodeId}' (one of them is an escape key); callers who press {shorter} wait {seconds} s");
                }
            }
        }
    }

    private void CheckPhrases(string nodeId, IReadOnlyList<Entry> options)
    {
        var firstByPhrase = new Dictionary<(string Locale, string Phrase), int>();
        foreach (var option in options)
        {
            if (option.Say is null)
            {
                continue;
            }

            foreach (var locale in option.Phrases.Locales)
            {
                var seenHere = new HashSet<string>(StringComparer.Ordinal);
                var phrases = option.Phrases.For(locale);
                for (var i = 0; i < phrases.Length; i++)
                {
                    var normal = PhraseNormalizer.Normalize(phrases[i]);
                    var at = PhraseWhere(option.Say, locale, i);
                    if (!seenHere.Add(normal))
                    {
                        context.Error(DiagnosticCodes.DuplicatePhrase, at,
                            $"phrase '{phrases[i]}' ({locale}) is listed twice in options[{option.Index}] of node '{nodeId}'");
                    }
                    else if (firstByPhrase.TryGetValue((locale, normal), out var firstIndex))
                    {
                        context.Error(DiagnosticCodes.DuplicatePhrase, at,
                            $"phrase '{phrases[i]}' ({locale}) is already used by options[{firstIndex}] in node '{nodeId}'");
                    }
                    else
                    {
                        firstByPhrase.Add((locale, normal), option.Index);
                    }
                }
            }
        }
    }

    /// <summary>Where the i-th kept phrase of a locale is written (skipped non-strings shift nothing that matters).</summary>
    private static SourcePoint PhraseWhere(LocatedObject say, string locale, int index)
    {
        var list = say.Properties.FirstOrDefault(p => string.Equals(p.Name, locale, StringComparison.OrdinalIgnoreCase))?.Value as LocatedArray;
        var strings = list?.Items.OfType<LocatedString>()
            .Where(s => s.Value.Length <= BindContext.MaxStringLength && PhraseNormalizer.Normalize(s.Value).Length > 0)
            .ToList();
        return strings is not null && index < strings.Count ? strings[index].Where : say.Where;
    }
}
