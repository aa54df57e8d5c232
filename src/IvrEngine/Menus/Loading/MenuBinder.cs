using System.Collections.Immutable;
using IvrEngine.Locales;
using NodaTime;

namespace IvrEngine.Menus.Loading;

/// <summary>
/// Walks the located JSON tree of a whole menu and builds the immutable <see cref="Menu"/>,
/// reporting every problem it meets on the way. When a part is broken it carries on with a
/// stand-in, so later parts are still checked; any error means no menu is returned.
/// </summary>
internal sealed class MenuBinder
{
    private static readonly string[] TopLevelProperties =
        ["$schema", "name", "description", "timeZone", "locales", "start", "defaults", "budget", "messages", "queues", "nodes", "lint", "hours"];

    private static readonly string[] BudgetProperties = ["maxFailedInputs", "maxMenuSeconds", "then", "message"];
    private static readonly string[] MessageProperties =
        ["noInput", "invalid", "invalidNumber", "ambiguous", "transfer", "budgetExceeded", "queuePosition", "queueWait", "queueWaitUnknown", "queueOverflow", "closed", "closedUnknown",
         "callbackOffer", "callbackConfirm", "callbackBooked", "callbackNoNumber", "callbackGreeting",
         "callbackSlots", "callbackConfirmScheduled", "callbackBookedScheduled", "callbackUnavailable", "callbackAlreadyBooked",
         "callbackEnterNumber", "callbackNumberReadBack", "callbackNumberInvalid", "callbackNumberGiveUp", "callbackSlotsOnRequest", "callbackSlotsForNumber"];

    private readonly BindContext _context;
    private readonly TextBinder _texts;
    private readonly ActionBinder _actions;
    private readonly PolicyBinder _policies;
    private readonly NodeBinder _nodes;
    private readonly HoursBinder _hours;

    private MenuBinder(DiagnosticBag diagnostics)
    {
        _context = new BindContext(diagnostics);
        _texts = new TextBinder(_context);
        _actions = new ActionBinder(_context, _texts);
        _policies = new PolicyBinder(_context, _texts, _actions);
        _nodes = new NodeBinder(_context, _texts, _actions, _policies, new CollectBinder(_context, _actions), new OptionChecks(_context));
        _hours = new HoursBinder(_context, _texts, _actions);
    }

    public static Menu? Bind(LocatedValue root, string version, string sourcePath, DiagnosticBag diagnostics) =>
        new MenuBinder(diagnostics).Bind(root, version, sourcePath);

