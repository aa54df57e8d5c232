using System.Collections.Immutable;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// The located JSON tree of a menu file kept beside its <see cref="Menu"/>, for tools that report on
/// a valid menu (lint): where a node, option or prompt is written, and the <c>lint</c> blocks that
/// switch rules off. The model stays free of locations; the binder is not involved.
/// </summary>
internal sealed class MenuSource
{
    private readonly LocatedValue _root;

    private MenuSource(LocatedValue root) => _root = root;

    /// <summary>The tree of <paramref name="utf8"/>, or null when the file is not readable JSON (the loader reports why).</summary>
    public static MenuSource? Parse(ReadOnlySpan<byte> utf8)
    {
        var ignored = new DiagnosticBag("<lint>");
        return InputScreener.Screen(utf8, ignored) is { } text && LocatedJsonParser.Parse(text, ignored) is { } root
            ? new MenuSource(root)
            : null;
    }

    /// <summary>
    /// Where the value at a path is written: strings are property names, integers are array indexes
    /// (<c>"nodes", "main", "options", 2, "key"</c>). A part that is absent (a policy inherited from
    /// the defaults) gives the nearest enclosing value that exists.
    /// </summary>
    public SourcePoint Locate(params object[] segments)
    {
        var current = _root;
        foreach (var segment in segments)
        {
            LocatedValue? next = (segment, current) switch
            {
                (string name, LocatedObject obj) => obj[name],
                (int index, LocatedArray array) when index >= 0 && index < array.Items.Count => array.Items[index],
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            current = next;
        }

        return current.Where;
    }

    /// <summary>The rules switched off for the whole menu (<paramref name="nodeId"/> null) or for one node.</summary>
    public ImmutableArray<LintSuppression> Suppressions(string? nodeId)
    {
        var owner = nodeId is null ? _root : (_root as LocatedObject)?["nodes"] is LocatedObject nodes ? nodes[nodeId] : null;
        if ((owner as LocatedObject)?["lint"] is not LocatedObject { } block || block["disable"] is not LocatedArray entries)
        {
            return [];
        }

        var suppressions = ImmutableArray.CreateBuilder<LintSuppression>();
        foreach (var entry in entries.Items.OfType<LocatedObject>())
        {
            if (entry["rule"] is LocatedString rule)
            {
                suppressions.Add(new LintSuppression(rule.Value, (entry["reason"] as LocatedString)?.Value ?? string.Empty, rule.Where));
            }
        }

        return suppressions.ToImmutable();
    }
}

/// <summary>One entry of a <c>lint.disable</c> list: a rule id, why it is off, and where it is written.</summary>
internal sealed record LintSuppression(string Rule, string Reason, SourcePoint Where);
