using System.Collections.Immutable;
using System.Globalization;
using IvrEngine.Hours;
using IvrEngine.Menus;
using IvrEngine.Menus.Loading;
using IvrEngine.Queues.Staffing;
using NodaTime;

namespace IvrEngine.Simulation;

/// <summary>Binds a scenario file's located tree against its (already loaded) menu, reporting every problem with its place.</summary>
internal sealed class ScenarioBinder(BindContext context, Menu menu)
{
    private static readonly string[] RootProperties = ["$schema", "description", "menu", "weekOf", "intervalMinutes", "arrivals", "callers", "queues"];
    private static readonly string[] CallerProperties = ["escapeAtOnce", "thinkSeconds", "choices", "entries", "patience", "acceptCallback", "answerCallback", "locales"];
    private static readonly string[] QueueProperties = ["handleTime", "wrapUpSeconds", "answerSeconds", "agents"];
    private static readonly string[] RowProperties = ["days", "from", "to"];

    // Until a file says otherwise: a four-minute call, log-normal as handle times usually are.
    private static readonly HandleTime DefaultHandleTime = new(HandleTimeDistribution.LogNormal, Duration.FromMinutes(4), Duration.FromMinutes(2));
    private static readonly HandleTime DefaultPatience = new(HandleTimeDistribution.Exponential, Duration.FromMinutes(3), Duration.Zero);

    /// <summary>The smallest positive rate or weight: one call in about six weeks at 0.001 an hour.</summary>
    private const double SmallestRate = 0.001;

    /// <summary>
    /// Agents a queue's row may log in: 10,000 answer about 150,000 calls an hour, beyond any one
    /// queue's load. Each simulated agent is kept ready with its own state, so the 100,000 once
    /// allowed per queue passed 5 GB on an eight-queue line.
    /// </summary>
    private const int MaxAgentsPerQueue = 10_000;

    private readonly QuantityReader _read = new(context);

    public Scenario? Bind(LocatedObject file, string sourcePath)
    {
        context.CheckProperties(file, "the scenario", RootProperties);
        var description = context.AsString(file["description"], "description");
        var weekOf = ReadWeekOf(context.Require(file, "weekOf", "the scenario"));
        var intervalMinutes = ReadIntervalMinutes(file["intervalMinutes"]);
        var grid = new WeekGrid(intervalMinutes ?? 30);
        var arrivals = ReadRows(context.Require(file, "arrivals", "the scenario"), "arrivals", "callsPerHour", grid, max: 1_000_000, whole: false);
        var callers = ReadCallers(file["callers"]);
        var queues = ReadQueues(file["queues"], grid);
        if (weekOf is null || intervalMinutes is null && file["intervalMinutes"] is not null || arrivals is null || callers is null || queues is null) return null;
        return new Scenario(sourcePath, description, menu, weekOf.Value, grid, arrivals, callers, queues);
    }

    private LocalDate? ReadWeekOf(LocatedValue? value)
    {
        if (context.AsString(value, "weekOf") is not { } text) return null;
        if (HoursSyntax.ParseDate(text) is not { } date)
        {
            context.Error(DiagnosticCodes.Malformed, value!.Where, $"weekOf is '{text}'; it must be a date such as 2026-11-30");
            return null;
        }
        // The simulation runs up to 520 weeks from here and the clock ends with year 9999: the start's range is the calls'.
        if (!Time.StartTimeParser.InRange(date))
        {
            context.Error(DiagnosticCodes.OutOfRange, value!.Where, $"weekOf is {text}; it must be from 1900-01-01 to 8999-12-31");
            return null;
        }
        if (date.DayOfWeek != IsoDayOfWeek.Monday)
        {
            context.Error(DiagnosticCodes.OutOfRange, value!.Where,
                $"weekOf is {text}, a {date.DayOfWeek}; simulated weeks start on a Monday (the Monday of that week is {date.Previous(IsoDayOfWeek.Monday):yyyy-MM-dd})");
            return null;
        }
        return date;
    }

