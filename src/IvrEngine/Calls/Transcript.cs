using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime.Text;

namespace IvrEngine.Calls;

/// <summary>
/// Everything that happened on a call, in order. Written as JSON lines with a fixed property
/// order and no wall-clock data, so the same menu, inputs, start time and seed give the same
/// bytes.
/// </summary>
public sealed class Transcript
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep Cyrillic prompts readable in the file rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] TypeNames = Enum.GetValues<CallEventType>().Select(KebabCase).ToArray();

    private readonly List<CallEvent> _events = [];

    public IReadOnlyList<CallEvent> Events => _events;

    internal void Add(CallEvent callEvent) => _events.Add(callEvent);

    /// <summary>The JSON name of an event type (<c>call-started</c>).</summary>
    public static string NameOf(CallEventType type) => TypeNames[(int)type];

    /// <summary>Writes one JSON object per event: <c>{"at":…,"type":…,"node":…,"text":…,"detail":…}</c>.</summary>
    public void WriteJsonLines(Stream destination)
    {
        foreach (var callEvent in _events)
        {
            WriteJson(destination, callEvent);
            destination.WriteByte((byte)'\n');
        }
    }

    /// <summary>One event as the JSON object its transcript line holds (no newline): what a live event stream sends, byte for byte.</summary>
    public static string ToJsonLine(CallEvent callEvent)
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer, callEvent);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteJson(Stream destination, CallEvent callEvent)
    {
        using var writer = new Utf8JsonWriter(destination, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("at", InstantPattern.ExtendedIso.Format(callEvent.At));
        writer.WriteString("type", NameOf(callEvent.Type));
        if (callEvent.Node is not null) writer.WriteString("node", callEvent.Node);
        if (callEvent.Text is not null) writer.WriteString("text", callEvent.Text);
        if (callEvent.Detail is not null) writer.WriteString("detail", callEvent.Detail);
        writer.WriteEndObject();
    }

    /// <summary>The transcript as JSON lines text.</summary>
    public string ToJsonLines()
    {
        using var buffer = new MemoryStream();
        WriteJsonLines(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string KebabCase(CallEventType type)
    {
        var name = type.ToString();
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
