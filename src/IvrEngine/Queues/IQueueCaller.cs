using IvrEngine.Calls;
using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// A call as the call centre sees it: who is calling, and what the line tells it while it waits, is
/// answered, is handed on or leaves. The centre holds calls only through this, never the whole session.
/// </summary>
internal interface IQueueCaller
{
    ReferenceNumber Reference { get; }

    string? CallerId { get; }

    string Locale { get; }

    void JoinedQueue(string queueId, int position);

    void TurnedAwayFromQueue(string queueId, string reason);

    void LeftQueue(string reason);

    void HearInQueue(LocalizedText text, params (string Name, string Value)[] values);

    /// <summary>The caller's place in line, {position} in <paramref name="text"/>.</summary>
    void HearQueuePosition(LocalizedText text, int position);

    /// <summary>The expected wait, {wait} (in words) and {minutes} in <paramref name="text"/>.</summary>
    void HearExpectedWait(LocalizedText text, Duration expected);

    void HearHoldMusic(string musicClass);

    /// <summary>Virtual hold: the caller gives a callback number on the keypad (they keep their place meanwhile).</summary>
    void EnterCallbackNumber(bool noCallableCallerId);

    /// <summary>The callback is stored: the caller hangs up and keeps their place <paramref name="keptPlace"/>; null when their number already had <paramref name="callback"/> pending (nothing new booked, no place kept).</summary>
    void CallbackBooked(ReferenceNumber callback, int? keptPlace);

    /// <summary>A virtual-hold callback could not be stored: noted in the call's transcript, as a scheduled one is.</summary>
    void CallbackNotBooked(string failure);

    void ConnectedToAgent(string agent, Duration waited);

    void EndedByAgent(string agent, Duration talked);

    /// <param name="agentsOwn">The simulated agent's own escalation, not one asked for with <c>transfer QUEUE</c>.</param>
    void HandedOff(string queueId, bool agentsOwn);

    void Overflow(MenuAction action, string reason);
}