    private int? ReadIntervalMinutes(LocatedValue? value)
    {
        if (value is null) return 30;
        if (context.AsInteger(value, "intervalMinutes", 1, 1440) is not { } minutes) return null;
        if (WeekGrid.AllowedIntervalMinutes.Contains(minutes)) return minutes;
        context.Error(DiagnosticCodes.OutOfRange, value.Where, $"intervalMinutes is {minutes}; it must be 15, 30 or 60");
        return null;
    }

    /// <summary>
    /// Rows of <c>{ "days", "from", "to", VALUE }</c> over the week; later rows override earlier ones
    /// where they overlap, and intervals no row covers are 0.
    /// </summary>
    /// <param name="owner">Whose rows they are (<c>queue 'general'</c>), or null for the scenario's own.</param>
    private WeeklyValues? ReadRows(LocatedValue? value, string what, string valueName, WeekGrid grid, double max, bool whole, string? owner = null)
    {
        if (context.AsArray(value, owner is null ? what : $"{what} of {owner}") is not { } rows) return null;
        var values = new double[grid.IntervalsPerWeek];
        var ok = true;
        for (var i = 0; i < rows.Items.Count; i++)
        {
            var where = owner is null ? $"{what}[{i}]" : $"{what}[{i}] of {owner}";
            if (context.AsObject(rows.Items[i], where) is not { } row)
            {
                ok = false;
                continue;
            }

            context.CheckProperties(row, where, [.. RowProperties, valueName]);
            var days = ReadDays(context.Require(row, "days", where), where);
            var range = ReadRange(row, where, grid);
            // "agents of agents[0] of queue 'x'" would stutter: the count is named by its place instead.
            var amount = ReadAmount(context.Require(row, valueName, where), valueName == what ? $"the count in {where}" : $"{valueName} of {where}", max, whole);
            if (days is null || range is null || amount is null)
            {
                ok = false;
                continue;
            }

            foreach (var interval in grid.Cover(days, range)!) values[interval] = amount.Value;
        }
        return ok ? new WeeklyValues(grid, values) : null;
    }

    private ImmutableArray<IsoDayOfWeek>? ReadDays(LocatedValue? value, string where)
    {
        if (context.AsString(value, $"days of {where}") is not { } text) return null;
        if (HoursSyntax.ParseDays(text, out var error) is { } days) return days;
        context.Error(DiagnosticCodes.Malformed, value!.Where, $"days of {where}: {error}");
        return null;
    }

    private TimeRange? ReadRange(LocatedObject row, string where, WeekGrid grid)
    {
        var fromValue = context.Require(row, "from", where);
        var toValue = context.Require(row, "to", where);
        var from = context.AsString(fromValue, $"from of {where}");
        var to = context.AsString(toValue, $"to of {where}");
        if (from is null || to is null) return null;
        // Each end is read on its own first, so a problem is reported where it is.
        if (!IsClock(from))
        {
            context.Error(DiagnosticCodes.Malformed, fromValue!.Where, $"from of {where} is '{from}'; it must be a time such as 08:00");
            return null;
        }
        if (!IsClock(to))
        {
            context.Error(DiagnosticCodes.Malformed, toValue!.Where, $"to of {where} is '{to}'; it must be a time such as 20:00 (or 24:00)");
            return null;
        }
        if (HoursSyntax.ParseRange($"{from}-{to}", out var error) is not { } range)
        {
            context.Error(DiagnosticCodes.Malformed, toValue!.Where, $"from {from} to {to} of {where} is not a time range: {error}");
            return null;
        }
        if (range.StartMinute % grid.IntervalMinutes != 0)
        {
            context.Error(DiagnosticCodes.OutOfRange, fromValue!.Where, $"from {from} of {where} does not fall on the scenario's {grid.IntervalMinutes}-minute intervals");
            return null;
        }
        if (range.EndMinute % grid.IntervalMinutes != 0)
        {
            context.Error(DiagnosticCodes.OutOfRange, toValue!.Where, $"to {to} of {where} does not fall on the scenario's {grid.IntervalMinutes}-minute intervals");
            return null;
        }
        return range;
    }

    /// <summary><c>H:MM</c> or <c>HH:MM</c> from 00:00 to 24:00, as schedules write times.</summary>
    private static bool IsClock(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon is 1 or 2 && text.Length == colon + 3
            && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes < 60 && (hours < 24 || hours == 24 && minutes == 0);
    }

