namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// The kernel's one priority queue: a binary min-heap of <see cref="KernelEvent"/> structs in one
/// array, ordered by due time then by the order scheduled. It allocates only to grow, so a week
/// settles at its busiest moment's size and then allocates nothing.
/// <para>
/// A timer the kernel no longer needs can be taken out (<see cref="Cancel"/>) instead of left to come
/// up stale: most of a call's timers are (no-input, menu budget, patience), and a stale event cost a
/// full-depth pop, where taking one out of the heap's lower levels, where most events are, costs a step
/// or two. Each event's <see cref="KernelEvent.Sequence"/> carries its handle (where its position is
/// kept) in the low bits under the scheduling order in the high bits, so ties still come out in the
/// order scheduled and the kernel keeps one number per timer, as before.
/// </para>
/// </summary>
internal sealed class EventHeap
{
    private const int HandleBits = 24;
    private const long HandleMask = (1L << HandleBits) - 1;

    private KernelEvent[] _items = new KernelEvent[256];

    // Per handle: the event's index in _items while it is in the heap.
    private int[] _position = new int[256];
    private int[] _freeHandles = new int[256];
    private int _freeCount;
    private int _handlesUsed;
    private long _scheduled;

    public int Count { get; private set; }

    /// <summary>The earliest event; only when <see cref="Count"/> is above 0.</summary>
    public ref readonly KernelEvent Peek() => ref _items[0];

    /// <summary>Schedules an event and returns its sequence number (what per-call timers keep to know they are current, and to cancel).</summary>
    public long Push(long due, KernelEventKind kind, int subject, long check = 0)
    {
        if (Count == _items.Length) Grow();
        var item = new KernelEvent(due, (_scheduled++ << HandleBits) | (long)TakeHandle(), kind, subject, check);
        SiftUp(Count++, item);
        return item.Sequence;
    }

    /// <summary>Empties the heap for a new week, as if new: sequence numbers and handles start again from 0 (its arrays' room is kept).</summary>
    public void Clear()
    {
        Count = 0;
        _freeCount = 0;
        _handlesUsed = 0;
        _scheduled = 0;
    }

    public KernelEvent Pop()
    {
        var items = _items;
        var top = items[0];
        FreeHandle(top.Sequence);
        var last = items[--Count];
        if (Count > 0) SiftDown(0, last);
        return top;
    }

    /// <summary>Takes the timer's event out if it is still in the heap, and marks the timer as none (-1).</summary>
    public void Cancel(ref long timer)
    {
        if (timer >= 0) Remove(timer);
        timer = -1;
    }

    /// <summary>
    /// Moves the timer to a new due time, as cancelling it and scheduling anew would (it takes the next
    /// sequence number, so among events due at the same moment it now comes last), but in one step.
    /// </summary>
    public void Reschedule(ref long timer, long due, KernelEventKind kind, int subject)
    {
        var at = timer < 0 ? -1 : At(timer);
        if (at < 0)
        {
            timer = Push(due, kind, subject);
            return;
        }
        var item = new KernelEvent(due, (_scheduled++ << HandleBits) | (timer & HandleMask), kind, subject, 0);
        timer = item.Sequence;
        if (at > 0 && Before(item, _items[(at - 1) >> 1])) SiftUp(at, item);
        else SiftDown(at, item);
    }

    private void Remove(long sequence)
    {
        var at = At(sequence);
        if (at < 0) return;
        FreeHandle(sequence);
        var last = _items[--Count];
        if (at == Count) return;
        if (at > 0 && Before(last, _items[(at - 1) >> 1])) SiftUp(at, last);
        else SiftDown(at, last);
    }

    /// <summary>Where the event with this sequence number is, or -1 when it is no longer in the heap.</summary>
    private int At(long sequence)
    {
        var at = _position[sequence & HandleMask];
        return at < Count && _items[at].Sequence == sequence ? at : -1;
    }

    private void SiftUp(int at, in KernelEvent item)
    {
        var items = _items;
        var position = _position;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (!Before(item, items[parent])) break;
            items[at] = items[parent];
            position[items[at].Sequence & HandleMask] = at;
            at = parent;
        }
        items[at] = item;
        position[item.Sequence & HandleMask] = at;
    }

    private void SiftDown(int at, in KernelEvent item)
    {
        var items = _items;
        var position = _position;
        var count = Count;
        while (true)
        {
            var child = (at << 1) + 1;
            if (child >= count) break;
            if (child + 1 < count && Before(items[child + 1], items[child])) child++;
            if (!Before(items[child], item)) break;
            items[at] = items[child];
            position[items[at].Sequence & HandleMask] = at;
            at = child;
        }
        items[at] = item;
        position[item.Sequence & HandleMask] = at;
    }

    private int TakeHandle() => _freeCount > 0 ? _freeHandles[--_freeCount] : _handlesUsed++;

    private void FreeHandle(long sequence) => _freeHandles[_freeCount++] = (int)(sequence & HandleMask);

    private void Grow()
    {
        // Every event in the heap holds one handle, so handles never outnumber the heap's room.
        if (_items.Length > HandleMask) throw new InvalidOperationException($"More than {HandleMask + 1} events pending in one week.");
        Array.Resize(ref _items, _items.Length * 2);
        Array.Resize(ref _position, _items.Length);
        Array.Resize(ref _freeHandles, _items.Length);
    }

    private static bool Before(in KernelEvent a, in KernelEvent b) => a.Due < b.Due || (a.Due == b.Due && a.Sequence < b.Sequence);
}
