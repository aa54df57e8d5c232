using IvrEngine.Menus;

namespace IvrEngine.Calls;

/// <summary>A caller sent out of a queue, and where to.</summary>
internal sealed record LeaveRequest(MenuAction Action, string Reason);
