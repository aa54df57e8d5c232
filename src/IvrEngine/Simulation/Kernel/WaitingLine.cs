namespace IvrEngine.Simulation.Kernel;

/// <summary>
/// One queue's callers in the order they joined, as (slot, entry) pairs in a growing array. Callers
/// who leave are not removed where they stand: an entry counts only while its slot still waits
/// with that entry number, and the front is trimmed as routing passes over it.
/// </summary>
internal sealed class WaitingLine
{
    private int[] _slots = new int[64];
    private long[] _entries = new long[64];
    private int _head;
    private int _tail;
    private int _cursor;

    public void Add(int slot, long entry)
    {
        if (_tail == _slots.Length)
        {
            if (_head > _slots.Length / 2)
            {
                // Mostly gone from the front: move what is left down instead of growing.
                Array.Copy(_slots, _head, _slots, 0, _tail - _head);
                Array.Copy(_entries, _head, _entries, 0, _tail - _head);
                _tail -= _head;
                _head = 0;
            }
            else
            {
                Array.Resize(ref _slots, _slots.Length * 2);
                Array.Resize(ref _entries, _entries.Length * 2);
            }
        }
        _slots[_tail] = slot;
        _entries[_tail++] = entry;
    }

    /// <summary>Empties the line for a new week (its arrays' room is kept).</summary>
    public void Clear() => _head = _tail = _cursor = 0;

    /// <summary>Drops the callers who left from the front and starts a routing pass there.</summary>
    public void Rewind(CallSlot[] calls)
    {
        while (_head < _tail && !IsWaiting(calls, _head)) _head++;
        if (_head == _tail) _head = _tail = 0;
        _cursor = _head;
    }

    /// <summary>The next waiting caller of this pass no agent is ringing for (-1: none), and their entry number; the pass moves past them.</summary>
    public int NextUnoffered(CallSlot[] calls, out long entry)
    {
        while (_cursor < _tail)
        {
            var at = _cursor;
            if (IsWaiting(calls, at) && !calls[_slots[at]].Offered)
            {
                entry = _entries[at];
                return _slots[at];
            }
            _cursor++;
        }
        entry = 0;
        return -1;
    }

    /// <summary>The callers still waiting, front first, as (slot, entry) pairs added to <paramref name="into"/>.</summary>
    public void CopyWaiting(CallSlot[] calls, List<(int Slot, long Entry)> into)
    {
        for (var at = _head; at < _tail; at++)
        {
            if (IsWaiting(calls, at)) into.Add((_slots[at], _entries[at]));
        }
    }

    private bool IsWaiting(CallSlot[] calls, int at)
    {
        ref readonly var call = ref calls[_slots[at]];
        return call.Waiting && call.EntrySequence == _entries[at];
    }
}
