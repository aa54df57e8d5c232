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
}
