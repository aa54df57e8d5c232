using System.Collections.Immutable;
using System.Globalization;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Menus;
using IvrEngine.Queues;
using IvrEngine.Queues.Staffing;
using NodaTime;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// A scenario's menu, callers and staffing as flat tables for <see cref="KernelWeek"/>: nodes,
/// actions, queues and agents become indices; each node's keys resolve through the engine's own
/// <see cref="KeyTable"/> once, here, instead of per press. Built from the loaded <see cref="Scenario"/>
/// (no second format), only for scenarios <see cref="KernelSupport"/> accepts.
/// </summary>
internal sealed class CompiledLine
{
    // Keys a phone has, in table order: 0-9, *, #.
    public const int PhoneKeys = 12;

    // What a key resolves to at a node, besides an option's index.
    public const int NoChoice = -1;
    public const int EscapeChoice = -2;

    // A caller's act at a node, besides pressing the key with this character code.
    public const int ActSilence = -1;
    public const int ActHangUp = -2;

    // A closed node's or queue's whenClosed that hangs up (the engine's CloseFor), besides an action's index.
    public const int ClosedHangUp = -1;

    public CompiledLine(Scenario scenario)
    {
        Scenario = scenario;
        var menu = scenario.Menu;
        var budget = menu.Budget;
        NodeIds = [.. menu.Nodes.Keys.Order(StringComparer.Ordinal)];
        var nodeIndex = NodeIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        QueueIds = [.. menu.Queues.Keys.Order(StringComparer.Ordinal)];
        var queueIndex = QueueIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var actions = new List<MenuAction>();
        int ActionOf(MenuAction action)
        {
            var at = actions.IndexOf(action);
            if (at >= 0) return at;
            actions.Add(action);
            return actions.Count - 1;
        }

        var n = NodeIds.Length;
        StartNode = nodeIndex[menu.StartNodeId];
        IsAnnouncement = new bool[n];
        NextAction = new int[n];
        KeyChoice = new int[n * PhoneKeys];
        NoInputTimeout = new TimeSpan[n];
        Collects = new bool[n];
        EntryAccepted = new bool[n];
        EntryPause = new TimeSpan[n];
        NoInputRetries = new int[n];
        InvalidRetries = new int[n];
        OnRetriesExhausted = new int[n];
        EscapeMode = new EscapeMode[n];
        EscapeKey = new char[n];
        EscapeTarget = new int[n];
        KeyedOptions = new char[n][];
        ScheduleIds = [.. menu.Hours.Keys.Order(StringComparer.Ordinal)];
        var scheduleIndex = ScheduleIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        int HoursOf(Hours.HoursRule? rule) => rule is null ? -1 : scheduleIndex[rule.ScheduleId];
        // A closed place's whenClosed: an action of the table, or ClosedHangUp for a hang-up (outcome "closed by hours").
        int WhenClosedOf(Hours.HoursRule? rule) => rule?.WhenClosed is null or SayAndHangUp ? ClosedHangUp : ActionOf(rule.WhenClosed);
        NodeHours = new int[n];
        NodeWhenClosed = new int[n];
        Choices = new ChoiceTable?[n];
        ChoiceActs = new int[n][];
        var optionActions = new List<int>();
        var optionSpeaks = new List<bool>();
        for (var i = 0; i < n; i++)
        {
            var node = menu.Nodes[NodeIds[i]];
            IsAnnouncement[i] = node.Kind == NodeKind.Announcement;
            NodeHours[i] = HoursOf(node.Hours);
            NodeWhenClosed[i] = WhenClosedOf(node.Hours);
            NextAction[i] = node.Next is { } next ? ActionOf(next) : node.Collect is { } kept ? ActionOf(kept.Next) : -1;
            if (node.Collect is { } collect)
            {
                // Callers type the same digits at a collector every time, so what becomes of them is known here (CallSession.OnCollectKey, CompleteCollection).
                var entry = SimulatedCaller.EntryAt(node, scenario.Callers);
                Collects[i] = true;
                EntryAccepted[i] = entry.Length >= collect.MinLength && entry.Length <= collect.MaxLength
                    && (collect.Pattern is not { } pattern || CallSession.PatternAccepts(pattern, entry));
                // The entry ends at its last digit when it fills the collector, at the terminator pressed after it, or else after the pause.
                EntryPause[i] = entry.Length >= collect.MaxLength || collect.Terminator is not null ? TimeSpan.Zero : collect.InterDigitTimeout.ToTimeSpan();
            }
            NoInputTimeout[i] = node.NoInput.Timeout.ToTimeSpan();
            NoInputRetries[i] = node.NoInput.Retries;
            InvalidRetries[i] = node.Invalid.Retries;
            OnRetriesExhausted[i] = ActionOf(node.OnRetriesExhausted);
            EscapeMode[i] = node.Escape.Mode;
            EscapeKey[i] = node.Escape.Mode != Menus.EscapeMode.Disabled && node.Escape.Keys.Length > 0 ? node.Escape.Keys[0][0] : '\0';
            EscapeTarget[i] = ActionOf(node.Escape.Target);
            KeyedOptions[i] = [.. node.Options.Where(o => o.Key is not null).Select(o => o.Key![0])];
            // The option ids of this node, in the node's order, for the key table below.
            var firstOption = optionActions.Count;
            foreach (var option in node.Options)
            {
                optionActions.Add(ActionOf(option.Action));
                optionSpeaks.Add(option.Message is not null);
            }
            var keys = NodeInputs.KeysOf(node);
            for (var k = 0; k < PhoneKeys; k++)
            {
                var (choice, _) = keys.Lookup(KeyAt(k).ToString());
                KeyChoice[(i * PhoneKeys) + k] = choice switch
                {
                    null => NoChoice,
                    { IsEscape: true } => EscapeChoice,
                    { } chosen => firstOption + node.Options.IndexOf(chosen.Option!),
                };
            }
            if (scenario.Callers.Choices.TryGetValue(NodeIds[i], out var table))
            {
                Choices[i] = table;
                ChoiceActs[i] = [.. table.Shares.Select(s => ActOf(s.Action))];
            }
            else
            {
                ChoiceActs[i] = [];
            }
        }
        OptionAction = [.. optionActions];
        OptionSpeaks = [.. optionSpeaks];

        var q = QueueIds.Length;
        QueueHours = new int[q];
        QueueWhenClosed = new int[q];
        for (var i = 0; i < q; i++)
        {
            var hours = menu.Queues[QueueIds[i]].Hours;
            QueueHours[i] = HoursOf(hours);
            QueueWhenClosed[i] = WhenClosedOf(hours);
        }
        QueueLimits = [.. QueueIds.Select(id => QueueLimit.Of(menu.Queues[id], ActionOf))];

        BudgetTarget = ActionOf(budget.Target);
        MaxFailedInputs = budget.MaxFailedInputs;
        MaxMenuTime = budget.MaxMenuTime.ToTimeSpan();

        // "Main menu" is a forward move to the start node, as the engine performs it.
        ActionKind = [.. actions.Select(a => a switch
        {
            GoToNode or GoToMainMenu => KernelAction.GoTo,
            TransferToQueue => KernelAction.Queue,
            RepeatNode => KernelAction.Repeat,
            GoBack => KernelAction.Back,
            RequestCallback => KernelAction.Callback,
            _ => KernelAction.SayAndHangUp,
        })];
        ActionTarget = [.. actions.Select(a => a switch
        {
            GoToNode goTo => nodeIndex[goTo.NodeId],
            GoToMainMenu => StartNode,
            TransferToQueue transfer => queueIndex[transfer.QueueId],
            RequestCallback callback => queueIndex[callback.QueueId],
            _ => -1,
        })];
        KeepsHistory = ActionKind.Contains(KernelAction.Back);

        QueueOfferOver = new Duration?[q];
        QueueCallbackExpiry = new Duration[q];
        QueueAnnounceEvery = new TimeSpan[q];
        QueueAnnouncesPosition = new bool[q];
        QueueAnnouncesWait = new bool[q];
        QueueOffersWhenClosed = new bool[q];
        QueueTakesLegs = new bool[q];
        for (var i = 0; i < q; i++)
        {
            var definition = menu.Queues[QueueIds[i]];
            QueueOfferOver[i] = definition.Callback?.WhenWaitOver;
            // A menu option books a callback in a queue without callback settings too: it keeps the default expiry.
            QueueCallbackExpiry[i] = definition.Callback?.ExpiresAfter ?? CallbackOffer.DefaultExpiry;
            QueueOffersWhenClosed[i] = definition.Callback is { WhenClosed: true };
            QueueAnnounceEvery[i] = definition.Announcements.Every.ToTimeSpan();
            QueueAnnouncesPosition[i] = definition.Announcements.Position;
            QueueAnnouncesWait[i] = definition.Announcements.ExpectedWait;
        }
        // A queue is called back into when it offers virtual hold, offers times when closed, or a menu option books callbacks in it.
        foreach (var action in actions) if (action is RequestCallback booked) QueueTakesLegs[queueIndex[booked.QueueId]] = true;
        for (var i = 0; i < q; i++) QueueTakesLegs[i] |= QueueOfferOver[i] is not null || QueueOffersWhenClosed[i];
        // Every simulated caller's number (SimulationSeeds.CallerId) is a valid US number in one zone: the
        // number check and the callee's zone the reference engine works out per offer are the same for all.
        CallersCallable = CallbackNumber.TryNormalize(SimulationSeeds.CallerId(0), "US", out var first, out _)
            && CallbackNumber.TryNormalize(SimulationSeeds.CallerId(SimulationSeeds.CallerNumbers - 1), "US", out _, out _);
        CallerZone = CallersCallable ? CalleeZone.Of(first, menu.TimeZone) : menu.TimeZone;

        QueuePriority = new int[q];
        QueueStrategy = new RoutingStrategy[q];
        QueueHandleTime = new HandleTime?[q];
        QueueWrapUp = new Duration[q];
        QueueAnswerDelayTicks = new long[q];
        Array.Fill(QueueAnswerDelayTicks, -1);
        TeamFirst = new int[q];
        TeamSize = new int[q];
        for (var i = 0; i < q; i++)
        {
            var definition = menu.Queues[QueueIds[i]];
            QueuePriority[i] = definition.Priority;
            QueueStrategy[i] = definition.Strategy;
        }

        // Agents as the reference engine seats them: queue by queue in id order, seats 1..max of each.
        var agentQueue = new List<int>();
        var agentNames = new List<string>();
        foreach (var (id, staffing) in scenario.Queues.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var queue = queueIndex[id];
            var seats = (int)staffing.Agents.Max;
            TeamFirst[queue] = agentQueue.Count;
            TeamSize[queue] = seats;
            QueueHandleTime[queue] = staffing.HandleTime;
            QueueWrapUp[queue] = staffing.WrapUp;
            // Any delay at all takes the engine's timed path (a timer, even of less than a tick); none answers at once.
            QueueAnswerDelayTicks[queue] = staffing.AnswerDelay > Duration.Zero ? staffing.AnswerDelay.BclCompatibleTicks : -1;
            for (var seat = 1; seat <= seats; seat++)
            {
                agentQueue.Add(queue);
                agentNames.Add(string.Create(CultureInfo.InvariantCulture, $"{id} {seat}"));
            }
        }
        AgentQueue = [.. agentQueue];
        AgentNames = [.. agentNames];
        Teams = [.. scenario.Queues.Keys.Order(StringComparer.Ordinal).Select(id => queueIndex[id])];
    }

