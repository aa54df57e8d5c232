using IvrEngine.Menus;
using NodaTime;

namespace IvrEngine.Calls;

// The Stateless configuration of the call's states: which trigger does what where.
public sealed partial class CallSession
{
    /// <summary>Configures <paramref name="m"/> once; every action reaches the call it runs at the time (<see cref="CallMachine.Session"/>).</summary>
    private static void Configure(CallMachine m)
    {
        var machine = m.Machine;
        CallSession S() => m.Session!;

        machine.Configure(CallState.Greeting)
            .Permit(CallTrigger.Answer, CallState.InMenu)
            .Permit(m.Transfer.Trigger, CallState.Transferring)
            .Permit(CallTrigger.Hangup, CallState.Ended);

        machine.Configure(CallState.InMenu)
            .OnEntryFrom(CallTrigger.Answer, () => S().Answer(), "say the start prompt")
            .InternalTransitionIf(m.Digit, Always, (key, _) => S().OnMenuKey(key), "choose by key")
            .InternalTransitionIf(m.Speech, Always, (utterance, _) => S().OnMenuSpeech(utterance), "choose by phrase")
            .InternalTransitionIf(CallTrigger.InterDigitTimeout, Always, _ => S().OnMenuKeyPause(), "take the shorter key")
            .PermitIf(m.EnterNode, CallState.CollectingDigits, entry => StateFor(entry.Node) == CallState.CollectingDigits, "node collects digits")
            .Permit(CallTrigger.OfferCallback, CallState.OfferingCallback);

        machine.Configure(CallState.CollectingDigits)
            .InternalTransitionIf(m.Digit, Always, (key, _) => S().OnCollectKey(key), "add a digit")
            .InternalTransitionIf(m.Speech, Always, (utterance, _) => S().OnCollectSpeech(utterance), "spoken digits or escape")
            .InternalTransitionIf(CallTrigger.InterDigitTimeout, Always, _ => S().CompleteCollection(), "end of entry")
            .PermitIf(m.EnterNode, CallState.InMenu, entry => StateFor(entry.Node) == CallState.InMenu, "node is a menu or announcement");

        foreach (var state in new[] { CallState.InMenu, CallState.CollectingDigits })
        {
            machine.Configure(state)
                .OnEntryFrom(m.EnterNode, entry => S().Present(entry), "say the node's prompt")
                .InternalTransitionIf(m.EnterNode, entry => StateFor(entry.Node) == state, (entry, _) => S().Present(entry), "next node of the same kind")
                .InternalTransitionIf(CallTrigger.NoInput, Always, _ => S().OnNoInput(), "reprompt or retries exhausted")
                .InternalTransitionIf(CallTrigger.MenuTimeLimit, Always, _ => S().ExceedBudget("time in the menus"), "call budget spent")
                .Permit(m.Transfer.Trigger, CallState.Transferring)
                .Permit(CallTrigger.End, CallState.Ended)
                .Permit(CallTrigger.Hangup, CallState.Ended);
        }

        // With no call centre behind the menu, a transfer ends the IVR part ("transferred to queue X").
        machine.Configure(CallState.Transferring)
            .OnEntryFrom(m.Transfer, request => S().OnTransfer(request), "say the transfer message, join the queue")
            .OnEntryFrom(m.HandOff, queue => S().OnHandOff(queue), "join the queue the agent chose")
            .PermitReentry(m.Transfer.Trigger)
            .PermitDynamic(m.EnterNode, entry => StateFor(entry.Node), "overflow to a node", NodeStates)
            .Permit(CallTrigger.Enqueued, CallState.Queued)
            .Permit(CallTrigger.OfferCallback, CallState.OfferingCallback)
            .Permit(CallTrigger.End, CallState.Ended)
            .Permit(CallTrigger.Hangup, CallState.Ended)
            .Ignore(CallTrigger.MenuTimeLimit);

        machine.Configure(CallState.OfferingCallback)
            .InternalTransitionIf(m.Digit, Always, (key, _) => S().OnCallbackChoice(key), "choose a time, confirm, key a number")
            .InternalTransitionIf(m.Speech, Always, (utterance, _) => S().OnCallbackSpeech(utterance), "spoken number, else no choice")
            .InternalTransitionIf(CallTrigger.NoInput, Always, _ => S().OnCallbackSilence(), "no choice: declined")
            .InternalTransitionIf(CallTrigger.InterDigitTimeout, Always, _ => S().OnNumberEntryPause(), "end of a keyed number")
            .InternalTransitionIf(CallTrigger.MenuTimeLimit, Always, _ => S()._menuTimeRanOutWhileOffering = true, "budget applies back in the menu")
            .Permit(m.Transfer.Trigger, CallState.Transferring)
            .PermitDynamic(m.EnterNode, entry => StateFor(entry.Node), "declined: when closed, or back to the menu", NodeStates)
            .Permit(CallTrigger.End, CallState.Ended)
            .Permit(CallTrigger.Hangup, CallState.Ended);

        machine.Configure(CallState.Queued)
            .OnEntryFrom(CallTrigger.Enqueued, () => S()._callCenter!.Queued(S()), "offer to agents; position, expected wait, hold music")
            .InternalTransitionIf(m.Overflow, Always, (leave, _) => S().Perform(leave.Action, leave.Reason), "leave for the overflow")
            .InternalTransitionIf(m.Digit, Always, (key, _) => S().OnQueuedKey(key), "callback choice, keyed number")
            .InternalTransitionIf(m.Speech, Always, (utterance, _) => S().OnQueuedSpeech(utterance), "spoken callback number")
            .InternalTransitionIf(CallTrigger.NoInput, Always, _ => S().OnNumberEntrySilence(), "callback number: silence")
            .InternalTransitionIf(CallTrigger.InterDigitTimeout, Always, _ => S().OnNumberEntryPause(), "end of a keyed number")
            .Permit(m.AgentAnswered.Trigger, CallState.WithAgent)
            .Permit(m.Transfer.Trigger, CallState.Transferring)
            .PermitDynamic(m.EnterNode, entry => StateFor(entry.Node), "overflow to a node", NodeStates)
            .Permit(CallTrigger.End, CallState.Ended)
            .Permit(CallTrigger.Hangup, CallState.Ended)
            .Ignore(CallTrigger.MenuTimeLimit);

        machine.Configure(CallState.WithAgent)
            .OnEntryFrom(m.AgentAnswered, agent =>
            {
                S()._agent = agent;
                S().Record(CallEventType.AgentConnected, text: agent, detail: $"after {Time.ElapsedText.Short(S()._visits[^1].Waited ?? Duration.Zero)} in queue {S()._visits[^1].Queue}");
            }, "talk")
            .Permit(m.HandOff.Trigger, CallState.Transferring)
            .Permit(CallTrigger.End, CallState.Ended)
            .Permit(CallTrigger.Hangup, CallState.Ended)
            .Ignore(CallTrigger.MenuTimeLimit);

        machine.Configure(CallState.Ended)
            .OnEntryFrom(m.End, outcome => S().Finish(outcome), "record the outcome")
            .OnEntryFrom(CallTrigger.Hangup, transition => S().CallerHungUp(transition), "caller hung up")
            .Ignore(CallTrigger.MenuTimeLimit)
            .Ignore(CallTrigger.NoInput)
            .Ignore(CallTrigger.InterDigitTimeout);

        machine.OnTransitioned(t =>
        {
            if (t.Source != t.Destination) S().Record(CallEventType.StateChanged, text: $"{t.Trigger}", detail: $"{t.Source} -> {t.Destination}");
        });
        machine.OnUnhandledTrigger((state, trigger) => S().Record(CallEventType.InputIgnored, text: DescribeIgnored(trigger), detail: state == CallState.Ended ? "the call has ended" : $"not used while {state}"));
    }

    private static bool Always<T>(T _) => true;

    /// <summary>For the diagram: where a dynamic move to a node can lead.</summary>
    private static readonly Stateless.Reflection.DynamicStateInfos NodeStates =
    [
        new Stateless.Reflection.DynamicStateInfo(nameof(CallState.InMenu), "menu or announcement"),
        new Stateless.Reflection.DynamicStateInfo(nameof(CallState.CollectingDigits), "collector"),
    ];

    private static string DescribeIgnored(CallTrigger trigger) => trigger switch
    {
        CallTrigger.Digit => "a key",
        CallTrigger.Speech => "speech",
        CallTrigger.Hangup => "hang-up",
        _ => trigger.ToString(),
    };

    private static CallState StateFor(MenuNode node) => node.Kind == NodeKind.CollectDigits ? CallState.CollectingDigits : CallState.InMenu;
}
