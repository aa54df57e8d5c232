using IvrEngine.Menus;

namespace IvrEngine.Hours;

/// <summary>A node's or queue's hours: the schedule that must be open, and where callers go when it is not.</summary>
/// <param name="WhenClosed">Done after the closed message; by default a hang-up.</param>
public sealed record HoursRule(string ScheduleId, MenuAction WhenClosed);