    public Scenario Scenario { get; }

    public string[] NodeIds { get; }

    public int StartNode { get; }

    /// <summary>Some action goes back, so calls keep the nodes they left (the engine's CallNavigation history).</summary>
    public bool KeepsHistory { get; }

    public bool[] IsAnnouncement { get; }

    /// <summary>An announcement's next action, or a collector's once the caller's entry is kept.</summary>
    public int[] NextAction { get; }

    /// <summary>The node collects digits: callers type their entry there (<see cref="SimulatedCaller.EntryAt"/>).</summary>
    public bool[] Collects { get; }

    /// <summary>A collector keeps the callers' entry (its length and pattern fit); otherwise it is invalid input every time.</summary>
    public bool[] EntryAccepted { get; }

    /// <summary>How long after the last digit a collector's entry ends: zero when it ends at once (full length, or the terminator).</summary>
    public TimeSpan[] EntryPause { get; }

    /// <summary>Node × phone key: an option id, <see cref="EscapeChoice"/> or <see cref="NoChoice"/>.</summary>
    public int[] KeyChoice { get; }

    public int[] OptionAction { get; }

    /// <summary>Whether choosing the option says its message first (a prompt the caller hears).</summary>
    public bool[] OptionSpeaks { get; }

    public TimeSpan[] NoInputTimeout { get; }

