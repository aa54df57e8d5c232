using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using IvrEngine.Menus;

namespace IvrEngine.Queues.Staffing;

/// <summary>The staffing plan when the file has no errors, and every located problem found.</summary>
public sealed record StaffingLoadResult(StaffingPlan? Plan, ImmutableArray<MenuDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool Succeeded => Plan is not null;
}
