using System.Globalization;
using System.Text;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// Menus and scenarios made at random from a seed, for the differential test: options by key and
/// phrase, announcements, digit collectors (entries that fill them or end at a terminator or a pause,
/// default entries a pattern refuses), self-service hang-ups, repeat, back and main-menu actions (main menu also after
/// retries; budgets with and without a target), escapes in every mode, budgets by failures and by time, queues of every strategy and priority, staffing that changes mid-week (agents logging out
/// mid-call), zones with daylight saving, weeks that cross a change, queues and nodes open by business
/// hours (holidays, overrides, ranges past midnight and in a daylight-saving change, every kind of
/// whenClosed), virtual-hold callbacks (offer thresholds, announcements with and without position and
/// wait, callers who take and answer callbacks at any rate), scheduled callbacks (closed queues that
/// offer their next times, with expiries from an hour to two days, and options that book times in a
/// queue open or closed), queue limits that send callers to the
/// overflow (a maximum length small enough to fill, a maximum wait short enough to reach, no agents
/// logged in, the last agent logging out) with every kind of overflow (none, a hang-up, a node,
/// another queue, so overflows chain and may loop), agents who answer after a delay (1 to 5.5 s, so
/// callers hang up, book callbacks, are sent on and agents log out while phones ring), choices of
/// silence and hang-up, every patience distribution. About one in four also uses one
/// feature the kernel does not model, named by <see cref="Generated.Refused"/>.
/// </summary>
internal static class ScenarioGenerator
{
    private static readonly string[] Zones = ["America/New_York", "Europe/Berlin", "America/Phoenix", "Australia/Sydney"];
    private static readonly string[] Weeks = ["2026-03-02", "2026-03-23", "2026-10-19", "2026-11-30"];
    private static readonly string[] Strategies = ["longest-idle", "round-robin", "fewest-calls", "random", "linear", "ring-all"];
    private static readonly string[] Modes = ["immediate", "confirm", "disabled"];
    private static readonly string[] Distributions = ["exponential", "lognormal", "fixed"];
    private static readonly string[] Schedules = ["office", "late"];

    // Two schedules over the generated weeks: office hours with a split Saturday, holidays and dated
    // overrides; late hours past midnight, with a range in the spring-forward gap and the repeated fall-back hour.
    private const string HoursText = """
          "hours": {
            "office": {
              "weekly": { "mon-fri": "09:00-17:00", "sat": ["10:00-12:00", "13:00-15:30"] },
              "closed": { "Founders": "first wednesday of march", "Fixed": "2026-10-21" },
              "overrides": { "2026-12-01": "10:00-11:00", "2026-03-25": "closed", "2026-03-26": "06:00-23:00" }
            },
            "late": { "weekly": { "mon-sat": "20:00-03:30", "daily": "01:30-02:30" }, "overrides": { "2026-10-22": "closed", "2026-12-02": "08:00-12:00" } }
          },

        """;

    /// <summary>One generated case: the two files' text, and the refused feature's reason (a prefix of it), or null when the kernel should run it.</summary>
    public sealed record Generated(string Menu, string Scenario, string? Refused);

