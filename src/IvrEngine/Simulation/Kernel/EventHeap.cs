namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// The kernel's one priority queue: a binary min-heap of <see cref="KernelEvent"/> structs in one
/// array, ordered by due time then by the order scheduled. It allocates only to grow, so a week
/// settles at its busiest moment's size and then allocates nothing.
/// </summary>
internal sealed class EventHeap
{
    private KernelEvent[] _items = new KernelEvent[256];
    private long _sequence;

    public int Count { get; private set; }

    /// <summary>The earliest event; only when <see cref="Count"/> is above 0.</summary>
    public ref readonly KernelEvent Peek() => ref _items[0];

    /// <summary>Schedules an event and returns its sequence number (what per-call timers keep to know they are current).</summary>
    public long Push(long due, KernelEventKind kind, int subject, long check = 0)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var item = new KernelEvent(due, _sequence++, kind, subject, check);
        var at = Count++;
        var items = _items;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (!Before(item, items[parent])) break;
            items[at] = items[parent];
            at = parent;
        }
        items[at] = item;
        return item.Sequence;
    }

    public KernelEvent Pop()
    {
        var items = _items;
        var top = items[0];
        var last = items[--Count];
        var at = 0;
        var count = Count;
        while (true)
        {
            var child = (at << 1) + 1;
            if (child >= count) break;
            if (child + 1 < count && Before(items[child + 1], items[child])) child++;
            if (!Before(items[child], last)) break;
            items[at] = items[child];
            at = child;
        }
        if (count > 0) items[at] = last;
        return top;
    }

    private static bool Before(in KernelEvent a, in KernelEvent b) => a.Due < b.Due || (a.Due == b.Due && a.Sequence < b.Sequence);
}