    private double? ReadAmount(LocatedValue? value, string what, double max, bool whole)
    {
        if (value is null) return null;
        if (whole) return context.AsInteger(value, what, 0, (int)max);
        if (value is not LocatedNumber { IsFinite: true } number)
        {
            context.WrongType(value, "a number", what);
            return null;
        }
        if (number.Value < 0 || number.Value > max)
        {
            context.Error(DiagnosticCodes.OutOfRange, value.Where, string.Create(CultureInfo.InvariantCulture, $"{what} is {number.Value}; it must be from 0 to {max:N0}"));
            return null;
        }
        // A rate of 1e-300 calls an hour puts the next call past the end of time: it overflowed mid-run.
        if (number.Value > 0 && number.Value < SmallestRate)
        {
            context.Error(DiagnosticCodes.OutOfRange, value.Where, string.Create(CultureInfo.InvariantCulture, $"{what} is {number.Value}; it must be 0 or from {SmallestRate} to {max:N0}"));
            return null;
        }
        return number.Value;
    }

    private CallerBehaviour? ReadCallers(LocatedValue? value)
    {
        var obj = context.AsObject(value, "callers");
        if (obj is not null) context.CheckProperties(obj, "callers", CallerProperties);
        var errorsBefore = context.Diagnostics.ErrorCount;
        var think = obj?["thinkSeconds"] is { } thinkValue ? _read.Seconds(thinkValue, "thinkSeconds of callers", allowZero: true, max: 600) : Duration.FromSeconds(3);
        if (think is { } pause) WarnIfTooSlow(pause, obj?["thinkSeconds"] ?? value);
        var patience = obj?["patience"] is { } patienceValue ? _read.Distribution(patienceValue, "patience", "callers", DefaultPatience) : null;
        var spoken = ImmutableDictionary.CreateBuilder<(string Node, string Action), LocalizedPhrases>();
        var behaviour = new CallerBehaviour(
            _read.Probability(obj?["escapeAtOnce"], "escapeAtOnce of callers") ?? 0,
            think ?? Duration.Zero,
            ReadChoices(obj?["choices"], spoken),
            ReadEntries(obj?["entries"]),
            patience,
            _read.Probability(obj?["acceptCallback"], "acceptCallback of callers") ?? 0,
            _read.Probability(obj?["answerCallback"], "answerCallback of callers") ?? 1,
            ReadLocales(obj?["locales"])) { Spoken = spoken.ToImmutable() };
        return context.Diagnostics.ErrorCount == errorsBefore ? behaviour : null;
    }