    public static Generated Make(int seed)
    {
        var random = new Random(seed);
        // The queue limits draw from their own stream, so the rest of each generated line is as it was before they were modelled.
        var limits = new Random(unchecked((seed * 7919) + 17));
        // So do scheduled callbacks: a closed queue's times, and options that book them.
        var callbacks = new Random(unchecked((seed * 15_485_863) + 7));
        // So do the agents' answer delays: on about half the lines, on about two staffed queues in three, 1 to 5.5 seconds.
        var delays = new Random(unchecked((seed * 104_729) + 31));
        var delayed = delays.Next(2) == 0;
        var dipsAt = new Random(unchecked((seed * 7_727) + 5));
        var queues = Enumerable.Range(0, random.Next(1, 4)).Select(i => $"q{i}").ToArray();
        var nodes = Enumerable.Range(0, random.Next(2, 7)).Select(i => $"n{i}").ToArray();
        var announcement = nodes.Length > 2 && random.Next(3) == 0 ? nodes[^1] : null;
        // A third of the lines collect digits at their last node, which the start node's first option leads to.
        var collector = nodes.Length > 1 && announcement is null && random.Next(3) == 0 ? nodes[^1] : null;
        var noInputSeconds = random.Next(4, 9);
        var think = random.Next(1, 4);
        var refusal = random.Next(4) == 0 ? random.Next(9) : -1;
        string? refused = null;
        // Half the lines open some queues and nodes by schedules; whenClosed leads only to places always open, so no loop of closed places is certain.
        var scheduled = random.Next(2) == 0;
        var queueHours = queues.Select(_ => scheduled && random.Next(2) == 0 ? Schedules[random.Next(Schedules.Length)] : null).ToArray();
        var nodeHours = nodes.Select(_ => scheduled && random.Next(3) == 0 ? Schedules[random.Next(Schedules.Length)] : null).ToArray();
        var openQueues = queues.Where((_, i) => queueHours[i] is null).ToArray();
        // Half the queues open by a schedule offer their next times when closed; options may book times in any of them.
        var closedOffers = queueHours.Select(h => h is not null && callbacks.Next(2) == 0).ToArray();
        var bookable = queues.Where((_, i) => queueHours[i] is not null).ToArray();
        // Not the collector either: its callers type the same entry every time, so a closed queue sending them back there would circle for ever.
        var openNodes = nodes.Where((id, i) => nodeHours[i] is null && id != announcement && id != collector).ToArray();
        string WhenClosed() => random.Next(4) switch
        {
            1 => """, "whenClosed": { "hangup": { "en-US": "We are closed." } }""",
            2 when openNodes.Length > 0 => $$""", "whenClosed": { "goto": "{{openNodes[random.Next(openNodes.Length)]}}" }""",
            3 when openQueues.Length > 0 => $$""", "whenClosed": { "queue": "{{openQueues[random.Next(openQueues.Length)]}}" }""",
            _ => "",
        };

        string Queue() => queues[random.Next(queues.Length)];
        // Limits that send callers to the overflow on about two queues in three, and the overflow of every kind.
        // An overflow to a node goes to "nfull" (ordered after every nN, so refusals still name n0), where
        // callers try a queue again or give up: a line whose queues are all full keeps callers going round,
        // and the odds of giving up bound how long (escape is off there, or a caller who keeps pressing 0
        // would go round for ever between a queue nobody staffs and this node).
        var full = false;
        var limitsOf = queues.Select((_, q) =>
        {
            var parts = new List<string>();
            if (limits.Next(3) == 0) parts.Add($"\"maxLength\": {limits.Next(1, 5)}");
            if (limits.Next(3) == 0) parts.Add($"\"maxWaitSeconds\": {limits.Next(5, 150)}");
            // Only the first queue is always staffed: on one nobody staffs, every caller would be turned away, for ever.
            if (q == 0 && limits.Next(3) == 0) parts.Add("\"whenNoAgents\": \"overflow\"");
            if (limits.Next(5) == 0) parts.Add("\"leaveWhenEmpty\": true");
            return parts;
        }).ToArray();
        // An overflow to a queue goes to one that is always open and sends nobody on: a circle of queues
        // (or of a queue, its closed overflow and the menu before it) would keep callers going round for ever.
        var keeping = queues.Where((_, i) => limitsOf[i].Count == 0 && queueHours[i] is null).ToArray();
        string Limits(int q)
        {
            var parts = limitsOf[q];
            if (parts.Count == 0 && limits.Next(2) == 0) return "";
            var others = keeping.Where(id => id != queues[q]).ToArray();
            switch (limits.Next(4))
            {
                case 1:
                    parts.Add("\"overflow\": { \"hangup\": { \"en-US\": \"All our agents are busy.\" } }");
                    break;
                case 2:
                    parts.Add("\"overflow\": { \"goto\": \"nfull\" }");
                    full = true;
                    break;
                case 3 when others.Length > 0:
                    parts.Add($"\"overflow\": {{ \"queue\": \"{others[limits.Next(others.Length)]}\" }}");
                    break;
            }
            return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
        }
        string Action()
        {
            return random.Next(13) switch
            {
                < 4 => $$"""{ "queue": "{{Queue()}}" }""",
                < 8 => $$"""{ "goto": "{{nodes[random.Next(nodes.Length)]}}" }""",
                < 10 => """{ "hangup": { "en-US": "Goodbye." } }""",
                10 => """{ "do": "repeat" }""",
                11 => """{ "do": "back" }""",
                _ => """{ "do": "mainMenu" }""",
            };
        }

        var menu = new StringBuilder();
        menu.Append(CultureInfo.InvariantCulture, $$"""
            {
              "name": "generated-{{seed}}",
              "timeZone": "{{Zones[random.Next(Zones.Length)]}}",
              "locales": ["en-US"],
              "start": "n0",
              "defaults": {
                "noInput": { "seconds": {{noInputSeconds}}, "retries": {{random.Next(0, 3)}} },
                "invalid": { "retries": {{random.Next(0, 4)}} },
                "onRetriesExhausted": {{(random.Next(4) == 0 ? """{ "do": "mainMenu" }""" : $$"""{ "queue": "{{Queue()}}" }""")}},
                "escape": { "mode": "{{Modes[random.Next(Modes.Length)]}}", "keys": ["{{(refusal == 0 ? Refuse(ref refused, "00", "node n0: escape keys of more than one digit") : "0")}}"], "say": { "en-US": ["operator"] }, "to": { "queue": "{{Queue()}}" } }
              },
              "budget": { "maxFailedInputs": {{random.Next(2, 7)}}, "maxMenuSeconds": {{random.Next(8, 60)}}{{(random.Next(4) == 0 ? "" : $$""", "then": { "queue": "{{Queue()}}" }""")}} },
            """);
        if (scheduled) menu.Append(HoursText);
        menu.Append("\n  \"queues\": {\n");
        for (var q = 0; q < queues.Length; q++)
        {
            var extra = (refusal, q) switch
            {
                (0 or 1, 0) => "",
                (3, 0) => """, "strategy": "ring-all" """,
                _ => $$""", "strategy": "{{Strategies[random.Next(Strategies.Length)]}}" """,
            };
            // Virtual hold on about half the queues: offered over a threshold from nothing to two minutes.
            var offerOver = random.Next(2) == 0 ? $"\"offerWhenWaitOverSeconds\": {random.Next(0, 120)}" : null;
            var whenClosed = closedOffers[q] ? $"\"whenClosed\": true, \"expiresAfterHours\": {callbacks.Next(1, 49)}" : null;
            if (offerOver is not null || whenClosed is not null) extra += $$""", "callback": { {{string.Join(", ", new[] { offerOver, whenClosed }.OfType<string>())}} } """;
            var announce = $$"""{ "everySeconds": {{random.Next(30, 90)}}, "position": {{(random.Next(3) != 0 ? "true" : "false")}}, "expectedWait": {{(random.Next(3) != 0 ? "true" : "false")}} }""";
            extra += Limits(q);
            var hours = queueHours[q] is { } schedule ? $", \"hours\": \"{schedule}\"{WhenClosed()}" : "";
            menu.Append(CultureInfo.InvariantCulture, $$"""    "{{queues[q]}}": { "name": { "en-US": "team {{q}}" }, "priority": {{random.Next(-2, 3)}}, "announce": {{announce}}{{extra}}{{hours}} }{{(q < queues.Length - 1 ? "," : "")}}""").Append('\n');
        }
        menu.Append("  },\n  \"nodes\": {\n");
        var keysOf = new Dictionary<string, List<char>>();
        var entries = new Dictionary<string, string>();
        for (var n = 0; n < nodes.Length; n++)
        {
            var id = nodes[n];
            menu.Append(CultureInfo.InvariantCulture, $$"""    "{{id}}": { "prompt": { "en-US": "Node {{id}}." }, """);
            if (nodeHours[n] is { } schedule) menu.Append(CultureInfo.InvariantCulture, $$""" "hours": { "schedule": "{{schedule}}"{{WhenClosed()}} }, """);
            if (id == announcement)
            {
                menu.Append(CultureInfo.InvariantCulture, $$""" "next": { "queue": "{{Queue()}}" } }""");
            }
            else if (id == collector)
            {
                // A collector: entries that fill it or not, each terminator or none (the pause ends the entry), a pattern the default entry may miss.
                var min = random.Next(1, 5);
                var max = min + random.Next(0, 5);
                var terminator = random.Next(3) switch { 0 => "", 1 => """, "terminator": "*" """, _ => """, "terminator": null""" };
                var pattern = random.Next(3) == 0 ? """, "pattern": "^[1-5]+$" """ : "";
                var next = random.Next(2) == 0 ? $$"""{ "queue": "{{Queue()}}" }""" : $$"""{ "goto": "{{nodes[random.Next(n)]}}" }""";
                menu.Append(CultureInfo.InvariantCulture,
                    $$""" "collect": { "into": "account", "minLength": {{min}}, "maxLength": {{max}}, "interDigitSeconds": {{random.Next(1, 4)}}{{terminator}}{{pattern}}, "next": {{next}} } }""");
                if (random.Next(2) == 0) entries[id] = new string([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => (char)('1' + random.Next(5)))]);
            }
            else
            {
                var keys = Enumerable.Range(1, 9).OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(k => (char)('0' + k)).ToList();
                // Refused: the first option of the first node takes a key of two digits (one callers' choices do not name).
                var doubled = refusal == 1 && n == 0 ? Refuse(ref refused, $"{keys[0]}{keys[0]}", $"node {id}: keys of more than one digit") : null;
                keysOf[id] = doubled is null ? keys : [.. keys.Skip(1)];
                var options = keys.Select((k, i) =>
                {
                    var action = n == 0 && i == 0 && collector is not null ? $$"""{ "goto": "{{collector}}" }"""
                        : bookable.Length > 0 && callbacks.Next(6) == 0 ? $$"""{ "callback": "{{bookable[callbacks.Next(bookable.Length)]}}" }""" : Action();
                    var message = random.Next(4) == 0 ? """, "message": { "en-US": "Right." }""" : "";
                    return $$"""{ "key": "{{(i == 0 && doubled is not null ? doubled : k.ToString())}}", "say": { "en-US": ["choice {{k}}"] }{{message}}, {{action[2..^2]}} }""";
                });
                var say = random.Next(5) == 0 ? """, { "say": { "en-US": ["something else"] }, "hangup": { "en-US": "Bye." } }""" : "";
                menu.Append(CultureInfo.InvariantCulture, $$""" "options": [ {{string.Join(", ", options)}}{{say}} ] }""");
            }
            menu.Append(n < nodes.Length - 1 ? ",\n" : "\n");
        }
        if (full)
        {
            menu.Length--;
            menu.Append(CultureInfo.InvariantCulture, $$"""
                ,
                    "nfull": { "prompt": { "en-US": "All lines are busy." }, "escape": { "mode": "disabled" }, "options": [ { "key": "1", "say": { "en-US": ["again"] }, "queue": "{{queues[limits.Next(queues.Length)]}}" }, { "key": "2", "say": { "en-US": ["goodbye"] }, "hangup": { "en-US": "Goodbye." } } ] }

                """);
        }
        menu.Append("  }\n}\n");

