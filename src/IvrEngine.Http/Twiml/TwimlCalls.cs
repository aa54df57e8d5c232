using System.Collections.Concurrent;
using IvrEngine.Http.Calls;

namespace IvrEngine.Http.Twiml;

/// <summary>The provider's call ids (<c>CallSid</c>) of calls that came through the TwiML bridge, to their calls.</summary>
internal sealed class TwimlCalls
{
    private readonly ConcurrentDictionary<string, LiveCall> _byProviderId = new(StringComparer.Ordinal);

    public void Add(string providerCallId, LiveCall call) => _byProviderId[providerCallId] = call;

    public LiveCall? Find(string? providerCallId) => providerCallId is null ? null : _byProviderId.GetValueOrDefault(providerCallId);

    public void Forget(string providerCallId) => _byProviderId.TryRemove(providerCallId, out _);
}
