using System.Collections.Immutable;
using System.Globalization;
using IvrEngine.Menus.Loading;
using NodaTime;

namespace IvrEngine.Queues.Staffing;

/// <summary>Binds a staffing file's located tree: defaults, then each agent (or group of identical agents) over them.</summary>
internal sealed class StaffingBinder(BindContext context)
{
    private readonly QuantityReader _read = new(context);

    /// <summary>
    /// Agents in one staffing file, counted ones included: a large contact centre's floor. Every
    /// agent is kept ready with its own state (about 4 KB), so 10,000 hold in about 40 MB, where the
    /// 1,000,000 that 100 entries of the largest count once allowed took 4 GB for a single call.
    /// </summary>
    public const int MaxAgents = 10_000;

    private static readonly string[] RootProperties = ["$schema", "description", "defaults", "agents"];
    private static readonly string[] ProfileProperties = ["handleTime", "wrapUpSeconds", "answerSeconds", "noAnswerProbability", "transfer", "busyAtStartSeconds"];
    private static readonly string[] AgentProperties = [.. ProfileProperties, "name", "count", "queues", "live"];

    /// <summary>How a simulated agent acts: a live seat's person does all this themselves, so a live entry may not say it.</summary>
    private static readonly string[] SimulatedOnly = ["handleTime", "answerSeconds", "noAnswerProbability", "transfer", "busyAtStartSeconds"];
    private static readonly string[] TransferProperties = ["probability", "to"];

    /// <summary>An agent's profile when neither the entry nor the defaults say otherwise (also a live agent's who signs in with queues of their own).</summary>
    internal static readonly AgentProfile BuiltIn = new(
        string.Empty,
        ImmutableDictionary<string, int>.Empty,
        new HandleTime(HandleTimeDistribution.LogNormal, Duration.FromMinutes(4), Duration.FromMinutes(2)),
        WrapUp: Duration.FromSeconds(30),
        AnswerDelay: Duration.FromSeconds(3),
        NoAnswerProbability: 0,
        TransferProbability: 0,
        TransferTo: null,
        BusyAtStart: Duration.Zero);

    public StaffingPlan? Bind(LocatedValue root)
    {
        if (context.AsObject(root, "the staffing file") is not { } file)
        {
            return null;
        }

        context.CheckProperties(file, "the staffing file", RootProperties);
        var defaults = context.AsObject(file["defaults"], "defaults") is { } defaultsObject
            ? ReadProfile(defaultsObject, "defaults", BuiltIn, ProfileProperties)
            : BuiltIn;

        var agents = ImmutableArray.CreateBuilder<AgentProfile>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = context.AsArray(context.Require(file, "agents", "the staffing file"), "agents");
        for (var i = 0; i < (list?.Items.Count ?? 0); i++)
        {
            var what = $"agents[{i}]";
            if (context.AsObject(list!.Items[i], what) is not { } agent)
            {
                continue;
            }

            var profile = ReadProfile(agent, what, defaults, AgentProperties);
            if (context.AsBoolean(agent["live"], $"live of {what}") == true)
            {
                foreach (var property in agent.Properties.Where(p => SimulatedOnly.Contains(p.Name)))
                {
                    context.Error(DiagnosticCodes.UnknownProperty, property.NameWhere,
                        $"{property.Name} of {what} is for simulated agents; {what} is a live seat, whose person answers, talks and transfers themselves (wrapUpSeconds is the wrap-up wait estimates expect of them)");
                }
                profile = profile with { Live = true, BusyAtStart = Duration.Zero, NoAnswerProbability = 0, TransferProbability = 0, TransferTo = null };
            }
            var name = context.AsString(context.Require(agent, "name", what), $"name of {what}") ?? what;
            if (string.IsNullOrWhiteSpace(name))
            {
                context.Error(DiagnosticCodes.Malformed, agent["name"]!.Where, $"name of {what} is blank; the queue log and the console name agents by it");
                name = what;
            }
            var count = context.AsInteger(agent["count"], $"count of {what}", 1, MaxAgents) ?? 1;
            if (agents.Count + count > MaxAgents)
            {
                context.Error(DiagnosticCodes.OutOfRange, (agent["count"] ?? agent).Where, string.Create(CultureInfo.InvariantCulture,
                    $"{what} brings the line to {agents.Count + count:N0} agents; a staffing file holds at most {MaxAgents:N0} in all (each agent the engine keeps ready costs memory, whether or not it takes calls)"));
                break;
            }

            var tiers = ReadTiers(context.Require(agent, "queues", what), what);
            for (var n = 1; n <= count; n++)
            {
                var agentName = count == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} {n}");
                if (!names.Add(agentName))
                {
                    context.Error(DiagnosticCodes.Duplicate, agent.Where, $"{what} names agent '{agentName}', which is already listed");
                }

                agents.Add(profile with { Name = agentName, Tiers = tiers });
            }
        }

