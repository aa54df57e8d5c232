using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Queues.VirtualHold;

/// <summary>
/// The caller of a place put back in line after a restart: they hung up with a virtual-hold callback
/// long ago, so the place only waits for its turn. Nothing is said to them; the callback leg that takes
/// the place when it comes up is a call of its own.
/// </summary>
internal sealed class AbsentCaller(CallbackRequest held) : IQueueCaller
{
    public ReferenceNumber Reference => held.Reference;

    public string? CallerId => held.PhoneNumber;

    public string Locale => held.Locale;

    // The caller is not on the line: there is no one to tell anything to.
    public void JoinedQueue(string queueId, int position) { }

    public void TurnedAwayFromQueue(string queueId, string reason) { }

    public void LeftQueue(string reason) { }

    public void HearInQueue(LocalizedText text, params (string Name, string Value)[] values) { }

    public void HearQueuePosition(LocalizedText text, int position) { }

    public void HearExpectedWait(LocalizedText text, Duration expected) { }

    public void HearHoldMusic(string musicClass) { }

    public void EnterCallbackNumber(bool noCallableCallerId) { }

    public void CallbackBooked(ReferenceNumber callback, int? keptPlace) { }

    public void CallbackNotBooked(string failure) { }

    public void ConnectedToAgent(string agent, Duration waited) { }

    public void EndedByAgent(string agent, Duration talked) { }

    public void HandedOff(string queueId, bool agentsOwn) { }

    public void Overflow(MenuAction action, string reason) { }
}