    /// <summary>Callers who think longer than a node listens hear its no-input reprompt instead of acting: almost surely a slip.</summary>
    private void WarnIfTooSlow(Duration think, LocatedValue? where)
    {
        var quickest = menu.Nodes.Values
            .Where(n => n.Kind != NodeKind.Announcement)
            .OrderBy(n => n.NoInput.Timeout).ThenBy(n => n.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (quickest is null || think < quickest.NoInput.Timeout) return;
        context.Diagnostics.Warning(DiagnosticCodes.OutOfRange, where?.Where ?? new SourcePoint(1, 1, JsonPaths.Root),
            string.Create(CultureInfo.InvariantCulture,
                $"thinkSeconds of callers is {think.TotalSeconds:0.#}, not shorter than the {quickest.NoInput.Timeout.TotalSeconds:0.#}-second no-input timeout of node '{quickest.Id}': callers there time out before they act"));
    }

    /// <param name="spoken">Gets, for each spoken choice, the phrases of the option it names.</param>
    private ImmutableDictionary<string, ChoiceTable> ReadChoices(LocatedValue? value, ImmutableDictionary<(string Node, string Action), LocalizedPhrases>.Builder spoken)
    {
        var tables = ImmutableDictionary.CreateBuilder<string, ChoiceTable>(StringComparer.Ordinal);
        if (context.AsObject(value, "choices of callers") is not { } obj) return tables.ToImmutable();
        foreach (var node in obj.Properties)
        {
            if (FindNode(node, "choices of callers", NodeKind.Menu) is not { } menuNode) continue;
            if (context.AsObject(node.Value, $"choices at node '{node.Name}'") is not { } weights) continue;
            var rows = new List<(string, double)>();
            var unknown = false;
            foreach (var weight in weights.Properties)
            {
                var what = $"the weight of '{weight.Name}' at node '{node.Name}'";
                if (SpokenChoice.IsSpoken(weight.Name, out var phrase))
                {
                    if (SpokenChoice.PhrasesNaming(menuNode, phrase) is { } named)
                    {
                        spoken[(node.Name, weight.Name)] = named;
                    }
                    else
                    {
                        var phrases = SpokenChoice.PhrasesAt(menuNode, menu.DefaultLocale).ToList();
                        context.Error(DiagnosticCodes.BadKey, weight.NameWhere, phrases.Count == 0
                            ? $"node '{node.Name}' has no phrases to say; choices there are its keys, silence or hangup"
                            : $"node '{node.Name}' has no option or escape phrase '{phrase}'; spoken choices are say: with one of its phrases ({string.Join(", ", phrases)}){Suggestions.DidYouMean(phrase, phrases)}");
                        unknown = true;
                        continue;
                    }
                }
                else if (!IsAction(menuNode, weight.Name))
                {
                    var keys = menuNode.Options.Where(o => o.Key is not null).Select(o => o.Key!).Concat(menuNode.Escape.Keys).Append(CallerBehaviour.Silence).Append(CallerBehaviour.HangUp);
                    context.Error(DiagnosticCodes.BadKey, weight.NameWhere,
                        $"node '{node.Name}' has no option or escape key '{weight.Name}'; choices are its keys ({string.Join(", ", keys.Distinct())}) or say: with one of its phrases{Suggestions.DidYouMean(weight.Name, keys.ToList())}");
                    unknown = true;
                    continue;
                }
                if (ReadAmount(weight.Value, what, 1_000_000, whole: false) is { } share) rows.Add((weight.Name, share));
            }
            if (rows.Any(r => r.Item2 > 0)) tables[node.Name] = new ChoiceTable(rows);
            else if (!unknown) context.Error(DiagnosticCodes.OutOfRange, node.NameWhere, $"choices at node '{node.Name}' need at least one weight above 0");
        }
        return tables.ToImmutable();
    }

    private static bool IsAction(MenuNode node, string action) =>
        action is CallerBehaviour.Silence or CallerBehaviour.HangUp
        || node.Options.Any(o => o.Key == action)
        || node.Escape.Mode != EscapeMode.Disabled && node.Escape.Keys.Contains(action);

    private ImmutableDictionary<string, string> ReadEntries(LocatedValue? value)
    {
        var entries = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (context.AsObject(value, "entries of callers") is not { } obj) return entries.ToImmutable();
        foreach (var node in obj.Properties)
        {
            if (FindNode(node, "entries of callers", NodeKind.CollectDigits) is not { } collector) continue;
            if (context.AsString(node.Value, $"the entry at node '{node.Name}'") is not { } digits) continue;
            var collect = collector.Collect!;
            if (digits.Length < collect.MinLength || digits.Length > collect.MaxLength || !digits.All(char.IsAsciiDigit)
                || collect.Pattern is { } pattern && !pattern.IsMatch(digits))
            {
                context.Error(DiagnosticCodes.OutOfRange, node.Value.Where,
                    $"the entry at node '{node.Name}' is '{digits}'; the node takes {(collect.MinLength == collect.MaxLength ? $"{collect.MinLength}" : $"{collect.MinLength}–{collect.MaxLength}")} digits{(collect.Pattern is null ? "" : $" matching {collect.Pattern}")}");
                continue;
            }
            entries[node.Name] = digits;
        }
        return entries.ToImmutable();
    }

    private MenuNode? FindNode(LocatedProperty property, string what, NodeKind kind)
    {
        if (!menu.Nodes.TryGetValue(property.Name, out var node))
        {
            context.Error(DiagnosticCodes.UnknownNode, property.NameWhere,
                $"{what} names node '{property.Name}', which menu '{menu.Name}' does not have{Suggestions.DidYouMean(property.Name, menu.Nodes.Keys.ToList())}");
            return null;
        }
        if (node.Kind == kind) return node;
        context.Error(DiagnosticCodes.BadNodeShape, property.NameWhere,
            $"{what} names node '{property.Name}', which is {Describe(node.Kind)}, not {Describe(kind)}");
        return null;
    }

    private static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Menu => "a menu with options",
        NodeKind.CollectDigits => "a digit collector",
        _ => "an announcement",
    };

