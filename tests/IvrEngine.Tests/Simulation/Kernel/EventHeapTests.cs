using IvrEngine.Simulation.Kernel;

namespace IvrEngine.Tests.Simulation.Kernel;

/// <summary>
/// The kernel's priority queue pops events by due time, and events due at the same moment in the
/// order they were scheduled, whatever the mix of pushes and pops (the kernel's runs depend on it).
/// </summary>
public sealed class EventHeapTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Events_come_out_by_due_time_then_by_the_order_they_were_scheduled(int seed)
    {
        var random = new Random(seed);
        var heap = new EventHeap();
        // What the heap must give: the pending events kept sorted the slow, obvious way.
        var pending = new SortedSet<(long Due, long Sequence)>();
        var popped = 0;
        for (var step = 0; step < 20_000; step++)
        {
            if (pending.Count == 0 || random.Next(5) < 3)
            {
                // Few distinct due times, so many ties are broken by the order of scheduling.
                var due = random.Next(50) + (long)step / 10;
                var sequence = heap.Push(due, KernelEventKind.Act, step);
                pending.Add((due, sequence));
            }
            else
            {
                var expected = pending.Min;
                pending.Remove(expected);
                Assert.That(heap.Peek().Due, Is.EqualTo(expected.Due));
                var e = heap.Pop();
                Assert.That((e.Due, e.Sequence), Is.EqualTo(expected), $"pop {popped}");
                popped++;
            }
            Assert.That(heap.Count, Is.EqualTo(pending.Count));
        }
        while (pending.Count > 0)
        {
            var expected = pending.Min;
            pending.Remove(expected);
            var e = heap.Pop();
            Assert.That((e.Due, e.Sequence), Is.EqualTo(expected));
        }
        Assert.That(heap.Count, Is.Zero);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Cancelled_and_rescheduled_timers_leave_the_heap_and_the_rest_come_out_in_the_same_order(int seed)
    {
        var random = new Random(seed);
        var heap = new EventHeap();
        var pending = new SortedSet<(long Due, long Sequence)>();
        // The timers held, as the kernel's call slots hold them (-1: none); some already popped or cancelled.
        var timers = new long[64];
        Array.Fill(timers, -1);
        for (var step = 0; step < 20_000; step++)
        {
            var timer = random.Next(timers.Length);
            var due = random.Next(50) + (long)step / 10;
            switch (random.Next(6))
            {
                case 0 or 1:
                    timers[timer] = heap.Push(due, KernelEventKind.Act, timer);
                    pending.Add((due, timers[timer]));
                    break;
                case 2:
                    if (timers[timer] >= 0) pending.RemoveWhere(p => p.Sequence == timers[timer]);
                    heap.Cancel(ref timers[timer]);
                    Assert.That(timers[timer], Is.EqualTo(-1));
                    break;
                case 3:
                    if (timers[timer] >= 0) pending.RemoveWhere(p => p.Sequence == timers[timer]);
                    heap.Reschedule(ref timers[timer], due, KernelEventKind.NoInput, timer);
                    pending.Add((due, timers[timer]));
                    break;
                default:
                    if (pending.Count == 0) break;
                    var expected = pending.Min;
                    pending.Remove(expected);
                    var e = heap.Pop();
                    // The timer that came up stays held (not reset), as a stale number: cancelling it later must take nothing out.
                    Assert.That((e.Due, e.Sequence), Is.EqualTo(expected), $"step {step}");
                    break;
            }
            Assert.That(heap.Count, Is.EqualTo(pending.Count), $"step {step}");
        }
        while (pending.Count > 0)
        {
            var expected = pending.Min;
            pending.Remove(expected);
            var e = heap.Pop();
            Assert.That((e.Due, e.Sequence), Is.EqualTo(expected));
        }
    }

    [Test]
    public void A_rescheduled_timer_comes_after_events_scheduled_before_it_for_the_same_moment_as_if_scheduled_anew()
    {
        var heap = new EventHeap();
        var timer = heap.Push(10, KernelEventKind.Act, 1);
        var other = heap.Push(20, KernelEventKind.Arrival, 2);
        heap.Reschedule(ref timer, 20, KernelEventKind.Act, 1);

        Assert.That(heap.Pop().Sequence, Is.EqualTo(other));
        var moved = heap.Pop();
        Assert.That((moved.Due, moved.Sequence, moved.Subject), Is.EqualTo((20L, timer, 1)));
        Assert.That(heap.Count, Is.Zero);
    }

    [Test]
    public void Cancelling_a_timer_that_already_came_up_takes_nothing_out()
    {
        var heap = new EventHeap();
        var fired = heap.Push(5, KernelEventKind.Act, 1);
        Assert.That(heap.Pop().Sequence, Is.EqualTo(fired));
        // Its handle is taken again by the next event; the old number must not reach it.
        var next = heap.Push(6, KernelEventKind.NoInput, 2);
        heap.Cancel(ref fired);

        Assert.That(fired, Is.EqualTo(-1));
        Assert.That(heap.Count, Is.EqualTo(1));
        Assert.That(heap.Pop().Sequence, Is.EqualTo(next));
    }
}