        return new StaffingPlan(agents.ToImmutable());
    }

    private AgentProfile ReadProfile(LocatedObject obj, string what, AgentProfile inherited, string[] known)
    {
        context.CheckProperties(obj, what, known);
        var transfer = context.AsObject(obj["transfer"], $"transfer of {what}");
        if (transfer is not null)
        {
            context.CheckProperties(transfer, $"transfer of {what}", TransferProperties);
        }

        var transferTo = context.AsString(transfer?["to"], $"transfer.to of {what}");
        if (transferTo is not null && !context.QueueIds.Contains(transferTo))
        {
            context.Error(DiagnosticCodes.UnknownQueue, transfer!["to"]!.Where,
                $"transfer.to of {what} names queue '{transferTo}', which the menu does not declare{Suggestions.DidYouMean(transferTo, context.QueueIds)}");
            transferTo = null;
        }

        var transferProbability = _read.Probability(transfer?["probability"], $"transfer.probability of {what}");
        // A 'to' that is written but wrong is already reported where it is; only a missing one is reported here.
        if (transferProbability > 0 && transfer?["to"] is null && inherited.TransferTo is null)
        {
            context.Error(DiagnosticCodes.MissingProperty, transfer!.Where, $"transfer of {what} has a probability but no 'to' queue");
        }

        return inherited with
        {
            HandleTime = _read.Distribution(obj["handleTime"], "handleTime", what, inherited.HandleTime),
            WrapUp = _read.Seconds(obj["wrapUpSeconds"], $"wrapUpSeconds of {what}", allowZero: true) ?? inherited.WrapUp,
            AnswerDelay = _read.Seconds(obj["answerSeconds"], $"answerSeconds of {what}", allowZero: true) ?? inherited.AnswerDelay,
            NoAnswerProbability = _read.Probability(obj["noAnswerProbability"], $"noAnswerProbability of {what}") ?? inherited.NoAnswerProbability,
            TransferProbability = transferProbability ?? inherited.TransferProbability,
            TransferTo = transferTo ?? inherited.TransferTo,
            BusyAtStart = _read.Seconds(obj["busyAtStartSeconds"], $"busyAtStartSeconds of {what}", allowZero: true) ?? inherited.BusyAtStart,
        };
    }

    private ImmutableDictionary<string, int> ReadTiers(LocatedValue? value, string what)
    {
        var tiers = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        if (context.AsObject(value, $"queues of {what} (queue → tier, e.g. {{ \"general\": 1 }})") is not { } obj)
        {
            return tiers.ToImmutable();
        }

        foreach (var property in obj.Properties)
        {
            if (!context.QueueIds.Contains(property.Name))
            {
                context.Error(DiagnosticCodes.UnknownQueue, property.NameWhere,
                    $"queues of {what} names queue '{property.Name}', which the menu does not declare{Suggestions.DidYouMean(property.Name, context.QueueIds)}");
                continue;
            }

            if (context.AsInteger(property.Value, $"the tier of {what} in queue '{property.Name}'", 1, 9) is { } tier)
            {
                tiers[property.Name] = tier;
            }
        }

        return tiers.ToImmutable();
    }
}