    private ImmutableArray<(string, double)> ReadLocales(LocatedValue? value)
    {
        if (context.AsObject(value, "locales of callers") is not { } obj) return [];
        var shares = ImmutableArray.CreateBuilder<(string, double)>();
        foreach (var property in obj.Properties)
        {
            if (menu.ResolveLocale(property.Name) is not { } locale)
            {
                context.Error(DiagnosticCodes.UndeclaredLocale, property.NameWhere,
                    $"locales of callers names '{property.Name}'; menu '{menu.Name}' has {string.Join(", ", menu.Locales)}");
                continue;
            }
            if (ReadAmount(property.Value, $"the share of locale '{property.Name}'", 1_000_000, whole: false) is { } share) shares.Add((locale, share));
        }
        return shares.ToImmutable();
    }

    private ImmutableDictionary<string, QueueStaffing>? ReadQueues(LocatedValue? value, WeekGrid grid)
    {
        var queues = ImmutableDictionary.CreateBuilder<string, QueueStaffing>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        if (context.AsObject(value, "queues") is { } obj)
        {
            foreach (var property in obj.Properties)
            {
                if (!menu.Queues.ContainsKey(property.Name))
                {
                    context.Error(DiagnosticCodes.UnknownQueue, property.NameWhere,
                        $"queues names queue '{property.Name}', which menu '{menu.Name}' does not declare{Suggestions.DidYouMean(property.Name, menu.Queues.Keys.ToList())}");
                    ok = false;
                    continue;
                }
                listed.Add(property.Name);
                if (ReadQueue(property, grid) is { } queue) queues[property.Name] = queue;
                else ok = false;
            }
        }
        else if (value is not null)
        {
            return null;
        }

        // A queue left out has nobody to answer it; say so, since callers sent there can only give up.
        // (One listed with a mistake has its error already: it is not also "left out".)
        foreach (var id in menu.Queues.Keys.Where(id => !listed.Contains(id)).Order(StringComparer.Ordinal))
        {
            context.Diagnostics.Warning(DiagnosticCodes.MissingProperty, (value ?? (LocatedValue?)null)?.Where ?? new SourcePoint(1, 1, JsonPaths.Root),
                $"queue '{id}' of menu '{menu.Name}' has no staffing in the scenario: callers sent there find no agents");
            queues[id] = new QueueStaffing(id, new WeeklyValues(grid, new double[grid.IntervalsPerWeek]), DefaultHandleTime, Duration.Zero, Duration.Zero);
        }
        return ok ? queues.ToImmutable() : null;
    }

    private QueueStaffing? ReadQueue(LocatedProperty property, WeekGrid grid)
    {
        var what = $"queue '{property.Name}'";
        if (context.AsObject(property.Value, what) is not { } obj) return null;
        context.CheckProperties(obj, what, QueueProperties);
        var errorsBefore = context.Diagnostics.ErrorCount;
        var handleTime = _read.Distribution(context.Require(obj, "handleTime", what), "handleTime", what, DefaultHandleTime);
        var wrapUp = _read.Seconds(obj["wrapUpSeconds"], $"wrapUpSeconds of {what}", allowZero: true) ?? Duration.Zero;
        var answer = _read.Seconds(obj["answerSeconds"], $"answerSeconds of {what}", allowZero: true, max: 300) ?? Duration.Zero;
        var agents = ReadRows(context.Require(obj, "agents", what), "agents", "agents", grid, max: MaxAgentsPerQueue, whole: true, owner: what);
        return agents is null || context.Diagnostics.ErrorCount != errorsBefore ? null : new QueueStaffing(property.Name, agents, handleTime, wrapUp, answer);
    }
}
