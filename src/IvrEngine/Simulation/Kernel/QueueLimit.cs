using IvrEngine.Menus;
using IvrEngine.Queues;

namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// A queue's limits as the kernel reads them (QueueAdmission): callers arriving at <see cref="MaxLength"/>
/// waiting, or while nobody is logged in when it <see cref="OverflowWhenNoAgents"/>, are turned away; callers
/// waiting <see cref="MaxWaitTicks"/>, or when the last agent logs out if it <see cref="LeaveWhenEmpty"/>,
/// leave; all go to <see cref="Overflow"/> (an index of the line's action table).
/// </summary>
/// <param name="MaxLength">int.MaxValue for no limit.</param>
/// <param name="MaxWaitTicks">-1 for no limit.</param>
internal readonly record struct QueueLimit(int MaxLength, long MaxWaitTicks, bool OverflowWhenNoAgents, bool LeaveWhenEmpty, int Overflow)
{
    public static QueueLimit Of(QueueDefinition queue, Func<MenuAction, int> actionOf) => new(
        queue.MaxLength ?? int.MaxValue,
        queue.MaxWait is { } wait ? wait.BclCompatibleTicks : -1,
        queue.WhenNoAgents == WhenNoAgents.Overflow,
        queue.LeaveWhenEmpty,
        actionOf(queue.Overflow));
}
