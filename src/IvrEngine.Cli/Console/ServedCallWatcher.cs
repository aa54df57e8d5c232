using IvrEngine.Calls;

namespace IvrEngine.Cli.Console;

/// <summary>
/// What <c>ivr serve</c> shows of the calls it serves: each thing the line says to a caller and the
/// engine's notes, as <c>ivr call</c> prints them, each line led by the call's reference so calls
/// side by side stay apart (<c>486-247-424 [0:03] IVR: …</c>). Events arrive on the calls' thread,
/// also between input lines (a timeout, an agent picking up), so the writer must be synchronised.
/// With a transcript folder, each call's transcript is written there as <c>REF.jsonl</c> when it
/// ends: the same bytes <c>ivr call --transcript</c> writes for that call.
/// </summary>
internal sealed class ServedCallWatcher(TextWriter output, CallLinePainter? painter, string? transcriptFolder, TextWriter problems)
{
    /// <summary>Starts showing (and, with a folder, keeping) <paramref name="call"/>'s events; call right after the call starts.</summary>
    public void Watch(CallSession call)
    {
        // The greeting was said while the call was starting, before anyone could subscribe.
        foreach (var callEvent in call.Transcript.Events) Show(call, callEvent);
        call.EventRecorded += callEvent =>
        {
            Show(call, callEvent);
            if (callEvent.Type == CallEventType.CallEnded) Keep(call);
        };
        if (call.IsEnded) Keep(call);
    }

    private void Show(CallSession call, CallEvent callEvent)
    {
        if (painter is null || CallEventFormatter.Format(callEvent, call.StartedAt) is not { } line) return;
        if (painter.Paint($"{call.Reference} {line}", spoken: callEvent.Type == CallEventType.Prompt) is { } painted) output.WriteLine(painted);
    }

    private void Keep(CallSession call)
    {
        if (transcriptFolder is null) return;
        var path = Path.Combine(transcriptFolder, $"{call.Reference}.jsonl");
        try
        {
            using var file = File.Create(path);
            call.Transcript.WriteJsonLines(file);
        }
        catch (Exception exception) when (Files.FileFailure.Is(exception))
        {
            // A full disk must not take the line down: the call is over, only its record is lost, and ops are told.
            problems.WriteLine($"transcript {path} not written: {exception.Message}");
        }
    }
}