        var scenario = new StringBuilder();
        var interval = random.Next(2) == 0 ? 30 : 60;
        scenario.Append(CultureInfo.InvariantCulture, $$"""
            {
              "menu": "generated.json",
              "weekOf": "{{Weeks[random.Next(Weeks.Length)]}}",
              "intervalMinutes": {{interval}},
              "arrivals": [
                { "days": "daily", "from": "00:00", "to": "24:00", "callsPerHour": {{random.Next(20, 120)}} },
                { "days": "Mon-Fri", "from": "{{random.Next(0, 10):00}}:00", "to": "{{random.Next(12, 24):00}}:00", "callsPerHour": {{random.Next(60, 400)}} }
              ],
              "callers": {
                "escapeAtOnce": {{random.NextDouble() * 0.3:0.00}},
                "thinkSeconds": {{(refusal == 6 ? Refuse(ref refused, noInputSeconds.ToString(CultureInfo.InvariantCulture), "node n0: callers think as long as the no-input timeout") : think.ToString(CultureInfo.InvariantCulture))}},
            """);
        var choices = new List<string>();
        foreach (var (id, keys) in keysOf.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (random.Next(3) == 0 || keys.Count == 0) continue;
            var rows = keys.Select(k => $"\"{k}\": {random.Next(1, 10)}").ToList();
            if (random.Next(3) == 0) rows.Add($"\"silence\": {random.Next(1, 3)}");
            if (random.Next(4) == 0) rows.Add("\"hangup\": 1");
            if (refusal == 7 && choices.Count == 0) rows.Add(Refuse(ref refused, $"\"say:choice {keys[0]}\": 1", $"callers at {id} speak"));
            choices.Add($"\"{id}\": {{ {string.Join(", ", rows)} }}");
        }
        if (full) choices.Add($"\"nfull\": {{ \"1\": {limits.Next(1, 4)}, \"2\": {limits.Next(1, 3)}, \"hangup\": 1 }}");
        scenario.Append(CultureInfo.InvariantCulture, $$"""    "choices": { {{string.Join(", ", choices)}} },""").Append('\n');
        if (entries.Count > 0) scenario.Append(CultureInfo.InvariantCulture, $$"""    "entries": { {{string.Join(", ", entries.Select(e => $"\"{e.Key}\": \"{e.Value}\""))}} },""").Append('\n');
        var patience = random.Next(4);
        if (patience < 3)
        {
            scenario.Append(CultureInfo.InvariantCulture, $$"""    "patience": { "distribution": "{{Distributions[patience]}}", "meanSeconds": {{random.Next(20, 400)}}{{(patience == 1 ? ", \"sdSeconds\": 60" : "")}} },""").Append('\n');
        }
        if (random.Next(3) == 0) scenario.Append("""    "locales": { "en-US": 1 },""").Append('\n');
        scenario.Append(CultureInfo.InvariantCulture, $$"""    "acceptCallback": {{random.NextDouble():0.00}}, "answerCallback": {{0.3 + (random.NextDouble() * 0.7):0.00}}""").Append("\n  },\n  \"queues\": {\n");
        var staffed = queues.Where((_, i) => i == 0 || random.Next(4) != 0).ToArray();
        for (var q = 0; q < staffed.Length; q++)
        {
            var distribution = Distributions[random.Next(Distributions.Length)];
            // Refused: an answer as long as the ring timeout (15 s by default), which the engine's ring pipeline times out and retries.
            var answer = refusal == 8 && q == 0 ? Refuse(ref refused, """, "answerSeconds": 15""", $"queue {staffed[0]}: agents answer no sooner than the ring times out")
                : delayed && delays.Next(3) != 0 ? string.Create(CultureInfo.InvariantCulture, $", \"answerSeconds\": {delays.Next(1, 6) + (delays.Next(2) * 0.5)}") : "";
            // Where agents answer after a delay, three hours of the weekday mornings with fewer of them, so agents are asked to log out while a phone rings.
            var dips = answer.Length > 0 && refused is null
                ? string.Concat(Enumerable.Range(1, 11).OrderBy(_ => dipsAt.Next()).Take(3).Select(h => string.Create(CultureInfo.InvariantCulture,
                    $",\n          {{ \"days\": \"Mon-Fri\", \"from\": \"{h:00}:00\", \"to\": \"{h + 1:00}:00\", \"agents\": {(q == 0 ? 1 : dipsAt.Next(0, 2))} }}")))
                : "";
            scenario.Append(CultureInfo.InvariantCulture, $$"""
                    "{{staffed[q]}}": {
                      "handleTime": { "distribution": "{{distribution}}", "meanSeconds": {{random.Next(30, 300)}}{{(distribution == "lognormal" ? ", \"sdSeconds\": 40" : "")}} },
                      "wrapUpSeconds": {{random.Next(0, 3) * 10}}{{answer}},
                      "agents": [
                        { "days": "daily", "from": "00:00", "to": "24:00", "agents": {{random.Next(1, 5)}} },
                        { "days": "Mon-Fri", "from": "{{random.Next(6, 12):00}}:{{(interval == 30 && random.Next(2) == 0 ? "30" : "00")}}", "to": "{{random.Next(13, 22):00}}:00", "agents": {{random.Next(0, 12)}} }{{dips}}
                      ]
                    }{{(q < staffed.Length - 1 ? "," : "")}}

                """);
        }
        scenario.Append("  }\n}\n");
        return new Generated(menu.ToString(), scenario.ToString(), refused);
    }

    private static string Refuse(ref string? refused, string text, string reason)
    {
        refused ??= reason;
        return text;
    }
}
