using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Queues;

/// <summary>
/// Every queue event in order, written as JSON lines (ours) or in Asterisk's <c>queue_log</c>
/// format (<c>epoch|callid|queue|agent|EVENT|data1|data2|data3</c>) for existing reporting tools.
/// </summary>
/// <param name="keep">False: events are not kept (<see cref="Events"/> stays empty), for runs too long to hold them.</param>
public sealed class QueueLog(bool keep = true)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<QueueEvent> _events = [];

    public IReadOnlyList<QueueEvent> Events => _events;

    /// <summary>Whether events are kept.</summary>
    public bool Keeps => keep;

    internal void Add(QueueEvent queueEvent)
    {
        if (keep) _events.Add(queueEvent);
    }

    public string ToJsonLines()
    {
        using var buffer = new MemoryStream();
        foreach (var e in _events)
        {
            WriteJson(buffer, e);
            buffer.WriteByte((byte)'\n');
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One event as the JSON object its line in <see cref="ToJsonLines"/> holds (no newline): what a live queue event stream sends.</summary>
    public static string ToJsonLine(QueueEvent queueEvent)
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer, queueEvent);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteJson(Stream destination, QueueEvent e)
    {
        using var writer = new Utf8JsonWriter(destination, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("at", InstantPattern.ExtendedIso.Format(e.At));
        writer.WriteString("event", AsteriskName(e.Type));
        writer.WriteString("queue", e.Queue);
        if (e.Reference.Length > 0) writer.WriteString("reference", e.Reference);
        if (e.Agent is not null) writer.WriteString("agent", e.Agent);
        if (e.Position is { } position) writer.WriteNumber("position", position);
        if (e.OriginalPosition is { } original) writer.WriteNumber("originalPosition", original);
        if (e.Wait is { } wait) writer.WriteNumber("waitSeconds", Seconds(wait));
        if (e.Talk is { } talk) writer.WriteNumber("talkSeconds", Seconds(talk));
        if (e.Ring is { } ring) writer.WriteNumber("ringSeconds", Seconds(ring));
        if (e.Detail is not null) writer.WriteString("detail", e.Detail);
        writer.WriteEndObject();
    }

    public string ToAsteriskQueueLog()
    {
        var text = new StringBuilder();
        foreach (var e in _events)
        {
            var data = e.Type switch
            {
                QueueEventType.EnterQueue => ["", e.Detail ?? ""],
                QueueEventType.Ring => [],
                QueueEventType.RingNoAnswer => [Millis(e.Ring)],
                QueueEventType.Connect => [Whole(e.Wait), "", Whole(e.Ring)],
                QueueEventType.Abandon or QueueEventType.ExitWithTimeout or QueueEventType.ExitEmpty =>
                    [Number(e.Position), Number(e.OriginalPosition), Whole(e.Wait)],
                QueueEventType.Full or QueueEventType.JoinEmpty => [],
                QueueEventType.ExitWithKey => ["1", Number(e.Position), Number(e.OriginalPosition), Whole(e.Wait)],
                QueueEventType.Transfer => [e.Detail ?? "", "", Whole(e.Wait), Whole(e.Talk), Number(e.OriginalPosition)],
                QueueEventType.CompleteCaller or QueueEventType.CompleteAgent => [Whole(e.Wait), Whole(e.Talk), Number(e.OriginalPosition)],
                _ => new[] { e.Detail ?? "" },
            };
            text.Append(CultureInfo.InvariantCulture, $"{e.At.ToUnixTimeSeconds()}|{(e.Reference.Length > 0 ? e.Reference : "NONE")}|{e.Queue}|{e.Agent ?? "NONE"}|{AsteriskName(e.Type)}");
            foreach (var field in data) text.Append('|').Append(field);
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string AsteriskName(QueueEventType type) => type switch
    {
        QueueEventType.EnterQueue => "ENTERQUEUE",
        QueueEventType.Ring => "RING",
        QueueEventType.RingNoAnswer => "RINGNOANSWER",
        QueueEventType.Connect => "CONNECT",
        QueueEventType.Abandon => "ABANDON",
        QueueEventType.ExitWithTimeout => "EXITWITHTIMEOUT",
        QueueEventType.Full => "FULL",
        QueueEventType.JoinEmpty => "JOINEMPTY",
        QueueEventType.ExitEmpty => "EXITEMPTY",
        QueueEventType.Transfer => "TRANSFER",
        QueueEventType.CompleteCaller => "COMPLETECALLER",
        QueueEventType.CompleteAgent => "COMPLETEAGENT",
        QueueEventType.Pause => "PAUSE",
        QueueEventType.ExitWithKey => "EXITWITHKEY",
        QueueEventType.CallbackDue => "CALLBACKDUE",
        QueueEventType.CallbackNotBooked => "CALLBACKNOTBOOKED",
        _ => "UNPAUSE",
    };

    private static double Seconds(Duration duration) => Math.Round(duration.TotalSeconds, 3);

    private static string Whole(Duration? duration) => duration is { } d ? ((long)Math.Round(d.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : "";

    private static string Millis(Duration? duration) => duration is { } d ? ((long)Math.Round(d.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) : "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