    public int[] NoInputRetries { get; }

    public int[] InvalidRetries { get; }

    public int[] OnRetriesExhausted { get; }

    public EscapeMode[] EscapeMode { get; }

    /// <summary>The key an escaping caller presses at the node; '\0' when they cannot escape by key there.</summary>
    public char[] EscapeKey { get; }

    public int[] EscapeTarget { get; }

    /// <summary>The node's option keys in the node's order: what a caller picks from at a node the scenario says nothing about.</summary>
    public char[][] KeyedOptions { get; }

    public ChoiceTable?[] Choices { get; }

    /// <summary>Per node, the act of each row of its choice table.</summary>
    public int[][] ChoiceActs { get; }

    /// <summary>The menu's schedules, in id order: what <see cref="NodeHours"/> and <see cref="QueueHours"/> index.</summary>
    public string[] ScheduleIds { get; }

    /// <summary>The schedule a node opens by (-1: always open) and what a caller arriving while it is closed gets.</summary>
    public int[] NodeHours { get; }

    /// <summary>An action index, or <see cref="ClosedHangUp"/>.</summary>
    public int[] NodeWhenClosed { get; }

    /// <summary>The schedule a queue opens by (-1: always open).</summary>
    public int[] QueueHours { get; }

    /// <summary>An action index, or <see cref="ClosedHangUp"/>.</summary>
    public int[] QueueWhenClosed { get; }

