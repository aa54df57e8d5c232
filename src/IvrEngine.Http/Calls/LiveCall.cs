using System.Threading.Channels;
using IvrEngine.Calls;

namespace IvrEngine.Http.Calls;

/// <summary>
/// A call served over HTTP: its session, who listens to its events, and what the caller has heard
/// since the last answer. Touched only on the call host's thread, like the session itself.
/// </summary>
internal sealed class LiveCall
{
    private readonly List<Channel<string>> _listeners = [];
    private readonly List<string> _heard = [];
    private readonly List<string> _unheardByTwiml = [];

    /// <summary>The session, once answered (its first events arrive before the host hands it back).</summary>
    public CallSession Session { get; private set; } = null!;

    public string Reference { get; private set; } = string.Empty;

    public void Attach(CallSession session)
    {
        Session = session;
        Reference = session.Reference.ToString();
    }

    /// <summary>The provider's call id when the call came through the TwiML bridge.</summary>
    public string? ProviderCallId { get; init; }

    /// <summary>Hold music heard since the TwiML bridge last answered (its class), or null.</summary>
    public string? HoldMusicSinceTwiml { get; private set; }

    /// <summary>Called for each of the session's events, on the calls' thread.</summary>
    public void OnEvent(CallEvent callEvent)
    {
        if (callEvent.Type == CallEventType.Prompt && callEvent.Text is { } prompt)
        {
            _heard.Add(prompt);
            _unheardByTwiml.Add(prompt);
        }
        if (callEvent.Type == CallEventType.HoldMusic) HoldMusicSinceTwiml = callEvent.Text;
        if (_listeners.Count == 0) return;
        var line = Transcript.ToJsonLine(callEvent);
        foreach (var listener in _listeners) listener.Writer.TryWrite(line);
        if (callEvent.Type != CallEventType.CallEnded) return;
        foreach (var listener in _listeners) listener.Writer.TryComplete();
        _listeners.Clear();
    }

    /// <summary>The prompts said since <paramref name="mark"/> (from <see cref="Mark"/>).</summary>
    public IReadOnlyList<string> PromptsSince(int mark) => _heard[mark..];

    public int Mark() => _heard.Count;

    /// <summary>What the TwiML bridge has not yet played to the caller, taken.</summary>
    public (IReadOnlyList<string> Prompts, string? HoldMusic) TakeForTwiml()
    {
        var prompts = _unheardByTwiml.ToArray();
        _unheardByTwiml.Clear();
        var music = HoldMusicSinceTwiml;
        HoldMusicSinceTwiml = null;
        return (prompts, music);
    }

    /// <summary>
    /// A reader of the call's events as transcript lines: every event so far, then each as it
    /// happens, completed when the call ends. Must run on the calls' thread, so none is missed or doubled.
    /// </summary>
    public ChannelReader<string> Listen()
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        foreach (var callEvent in Session.Transcript.Events) channel.Writer.TryWrite(Transcript.ToJsonLine(callEvent));
        if (Session.IsEnded) channel.Writer.TryComplete();
        else _listeners.Add(channel);
        return channel.Reader;
    }

    /// <summary>A listener that went away (the client closed the stream).</summary>
    public void StopListening(ChannelReader<string> reader) => _listeners.RemoveAll(c => ReferenceEquals(c.Reader, reader));
}