    private Menu? Bind(LocatedValue rootValue, string version, string sourcePath)
    {
        if (_context.AsObject(rootValue, "the menu") is not { } root)
        {
            return null;
        }

        _context.CheckProperties(root, "the menu", TopLevelProperties);
        _context.AsString(root["$schema"], "$schema");
        _context.AsString(root["description"], "the menu's description");
        LintBlockChecks.Check(_context, root["lint"], "the menu");
        ReadLocales(root);
        var nodesObject = _context.AsObject(_context.Require(root, "nodes", "the menu"), "nodes");
        var queuesObject = _context.AsObject(root["queues"], "queues");
        GatherNames(nodesObject, queuesObject);

        var name = ReadName(root);
        var timeZone = ReadTimeZone(root);
        var start = ReadStart(root);
        var messages = ReadMessages(root);
        var schedules = _hours.Read(root, timeZone);
        var queues = ReadQueueHours(new QueueBinder(_context, _texts, _actions).Read(queuesObject, messages), queuesObject, messages);

        var defaultsObject = _context.AsObject(root["defaults"], "defaults");
        if (defaultsObject is not null)
        {
            _context.CheckProperties(defaultsObject, "defaults", PolicyBinder.PolicyProperties);
        }

        var defaults = defaultsObject is null ? PolicyOverrides.None : _policies.Read(defaultsObject, "the defaults");
        var escapeOrigin = defaultsObject is null
            ? root.Where.WithPath(JsonPaths.Property(JsonPaths.Property(root.Path, "defaults"), "escape"))
            : defaults.Escape.Where ?? defaultsObject.Where.WithPath(JsonPaths.Property(defaultsObject.Path, "escape"));

        var problems = new InheritedProblems();
        var builtInEscape = (
            BuiltInPolicies.For(BuiltInPolicies.EscapePhrases, _context.Locales),
            BuiltInPolicies.For(BuiltInPolicies.Deflect, _context.Locales),
            BuiltInPolicies.For(BuiltInPolicies.Disabled, _context.Locales));
        var inherited = new NodeBinder.Inherited(defaults, messages, escapeOrigin, problems, builtInEscape);
        var nodes = ImmutableDictionary.CreateBuilder<string, MenuNode>(StringComparer.Ordinal);
        foreach (var property in nodesObject?.Properties ?? [])
        {
            if (_nodes.Bind(property, inherited) is { } node)
            {
                var hours = property.Value is LocatedObject nodeObject ? _hours.ReadNodeRule(nodeObject["hours"], $"node '{node.Id}'", messages) : null;
                nodes[node.Id] = hours is null ? node : node with { Hours = hours };
            }
        }

        var budget = ReadBudget(root, defaults, messages, problems.Has(DiagnosticCodes.MissingProperty, escapeOrigin.Path + ".to"));
        problems.Report(_context.Diagnostics);

        if (start is not null && nodesObject is not null)
        {
            ReportUnreachable(start, nodesObject, nodes, queues.Values.Select(q => q.Overflow).Append(budget.Target).Concat(ClosedTargets(nodes.Values, queues.Values)));
            ReportAnnouncementLoops(start, nodesObject, nodes);
            ReportRoutingLoops(start, nodesObject, queuesObject, nodes, queues);
        }

        if (_context.Diagnostics.HasErrors && (nodes.Count == 0 || _context.Locales.IsEmpty))
        {
            // Nothing a picture could show: no node loads, or no locale to label its arrows in.
            return null;
        }

        // With errors this is a sketch (MenuLoader hands it out for drawing only): what is missing stands in.
        return new Menu(name ?? SketchName, version, sourcePath, timeZone ?? DateTimeZone.Utc, _context.Locales, start ?? _writtenStart ?? string.Empty,
            nodes.ToImmutable(), queues, budget, messages) { Hours = schedules };
    }

    /// <summary>The name a sketch of a menu without a valid one is drawn under.</summary>
    private const string SketchName = "menu";

    /// <summary>The start node as written, even when no node has that id (a sketch's legend names it as missing).</summary>
    private string? _writtenStart;

    private ImmutableDictionary<string, QueueDefinition> ReadQueueHours(ImmutableDictionary<string, QueueDefinition> queues, LocatedObject? queuesObject, SystemMessages messages)
    {
        foreach (var property in queuesObject?.Properties ?? [])
        {
            if (property.Value is LocatedObject queue && queues.TryGetValue(property.Name, out var definition)
                && _hours.ReadQueueRule(queue, $"queue '{property.Name}'", messages) is { } rule)
            {
                queues = queues.SetItem(property.Name, definition with { Hours = rule });
            }
        }
        return queues;
    }

    /// <summary>Where callers go when a node or queue is closed: reachable from anywhere its hours apply.</summary>
    private static IEnumerable<MenuAction> ClosedTargets(IEnumerable<MenuNode> nodes, IEnumerable<QueueDefinition> queues) =>
        nodes.Select(n => n.Hours?.WhenClosed).Concat(queues.Select(q => q.Hours?.WhenClosed)).OfType<MenuAction>();

    private void ReadLocales(LocatedObject root)
    {
        if (_context.AsArray(_context.Require(root, "locales", "the menu"), "locales") is not { } array)
        {
            return;
        }

        var locales = ImmutableArray.CreateBuilder<string>();
        var valid = true;
        foreach (var item in array.Items)
        {
            if (_context.AsString(item, "a locale") is not { } locale)
            {
                valid = false;
            }
            else if (!NameRules.IsLocaleTag(locale))
            {
                _context.Error(DiagnosticCodes.Malformed, item.Where, $"locale '{locale}' is not a BCP 47 tag like 'en-US' or 'ru-RU'");
                valid = false;
            }
            else if (locales.Contains(locale, StringComparer.OrdinalIgnoreCase))
            {
                _context.Error(DiagnosticCodes.Duplicate, item.Where, $"locale '{locale}' is listed twice");
            }
            else
            {
                // The engine says times, waits and callback choices inside prompts: a language it has no grammar
                // for would hear another language's fragments there, so such a menu is refused, not half-spoken.
                if (LocaleGrammars.Find(locale) is null)
                {
                    _context.Error(DiagnosticCodes.NoGrammar, item.Where,
                        $"locale '{locale}' has no grammar in this engine for the times, waits and choices it says inside prompts; it speaks {LocaleGrammars.Languages}");
                }
                locales.Add(locale);
            }
        }

        if (array.Items.Count == 0)
        {
            _context.Error(DiagnosticCodes.MissingProperty, array.Where, "'locales' must list at least one locale");
            valid = false;
        }

        _context.Locales = locales.ToImmutable();
        _context.LocalesKnown = valid;
    }