    /// <summary>Per queue: its maximum length and wait, when callers are sent on, and the overflow they are sent to.</summary>
    public QueueLimit[] QueueLimits { get; }

    public int BudgetTarget { get; }

    public int MaxFailedInputs { get; }

    public TimeSpan MaxMenuTime { get; }

    public KernelAction[] ActionKind { get; }

    /// <summary>The node or queue index an action leads to.</summary>
    public int[] ActionTarget { get; }

    public string[] QueueIds { get; }

    public int[] QueuePriority { get; }

    /// <summary>The expected wait over which a queue offers virtual hold; null for none.</summary>
    public Duration?[] QueueOfferOver { get; }

    /// <summary>How long a queue's promised callback stays valid.</summary>
    public Duration[] QueueCallbackExpiry { get; }

    /// <summary>A queue that is closed offers the caller times for a callback (<c>"whenClosed": true</c>).</summary>
    public bool[] QueueOffersWhenClosed { get; }

    /// <summary>Callbacks' legs may join the queue: it needs a line for them, ahead of new callers.</summary>
    public bool[] QueueTakesLegs { get; }

    public TimeSpan[] QueueAnnounceEvery { get; }

    public bool[] QueueAnnouncesPosition { get; }

    public bool[] QueueAnnouncesWait { get; }

    /// <summary>Whether the simulated callers' numbers can be called back (the reference engine's caller-ID check).</summary>
    public bool CallersCallable { get; }

    /// <summary>The zone of the simulated callers' numbers: where the calling window is read for them.</summary>
    public DateTimeZone CallerZone { get; }

    public RoutingStrategy[] QueueStrategy { get; }

    /// <summary>Talk time per queue; null for a queue nobody staffs.</summary>
    public HandleTime?[] QueueHandleTime { get; }

    public Duration[] QueueWrapUp { get; }

    /// <summary>How long each queue's agents ring before they pick up (answerSeconds), in ticks; -1 when they answer at once (no delay, or a queue nobody staffs).</summary>
    public long[] QueueAnswerDelayTicks { get; }

    public int[] TeamFirst { get; }

    public int[] TeamSize { get; }

    /// <summary>The staffed queues in the order the reference engine logs their agents in and out.</summary>
    public ImmutableArray<int> Teams { get; }

    public int[] AgentQueue { get; }

    public string[] AgentNames { get; }

    /// <summary>The table index of a phone key, or -1 for any other character.</summary>
    public static int KeyIndex(char key) => key switch
    {
        >= '0' and <= '9' => key - '0',
        '*' => 10,
        '#' => 11,
        _ => -1,
    };

    private static char KeyAt(int index) => index switch
    {
        < 10 => (char)('0' + index),
        10 => '*',
        _ => '#',
    };

    private static int ActOf(string action) => action switch
    {
        CallerBehaviour.Silence => ActSilence,
        CallerBehaviour.HangUp => ActHangUp,
        _ => action[0],
    };
}
