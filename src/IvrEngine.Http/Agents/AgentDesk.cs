using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using IvrEngine.Http.Twiml;
using IvrEngine.Queues.Agents;

namespace IvrEngine.Http.Agents;

/// <summary>
/// The service's side of live agents: each signed-in person's token and dial destination, the streams
/// their desks listen to, and which live agent each caller is talking to (for the TwiML bridge's Dial).
/// Events arrive on the calls' thread; tokens are read from any request thread.
/// </summary>
internal sealed class AgentDesk
{
    // Event data goes to an event stream, never into HTML: a caller ID reads "+1202…", not "\u002B1202…".
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<string, (byte[] Token, AgentDestination? Dial)> _signedIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Channel<(string Type, string Json)>>> _listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _agentOfCall = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _movedByCallsApi = new(StringComparer.Ordinal);

    /// <summary>A new token for <paramref name="agent"/>, who has just signed in: 32 random bytes, base64url.</summary>
    public string SignedIn(string agent, AgentDestination? dial)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        _signedIn[agent] = (Encoding.UTF8.GetBytes(token), dial);
        return token;
    }

    /// <summary>True when <paramref name="token"/> is the signed-in <paramref name="agent"/>'s (compared in constant time).</summary>
    public bool IsTokenOf(string agent, string token) =>
        _signedIn.TryGetValue(agent, out var seat) && CryptographicOperations.FixedTimeEquals(seat.Token, Encoding.UTF8.GetBytes(token));

    public AgentDestination? DialOf(string agent) => _signedIn.TryGetValue(agent, out var seat) ? seat.Dial : null;

    /// <summary>Where the TwiML bridge puts <paramref name="callReference"/> through: the dial of the live agent talking to it, or null. On the calls' thread.</summary>
    public AgentDestination? DialFor(string callReference) => _agentOfCall.TryGetValue(callReference, out var agent) ? DialOf(agent) : null;

    /// <summary>The live agent talking to <paramref name="callReference"/>, or null. On the calls' thread.</summary>
    public string? AgentTalkingTo(string callReference) => _agentOfCall.GetValueOrDefault(callReference);

    /// <summary>The calls API is about to transfer a live agent's caller: their desk is told it was moved, not hung up on. On the calls' thread.</summary>
    public void MovingByCallsApi(string callReference, string queue) => _movedByCallsApi[callReference] = queue;

    /// <summary>Events kept for a desk that has not read them yet.</summary>
    private const int MaxEventsBuffered = 256;

    /// <summary>Event streams one agent may hold open at once (a desk in a few tabs).</summary>
    private const int MaxStreamsPerAgent = 4;

    /// <summary>A reader of <paramref name="agent"/>'s events from now on, starting with their status. On the calls' thread.</summary>
    public ChannelReader<(string Type, string Json)> Listen(string agent, AgentEventView now)
    {
        // Bounded both ways: a desk that stops reading (a stalled connection) loses its oldest events
        // rather than growing without end, and an agent holds a few streams at most (a new one ends the oldest).
        var channel = Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(MaxEventsBuffered) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.DropOldest });
        channel.Writer.TryWrite((now.Type, JsonSerializer.Serialize(now, Json)));
        if (!_listeners.TryGetValue(agent, out var list)) _listeners[agent] = list = [];
        if (list.Count >= MaxStreamsPerAgent)
        {
            list[0].Writer.TryComplete();
            list.RemoveAt(0);
        }
        list.Add(channel);
        return channel.Reader;
    }

    public void StopListening(string agent, ChannelReader<(string Type, string Json)> reader)
    {
        if (_listeners.TryGetValue(agent, out var list)) list.RemoveAll(c => ReferenceEquals(c.Reader, reader));
    }

    /// <summary>Everything that happens at a live seat, on the calls' thread: kept track of, and sent to the agent's desks.</summary>
    public void OnEvent(LiveAgentEvent e)
    {
        var (by, queue) = (default(string), default(string));
        switch (e.Kind)
        {
            case LiveAgentEventKind.Connected when e.Call is { } call:
                _agentOfCall[call.Reference] = e.Agent;
                break;
            case LiveAgentEventKind.Ended when e.Call is { } call:
                _agentOfCall.Remove(call.Reference);
                (by, queue) = e.Detail switch
                {
                    "agent-hung-up" => ("agent", null),
                    { } detail when detail.StartsWith("transferred:", StringComparison.Ordinal) => ("transfer", detail["transferred:".Length..]),
                    _ when _movedByCallsApi.Remove(call.Reference, out var to) => ("calls-api", to),
                    _ => ("caller", null),
                };
                break;
        }
        if (e.Status == LiveAgentStatus.SignedOut && e.Kind == LiveAgentEventKind.StateChanged) _signedIn.TryRemove(e.Agent, out _);
        if (!_listeners.TryGetValue(e.Agent, out var listeners) || listeners.Count == 0) return;
        var view = View(e, by, queue);
        var json = JsonSerializer.Serialize(view, Json);
        foreach (var listener in listeners) listener.Writer.TryWrite((view.Type, json));
        if (e.Status != LiveAgentStatus.SignedOut || e.Kind != LiveAgentEventKind.StateChanged) return;
        // Signed out: the desk's streams end with that.
        foreach (var listener in listeners) listener.Writer.TryComplete();
        listeners.Clear();
    }

    public static AgentEventView View(LiveAgentEvent e, string? by = null, string? queue = null) => new(
        e.Kind switch
        {
            LiveAgentEventKind.Offered => "offered",
            LiveAgentEventKind.RangOut => "rang-out",
            LiveAgentEventKind.Declined => "declined",
            LiveAgentEventKind.OfferWithdrawn => "offer-withdrawn",
            LiveAgentEventKind.Connected => "connected",
            LiveAgentEventKind.Ended => "ended",
            _ => "state",
        },
        NodaTime.Text.InstantPattern.ExtendedIso.Format(e.At), e.Agent, e.Status.ToString(), e.Reason, e.Call, by, queue);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