    /// <summary>Node, queue and variable names first, so every reference can be checked as it is read.</summary>
    private void GatherNames(LocatedObject? nodesObject, LocatedObject? queuesObject)
    {
        var nodeIds = new HashSet<string>(StringComparer.Ordinal);
        var variables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in nodesObject?.Properties ?? [])
        {
            nodeIds.Add(property.Name);
            if (!NameRules.IsId(property.Name))
            {
                _context.Error(DiagnosticCodes.Malformed, property.NameWhere,
                    $"node id '{property.Name}' may hold only letters, digits, '-' and '_'");
            }

            if (property.Value is LocatedObject { } node && node["collect"] is LocatedObject collect && collect["into"] is LocatedString into
                && NameRules.IsVariable(into.Value) && !NameRules.ReservedVariables.Contains(into.Value))
            {
                variables.Add(into.Value);
            }
        }

        var queueIds = new HashSet<string>(StringComparer.Ordinal);
        var withHours = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in queuesObject?.Properties ?? [])
        {
            queueIds.Add(property.Name);
            if (property.Value is LocatedObject { } queue && queue["hours"] is not null) withHours.Add(property.Name);
            if (!NameRules.IsId(property.Name))
            {
                _context.Error(DiagnosticCodes.Malformed, property.NameWhere,
                    $"queue id '{property.Name}' may hold only letters, digits, '-' and '_'");
            }
        }

        _context.NodeIds = nodeIds;
        _context.QueueIds = queueIds;
        _context.QueuesWithHours = withHours;
        _context.Variables = variables;
    }

    private string? ReadName(LocatedObject root)
    {
        var value = _context.Require(root, "name", "the menu");
        var name = _context.AsString(value, "the menu's name");
        if (name is not null && !NameRules.IsMenuName(name))
        {
            _context.Error(DiagnosticCodes.Malformed, value!.Where, $"menu name '{name}' may hold only lower-case letters, digits and '-'");
            return null;
        }

        return name;
    }

    private DateTimeZone? ReadTimeZone(LocatedObject root)
    {
        var value = _context.Require(root, "timeZone", "the menu");
        if (_context.AsString(value, "timeZone") is not { } zoneId)
        {
            return null;
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is { } zone)
        {
            return zone;
        }

        _context.Error(DiagnosticCodes.UnknownTimeZone, value!.Where,
            $"time zone '{zoneId}' is not an IANA zone like 'America/New_York'{Suggestions.DidYouMean(zoneId, DateTimeZoneProviders.Tzdb.Ids)}");
        return null;
    }

    private string? ReadStart(LocatedObject root)
    {
        var value = _context.Require(root, "start", "the menu");
        if (_context.AsString(value, "start") is not { } start)
        {
            return null;
        }

        _writtenStart = start;

        if (_context.NodeIds.Contains(start))
        {
            return start;
        }

        _context.Error(DiagnosticCodes.UnknownStart, value!.Where,
            $"start node '{start}' does not exist{Suggestions.DidYouMean(start, _context.NodeIds)}");
        return null;
    }

    private SystemMessages ReadMessages(LocatedObject root)
    {
        var messages = _context.AsObject(root["messages"], "messages");
        if (messages is not null)
        {
            _context.CheckProperties(messages, "messages", MessageProperties);
        }

        var builtIn = SystemMessages.Default;
        var read = new SystemMessages(
            Message("noInput", builtIn.NoInput),
            Message("invalid", builtIn.Invalid),
            Message("invalidNumber", builtIn.InvalidNumber),
            Message("ambiguous", builtIn.Ambiguous),
            Message("transfer", builtIn.Transfer),
            Message("budgetExceeded", builtIn.BudgetExceeded),
            Message("queuePosition", builtIn.QueuePosition),
            Message("queueWait", builtIn.QueueWait),
            Message("queueWaitUnknown", builtIn.QueueWaitUnknown),
            Message("queueOverflow", builtIn.QueueOverflow));

        // The closed messages are needed (and checked for the menu's locales) only in menus with hours.
        if (root["hours"] is not null)
        {
            read = read with { Closed = Message("closed", builtIn.Closed), ClosedUnknown = Message("closedUnknown", builtIn.ClosedUnknown) };
        }

        // Likewise the callback messages, only in menus whose queues offer callbacks or whose options book them.
        if (QueuesOfferCallbacks(root) || OptionsBookCallbacks(root))
        {
            read = read with
            {
                CallbackOffer = Message("callbackOffer", builtIn.CallbackOffer),
                CallbackConfirm = Message("callbackConfirm", builtIn.CallbackConfirm),
                CallbackBooked = Message("callbackBooked", builtIn.CallbackBooked),
                CallbackNoNumber = Message("callbackNoNumber", builtIn.CallbackNoNumber),
                CallbackGreeting = Message("callbackGreeting", builtIn.CallbackGreeting),
                CallbackSlots = Message("callbackSlots", builtIn.CallbackSlots),
                CallbackConfirmScheduled = Message("callbackConfirmScheduled", builtIn.CallbackConfirmScheduled),
                CallbackBookedScheduled = Message("callbackBookedScheduled", builtIn.CallbackBookedScheduled),
                CallbackUnavailable = Message("callbackUnavailable", builtIn.CallbackUnavailable),
                CallbackAlreadyBooked = Message("callbackAlreadyBooked", builtIn.CallbackAlreadyBooked),
                CallbackEnterNumber = Message("callbackEnterNumber", builtIn.CallbackEnterNumber),
                CallbackNumberReadBack = Message("callbackNumberReadBack", builtIn.CallbackNumberReadBack),
                CallbackNumberInvalid = Message("callbackNumberInvalid", builtIn.CallbackNumberInvalid),
                CallbackNumberGiveUp = Message("callbackNumberGiveUp", builtIn.CallbackNumberGiveUp),
                CallbackSlotsOnRequest = Message("callbackSlotsOnRequest", builtIn.CallbackSlotsOnRequest),
                CallbackSlotsForNumber = Message("callbackSlotsForNumber", builtIn.CallbackSlotsForNumber),
            };
        }

        return read;

        static bool QueuesOfferCallbacks(LocatedObject root) =>
            root["queues"] is LocatedObject queues && queues.Properties.Any(q => q.Value is LocatedObject queue && queue["callback"] is not null);

        static bool OptionsBookCallbacks(LocatedObject root) =>
            root["nodes"] is LocatedObject nodes && nodes.Properties.Any(n => n.Value is LocatedObject node && node["options"] is LocatedArray options
                && options.Items.Any(o => o is LocatedObject option && option["callback"] is not null));

        LocalizedText Message(string name, LocalizedText fallback)
        {
            if (_texts.ReadText(messages?[name], $"messages.{name}", PlaceholderScope.SystemMessage) is { } text)
            {
                return text;
            }

            if (_context.LocalesKnown && messages?[name] is null && !BuiltInPolicies.Covers(fallback, _context.Locales))
            {
                var at = messages?.Where ?? root.Where;
                var missing = string.Join(", ", _context.Locales.Where(l => !fallback.Has(l)).Select(l => $"'{l}'"));
                _context.Error(DiagnosticCodes.MissingLocale, at.WithPath(JsonPaths.Property(JsonPaths.Property(JsonPaths.Root, "messages"), name)),
                    $"messages.{name} must be written for this menu: there is no built-in wording for {missing}");
            }

            return BuiltInPolicies.For(fallback, _context.Locales);
        }
    }

    /// <param name="escapeGapReported">The defaults' missing escape.to is already reported; saying budget.then is missing too would be the same problem twice.</param>
    private CallBudget ReadBudget(LocatedObject root, PolicyOverrides defaults, SystemMessages messages, bool escapeGapReported)
    {
        var budget = _context.AsObject(root["budget"], "budget");
        if (budget is not null)
        {
            _context.CheckProperties(budget, "budget", BudgetProperties);
        }

        var maxFailed = _context.AsInteger(budget?["maxFailedInputs"], "budget.maxFailedInputs", 1, 1000) ?? BuiltInPolicies.MaxFailedInputs;
        var maxSeconds = _context.AsSeconds(budget?["maxMenuSeconds"], "budget.maxMenuSeconds") ?? BuiltInPolicies.MaxMenuSeconds;
        var then = _actions.ReadActionObject(budget?["then"], "budget.then", ActionKinds.HandOn);
        var message = _texts.ReadText(budget?["message"], "budget.message", PlaceholderScope.Node) ?? messages.BudgetExceeded;

        var target = then ?? defaults.Escape.To;
        if (target is null && budget?["then"] is null && !escapeGapReported)
        {
            var at = (budget ?? root).Where.WithPath(JsonPaths.Property(JsonPaths.Property(JsonPaths.Root, "budget"), "then"));
            _context.Error(DiagnosticCodes.MissingProperty, at,
                "budget.then is needed (where a caller goes when the call's budget runs out): defaults.escape has no 'to' to fall back on");
        }

        return new CallBudget(maxFailed, Duration.FromSeconds(maxSeconds), target ?? GoToMainMenu.Instance, message);
    }

    private void ReportAnnouncementLoops(string start, LocatedObject nodesObject, ImmutableDictionary<string, MenuNode>.Builder nodes)
    {
        var byName = new Dictionary<string, LocatedProperty>(StringComparer.Ordinal);
        foreach (var property in nodesObject.Properties) byName.TryAdd(property.Name, property);
        foreach (var loop in AnnouncementLoops.Find(start, nodes, nodesObject.Properties.Select(p => p.Name)))
        {
            _context.Error(DiagnosticCodes.AnnouncementLoop, byName[loop[0]].NameWhere,
                $"announcements {NameList.Path([.. loop, loop[0]])} loop without ever waiting for the caller; give one of them options, or point its next elsewhere");
        }
    }

    private void ReportRoutingLoops(string start, LocatedObject nodesObject, LocatedObject? queuesObject, ImmutableDictionary<string, MenuNode>.Builder nodes, ImmutableDictionary<string, QueueDefinition> queues)
    {
        var loops = new RoutingLoops(start, nodes, queues);
        var order = (queuesObject?.Properties ?? []).Where(p => queues.ContainsKey(p.Name)).Select(p => new RoutingPlace(true, p.Name))
            .Concat(nodesObject.Properties.Where(p => nodes.ContainsKey(p.Name)).Select(p => new RoutingPlace(false, p.Name)));
        foreach (var loop in loops.Certain(order))
        {
            var first = loop[0];
            var schedule = loops.HoursOf(first)!.ScheduleId;
            var owner = first.IsQueue ? queuesObject![first.Id] : (nodesObject[first.Id] as LocatedObject)?["hours"];
            var at = (owner as LocatedObject)?["whenClosed"]?.Where ?? nodesObject.Where;
            _context.Error(DiagnosticCodes.RoutingLoop, at,
                $"while schedule '{schedule}' is closed, whenClosed sends callers round without waiting: {NameList.Steps([.. loop.Append(first).Select(p => p.ToString())])}, "
                + $"all closed by '{schedule}', so they are turned away again at once, for ever; point one whenClosed elsewhere (a hangup, or a place with other hours)");
        }
    }

    private void ReportUnreachable(string start, LocatedObject nodesObject, ImmutableDictionary<string, MenuNode>.Builder nodes, IEnumerable<MenuAction> callWideTargets)
    {
        var reached = Reachability.From(start, nodes, callWideTargets);
        foreach (var property in nodesObject.Properties)
        {
            if (nodes.ContainsKey(property.Name) && !reached.Contains(property.Name))
            {
                _context.Diagnostics.Warning(DiagnosticCodes.Unreachable, property.NameWhere,
                    $"node '{property.Name}' cannot be reached from the start node '{start}'");
            }
        }
    }
}
