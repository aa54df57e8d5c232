using IvrEngine.Menus;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// Whether the compiled kernel models every feature a scenario uses exactly as the reference engine
/// does. A scenario it does not is run on the reference engine, and the reason is said: the kernel
/// never approximates. The differential test (KernelDifferentialTests) holds the kernel to this list.
/// </summary>
public static class KernelSupport
{
    /// <summary>Null when the kernel runs <paramref name="scenario"/> exactly; otherwise the first feature it does not model, in a short phrase.</summary>
    public static string? WhyNot(Scenario scenario)
    {
        var menu = scenario.Menu;
        var callers = scenario.Callers;
        foreach (var node in menu.Nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            if (NodeProblem(node, callers) is { } problem) return $"node {node.Id}: {problem}";
        }
        if (ActionProblem(menu.Budget.Target) is { } budget) return $"the call budget: {budget}";
        // Times offered for a callback wait for the caller as long as the start node's no-input timeout: a caller who
        // thinks as long would decline by silence, a path the kernel does not take.
        if (OffersTimes(menu) && callers.Think >= menu.StartNode.NoInput.Timeout) return "callers think as long as a callback offer waits (the start node's no-input timeout)";
        foreach (var (nodeId, table) in callers.Choices.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var (action, _) in table.Shares)
            {
                if (action is CallerBehaviour.Silence or CallerBehaviour.HangUp || action.Length == 1) continue;
                return action.StartsWith(SpokenChoice.Prefix, StringComparison.Ordinal)
                    ? $"callers at {nodeId} speak (\"{action}\"): spoken choices"
                    : $"callers at {nodeId} press several keys (\"{action}\")";
            }
        }
        foreach (var queue in menu.Queues.Values.OrderBy(q => q.Id, StringComparer.Ordinal))
        {
            if (QueueProblem(queue) is { } problem) return $"queue {queue.Id}: {problem}";
        }
        foreach (var (id, staffing) in scenario.Queues.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            // An answer delay is modelled (KernelWeek.Offer, WithdrawRing) while the agent picks up before the ring
            // times out; a ring that times out is retried on the next agent (the Polly pipelines), which it is not.
            if (menu.Queues.TryGetValue(id, out var queue) && staffing.AnswerDelay > NodaTime.Duration.Zero && staffing.AnswerDelay >= queue.RingTimeout)
            {
                return $"queue {id}: agents answer no sooner than the ring times out (answerSeconds at least ringSeconds)";
            }
        }
        return null;
    }

    private static string? NodeProblem(MenuNode node, CallerBehaviour callers)
    {
        // Callers act on the think timer; a no-input timer that could fire first is a path the kernel does not take.
        if (node.Kind is NodeKind.Menu or NodeKind.CollectDigits && callers.Think >= node.NoInput.Timeout) return "callers think as long as the no-input timeout";
        // The kernel knows an entry's fate from its length and pattern: one that is empty, too long or not all digits takes paths it does not model.
        if (node.Collect is not null && SimulatedCaller.EntryAt(node, callers) is var entry && (entry.Length == 0 || entry.Length > node.Collect.MaxLength || !entry.All(char.IsAsciiDigit)))
        {
            return $"callers type \"{entry}\" at a collector";
        }
        if (node.Options.Any(o => o.Key is { Length: not 1 })) return "keys of more than one digit";
        if (node.Escape.Keys.Any(k => k.Length != 1)) return "escape keys of more than one digit";
        var actions = node.Options.Select(o => o.Action).Append(node.OnRetriesExhausted).Append(node.Escape.Target);
        if (node.Hours is { } hours) actions = actions.Append(hours.WhenClosed);
        // A collector's next action is compiled too (CompiledLine.NextAction): it must be one the kernel performs.
        if (node.Collect is { } collect) actions = actions.Append(collect.Next);
        foreach (var action in actions)
        {
            if (ActionProblem(action) is { } problem) return problem;
        }
        return node.Next is { } next ? ActionProblem(next) : null;
    }

    /// <summary>Whether callers may be offered times for a scheduled callback: a closed queue that offers them, or a menu option that books one.</summary>
    private static bool OffersTimes(Menu menu) =>
        menu.Queues.Values.Any(q => q.Callback is { WhenClosed: true }) || menu.Nodes.Values.Any(n => n.Options.Any(o => o.Action is RequestCallback));

    private static string? ActionProblem(MenuAction action) => action switch
    {
        GoToNode or TransferToQueue or SayAndHangUp or RepeatNode or GoBack or GoToMainMenu or RequestCallback => null,
        _ => $"{action.GetType().Name} actions",
    };

    private static string? QueueProblem(QueueDefinition queue) => queue switch
    {
        { Hours: { } hours } when ActionProblem(hours.WhenClosed) is { } problem => $"when closed: {problem}",
        // The limits that send callers to the overflow are modelled (KernelWeek.Limits); the overflow must be an action the kernel performs.
        _ when ActionProblem(queue.Overflow) is { } problem => $"overflow: {problem}",
        _ => null,
    };
}
