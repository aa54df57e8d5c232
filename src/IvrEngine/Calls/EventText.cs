using System.Runtime.CompilerServices;

namespace IvrEngine.Calls;

/// <summary>
/// The text of a transcript event, formatted only when the call keeps text: a quiet call (load
/// simulation) skips the formatting — and the work in the interpolation's holes — altogether.
/// </summary>
[InterpolatedStringHandler]
internal ref struct EventText
{
    private readonly string? _plain;
    private readonly bool _formatting;
    private DefaultInterpolatedStringHandler _builder;

    public EventText(int literalLength, int formattedCount, CallSession call, out bool formatting)
    {
        _plain = null;
        _formatting = formatting = !call.IsQuiet;
        _builder = formatting ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    private EventText(string? plain)
    {
        _plain = plain;
        _formatting = false;
        _builder = default;
    }

    /// <summary>A text already at hand.</summary>
    public static implicit operator EventText(string? text) => new(text);

    public void AppendLiteral(string value) => _builder.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _builder.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _builder.AppendFormatted(value, format);

    public void AppendFormatted(ReadOnlySpan<char> value) => _builder.AppendFormatted(value);

    public void AppendFormatted(string? value) => _builder.AppendFormatted(value);

    /// <summary>The text, or null when the call is quiet.</summary>
    public string? ToStringAndClear() => _formatting ? _builder.ToStringAndClear() : _plain;
}
