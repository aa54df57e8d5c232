using System.Collections.Immutable;

namespace IvrEngine.Queues.Staffing;

/// <summary>The simulated agents of a line, in the order the staffing file lists them (the <c>linear</c> strategy's order).</summary>
public sealed record StaffingPlan(ImmutableArray<AgentProfile> Agents)
{
    public static readonly StaffingPlan Nobody = new([]);
}
