namespace IvrEngine.Menus.Loading;

/// <summary>
/// Binds actions: <c>goto</c>, <c>queue</c>, <c>hangup</c> or <c>do</c>, exactly one, with targets
/// that exist. Used both for action objects (<c>next</c>, <c>escape.to</c>, …) and for the action
/// written inline in an option, which may also be <c>callback</c> (a queue with hours).
/// </summary>
internal sealed class ActionBinder(BindContext context, TextBinder texts)
{
    public static readonly string[] ActionProperties = ["goto", "queue", "hangup", "callback", "do"];

    private static readonly string[] DoValues = ["repeat", "back", "mainMenu"];

    /// <summary>An action object such as <c>{ "goto": "main" }</c>; null when absent, broken or not allowed there.</summary>
    public MenuAction? ReadActionObject(LocatedValue? value, string what, ActionKinds allowed = ActionKinds.All)
    {
        if (context.AsObject(value, $"{what} (an action like {{ \"goto\": \"main\" }})") is not { } obj)
        {
            return null;
        }

        context.CheckProperties(obj, what, ActionProperties);
        var action = ReadAction(obj, what, inOption: false);
        if (action is null || allowed.HasFlag(KindOf(action))) return action;

        // A missing target's own error is said; that its verb is not allowed here either was never added to it.
        if (action is UnresolvedTarget) return null;

        context.Error(DiagnosticCodes.BadAction, obj.Where, $"{what} cannot be {Describe(action)}: {Why(action, allowed)}");
        return null;
    }

    private static ActionKinds KindOf(MenuAction action) => action switch
    {
        GoToNode => ActionKinds.GoTo,
        TransferToQueue => ActionKinds.Queue,
        SayAndHangUp => ActionKinds.HangUp,
        RepeatNode => ActionKinds.Repeat,
        GoBack => ActionKinds.Back,
        RequestCallback => ActionKinds.Callback,
        UnresolvedTarget unresolved => unresolved.Kind,
        _ => ActionKinds.MainMenu,
    };

    private static string Describe(MenuAction action) => action switch
    {
        RepeatNode => "'do': 'repeat'",
        GoBack => "'do': 'back'",
        GoToMainMenu => "'do': 'mainMenu'",
        GoToNode => "a 'goto'",
        RequestCallback => "a 'callback'",
        _ => "this action",
    };

    private static string Why(MenuAction action, ActionKinds allowed) => (action, allowed) switch
    {
        (RequestCallback, _) => "a callback is booked only from an option, where the caller chooses it",
        (_, ActionKinds.HandOn) => "it must hand the caller on (use goto, queue or hangup)",
        _ => "repeating here would play the same node for ever",
    };

    /// <summary>The one action among the properties of <paramref name="owner"/>; reports none or several (IVR0019).</summary>
    /// <param name="inOption">An option's own action, which may also be <c>callback</c> (the wording of problems says so).</param>
    public MenuAction? ReadAction(LocatedObject owner, string what, bool inOption = true)
    {
        var verbs = inOption ? "goto, queue, hangup, callback or do" : "goto, queue, hangup or do";
        LocatedProperty? chosen = null;
        foreach (var property in owner.Properties)
        {
            if (!ActionProperties.Contains(property.Name))
            {
                continue;
            }

            if (chosen is not null)
            {
                context.Error(DiagnosticCodes.BadAction, property.NameWhere,
                    $"{what} has both '{chosen.Name}' and '{property.Name}'; an action has exactly one of {verbs}");
                return null;
            }

            chosen = property;
        }

        if (chosen is null)
        {
            context.Error(DiagnosticCodes.BadAction, owner.Where, $"{what} has no action; add one of {verbs}");
            return null;
        }

        var value = chosen.Value;
        switch (chosen.Name)
        {
            case "goto":
                return context.AsString(value, $"'goto' of {what}") is { } nodeId ? GoTo(nodeId, value, what) : null;
            case "queue":
                return context.AsString(value, $"'queue' of {what}") is { } queueId ? Queue(queueId, value, what) : null;
            case "hangup":
                return texts.ReadText(value, $"'hangup' of {what}", PlaceholderScope.Node) is { } message ? new SayAndHangUp(message) : null;
            case "callback":
                return context.AsString(value, $"'callback' of {what}") is { } callbackQueue ? Callback(callbackQueue, value, what) : null;
            default:
                return context.AsString(value, $"'do' of {what}") is { } verb ? Do(verb, value, what) : null;
        }
    }

    private MenuAction GoTo(string nodeId, LocatedValue at, string what)
    {
        if (context.NodeIds.Contains(nodeId))
        {
            return new GoToNode(nodeId);
        }

        context.Error(DiagnosticCodes.UnknownNode, at.Where,
            $"{what} goes to node '{nodeId}', which does not exist{Suggestions.DidYouMean(nodeId, context.NodeIds)}");
        return new UnresolvedTarget(nodeId, ActionKinds.GoTo);
    }

    private MenuAction Queue(string queueId, LocatedValue at, string what)
    {
        if (context.QueueIds.Contains(queueId))
        {
            return new TransferToQueue(queueId);
        }

        context.Error(DiagnosticCodes.UnknownQueue, at.Where,
            $"{what} transfers to queue '{queueId}', which is not declared under 'queues'{Suggestions.DidYouMean(queueId, context.QueueIds)}");
        return new UnresolvedTarget(queueId, ActionKinds.Queue);
    }

    /// <summary>A callback to a declared queue with hours: its open times are the times a caller may choose.</summary>
    private MenuAction? Callback(string queueId, LocatedValue at, string what)
    {
        if (!context.QueueIds.Contains(queueId))
        {
            context.Error(DiagnosticCodes.UnknownQueue, at.Where,
                $"{what} books a callback to queue '{queueId}', which is not declared under 'queues'{Suggestions.DidYouMean(queueId, context.QueueIds)}");
            return new UnresolvedTarget(queueId, ActionKinds.Callback);
        }

        if (!context.QueuesWithHours.Contains(queueId))
        {
            context.Error(DiagnosticCodes.CallbackWithoutHours, at.Where,
                $"{what} books a callback to queue '{queueId}', which has no hours: the times a caller may choose are its open times; give the queue \"hours\"");
            return null;
        }

        return new RequestCallback(queueId);
    }

    private MenuAction? Do(string verb, LocatedValue at, string what)
    {
        switch (verb)
        {
            case "repeat":
                return RepeatNode.Instance;
            case "back":
                return GoBack.Instance;
            case "mainMenu":
                return GoToMainMenu.Instance;
            default:
                context.Error(DiagnosticCodes.BadAction, at.Where,
                    $"{what} has 'do': '{verb}', which is not one of repeat, back or mainMenu{Suggestions.DidYouMean(verb, DoValues)}");
                return null;
        }
    }
}
