using System.Collections.Immutable;
using System.Globalization;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// What the binder knows about the whole menu while it walks one part of it (declared locales,
/// node, queue and variable names, gathered up front so references can be checked in one pass),
/// plus the typed readers that report wrong types, unknown and missing properties.
/// </summary>
internal sealed class BindContext(DiagnosticBag diagnostics)
{
    /// <summary>Longer strings are certainly a mistake (a pasted file), and would make prompts minutes long.</summary>
    public const int MaxStringLength = 10_000;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The declared locales, in file order; empty while <see cref="LocalesKnown"/> is false.</summary>
    public ImmutableArray<string> Locales { get; set; } = [];

    /// <summary>False when <c>locales</c> is missing or broken; per-text locale checks are then skipped as noise.</summary>
    public bool LocalesKnown { get; set; }

    public IReadOnlySet<string> NodeIds { get; set; } = new HashSet<string>();

    public IReadOnlySet<string> QueueIds { get; set; } = new HashSet<string>();

    /// <summary>Queues written with <c>hours</c>: the ones a <c>callback</c> option can book times in.</summary>
    public IReadOnlySet<string> QueuesWithHours { get; set; } = new HashSet<string>();

    public IReadOnlySet<string> Variables { get; set; } = new HashSet<string>();

    public void Error(string code, SourcePoint at, string message) => Diagnostics.Error(code, at, message);

    /// <summary>Reports every property of <paramref name="obj"/> not in <paramref name="known"/>, with a suggestion.</summary>
    public void CheckProperties(LocatedObject obj, string what, IReadOnlyCollection<string> known)
    {
        foreach (var property in obj.Properties)
        {
            if (!known.Contains(property.Name))
            {
                Error(DiagnosticCodes.UnknownProperty, property.NameWhere,
                    $"{what} has no property '{property.Name}'{Suggestions.DidYouMean(property.Name, known)}");
            }
        }
    }

    /// <summary>The value of a required property, or null after reporting IVR0004.</summary>
    public LocatedValue? Require(LocatedObject obj, string name, string what)
    {
        if (obj[name] is { } value)
        {
            return value;
        }

        Error(DiagnosticCodes.MissingProperty, obj.Where.WithPath(JsonPaths.Property(obj.Path, name)), $"{what} needs '{name}'");
        return null;
    }

    public void WrongType(LocatedValue value, string expected, string what) =>
        Error(DiagnosticCodes.WrongType, value.Where, $"{what} must be {expected}, but it is {value.Describe()}");

    public LocatedObject? AsObject(LocatedValue? value, string what)
    {
        if (value is null or LocatedObject)
        {
            return value as LocatedObject;
        }

        WrongType(value, "an object", what);
        return null;
    }

    public LocatedArray? AsArray(LocatedValue? value, string what)
    {
        if (value is null or LocatedArray)
        {
            return value as LocatedArray;
        }

        WrongType(value, "an array", what);
        return null;
    }

    public string? AsString(LocatedValue? value, string what)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not LocatedString s)
        {
            WrongType(value, "a string", what);
            return null;
        }

        if (s.Value.Length > MaxStringLength)
        {
            Error(DiagnosticCodes.OutOfRange, value.Where,
                string.Create(CultureInfo.InvariantCulture, $"{what} is {s.Value.Length:N0} characters long; at most {MaxStringLength:N0} are allowed"));
            return null;
        }

        return s.Value;
    }

    public bool? AsBoolean(LocatedValue? value, string what)
    {
        if (value is null or LocatedBoolean)
        {
            return (value as LocatedBoolean)?.Value;
        }

        WrongType(value, "true or false", what);
        return null;
    }

    /// <summary>One of <paramref name="names"/> (a string), mapped to its value; null after reporting anything else.</summary>
    public T? AsChoice<T>(LocatedValue? value, string what, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        if (AsString(value, what) is not { } name)
        {
            return null;
        }

        if (names.TryGetValue(name, out var choice))
        {
            return choice;
        }

        Error(DiagnosticCodes.OutOfRange, value!.Where,
            $"{what} is '{name}'; it must be one of {string.Join(", ", names.Keys)}{Suggestions.DidYouMean(name, names.Keys)}");
        return null;
    }

    /// <summary>A whole number within <paramref name="min"/>..<paramref name="max"/>, else null after reporting.</summary>
    public int? AsInteger(LocatedValue? value, string what, int min, int max)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not LocatedNumber { IsInteger: true } n)
        {
            WrongType(value, "a whole number", what);
            return null;
        }

        if (n.Value < min || n.Value > max)
        {
            Error(DiagnosticCodes.OutOfRange, value.Where, string.Create(CultureInfo.InvariantCulture, $"{what} is {n.Value}; it must be from {min} to {max}"));
            return null;
        }

        return (int)n.Value;
    }

    /// <summary>A number of seconds greater than 0 (at least <paramref name="min"/> when given) and at most <paramref name="max"/>, else null after reporting.</summary>
    public double? AsSeconds(LocatedValue? value, string what, double max = 3600, double min = 0)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not LocatedNumber { IsFinite: true } n)
        {
            WrongType(value, "a number of seconds", what);
            return null;
        }

        if (n.Value <= 0 || n.Value < min || n.Value > max)
        {
            var least = min > 0 ? $"at least {min}" : "more than 0";
            Error(DiagnosticCodes.OutOfRange, value.Where,
                string.Create(CultureInfo.InvariantCulture, $"{what} is {n.Value} seconds; it must be {least} and at most {max}"));
            return null;
        }

        return n.Value;
    }
}
