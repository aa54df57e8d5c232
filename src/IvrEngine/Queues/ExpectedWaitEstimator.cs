using NodaTime;

namespace IvrEngine.Queues;

/// <summary>
/// Expected wait for a caller at a given position, from live figures: each member agent's next
/// free moment (free now; at the end of a known wrap-up; or when a call in progress should end,
/// given the queue's recent average handle time) and the caller's position. The caller at
/// position p takes the p-th agent to come free, each agent coming free again one average
/// handle time later.
/// </summary>
/// <remarks>
/// It avoids the faults of the estimators it replaces: unlike position × average handle time it
/// counts agents and their progress; unlike Asterisk's it uses position and never grows because
/// the caller has waited past the average (the caller's own wait is not an input); it is
/// recomputed at every announcement. With fewer than <see cref="MinimumHistory"/> finished calls
/// there is no average to trust, and it says so (null) rather than invent a number. It ignores
/// callers of other queues competing for shared agents and tier delays: an estimate, not a promise.
/// </remarks>
public static class ExpectedWaitEstimator
{
    /// <summary>Finished calls needed before the queue's average handle time is trusted.</summary>
    public const int MinimumHistory = 3;

    private const double OverrunShare = 0.1;

    /// <summary>The average of <paramref name="count"/> handle times adding up to <paramref name="totalTicks"/>, or null when there are too few to trust.</summary>
    public static Duration? AverageHandle(long totalTicks, int count) =>
        count < MinimumHistory ? null : Duration.FromTicks((long)((double)totalTicks / count));

    /// <summary>The wait for the caller at <paramref name="position"/> (1 = next) given the queue's average handle time, or null when no agent is logged in.</summary>
    public static Duration? Estimate(int position, ReadOnlySpan<AgentSnapshot> agents, Duration averageHandle, Instant now)
    {
        if (position < 1) return null;

        // Asked at every announcement to every waiting caller: the free moments go on the stack
        // (a queue's members are tens, not thousands) and are sorted in place.
        var freeIn = agents.Length <= 256 ? stackalloc long[agents.Length] : new long[agents.Length];
        var handle = new HandleTimes(averageHandle);
        var count = 0;
        foreach (var agent in agents)
        {
            if (agent.State == AgentState.Away) continue;
            freeIn[count++] = agent.State switch
            {
                AgentState.Available => 0,
                AgentState.WrapUp => FreeAfterWrapUp((agent.WrapUpEndsAt - now).ToInt64Nanoseconds()),
                _ => handle.FreeAfterCall((agent.CallStartedAt - now).ToInt64Nanoseconds()),
            };
        }
        return Estimate(position, freeIn[..count], handle);
    }

    /// <summary>When an agent in wrap-up comes free, in nanoseconds from now, given when the wrap-up ends (nanoseconds from now).</summary>
    public static long FreeAfterWrapUp(long wrapUpEndsIn) => Math.Max(0, wrapUpEndsIn);

    /// <summary>
    /// The wait for the caller at <paramref name="position"/>, from each logged-in agent's next free moment
    /// in nanoseconds from now (<see cref="FreeAfterWrapUp"/>, <see cref="HandleTimes.FreeAfterCall"/>;
    /// reordered in place), or null when there is no agent.
    /// </summary>
    /// <remarks>
    /// Whole nanoseconds from now rather than <see cref="Instant"/>s: the same values exactly (an Instant
    /// is whole nanoseconds), and sorting plain integers is what makes this cheap enough to ask at every
    /// reminder of a simulated week.
    /// </remarks>
    public static Duration? Estimate(int position, Span<long> freeIn, HandleTimes handle)
    {
        if (position < 1 || freeIn.IsEmpty) return null;
        var count = freeIn.Length;
        var average = handle.Average;
        long first = long.MaxValue, last = long.MinValue;
        foreach (var free in freeIn)
        {
            first = Math.Min(first, free);
            last = Math.Max(last, free);
        }

        // Every agent comes free again one average handle time after each call, so while the first
        // free moments all fall within one handle time of each other, the turns repeat in the same
        // order each round: the p-th turn is round (p-1)/n of agent (p-1)%n. Long queues are then
        // estimated without walking every caller ahead, and only that agent's moment is needed
        // (selected, not sorted: this is the usual case, asked at every announcement).
        if (last - first <= average)
        {
            var round = (position - 1) / count;
            return Duration.FromNanoseconds(Select(freeIn, (position - 1) % count) + (average * round));
        }

        // Otherwise take the turns one by one: the earliest free moment, which comes round again one
        // handle time later. A sorted span is already a min-heap, so each turn is a sift-down in place.
        freeIn.Sort();
        var turn = 0L;
        for (var i = 0; i < position; i++)
        {
            turn = freeIn[0];
            ReplaceEarliest(freeIn, turn + average);
        }
        return Duration.FromNanoseconds(turn);
    }

    /// <summary>
    /// Whether <see cref="Estimate(int, Span{long}, HandleTimes)"/> would be over <paramref name="threshold"/> (false when it
    /// would be null), worked out in one pass without reordering anything in the usual case: the question a
    /// virtual-hold queue asks at every announcement, where the answer is mostly no.
    /// </summary>
    public static bool IsOver(int position, Span<long> freeIn, HandleTimes handle, Duration threshold)
    {
        if (position < 1 || freeIn.IsEmpty) return false;
        var count = freeIn.Length;
        var average = handle.Average;
        var round = (position - 1) / count;
        var turn = (position - 1) % count;
        // In the usual case the wait is the turn-th smallest moment plus whole rounds, so it is over the
        // threshold exactly when at most turn moments are at or under the threshold less those rounds.
        var bar = threshold.ToInt64Nanoseconds() - (average * round);
        long first = long.MaxValue, last = long.MinValue;
        var atOrUnder = 0;
        foreach (var free in freeIn)
        {
            first = Math.Min(first, free);
            last = Math.Max(last, free);
            if (free <= bar) atOrUnder++;
        }
        if (last - first <= average) return atOrUnder <= turn;
        return Estimate(position, freeIn, handle) > threshold;
    }

    /// <summary>The <paramref name="k"/>-th smallest of <paramref name="values"/> (0 = the smallest), reordering them (Hoare's selection).</summary>
    private static long Select(Span<long> values, int k)
    {
        var low = 0;
        var high = values.Length - 1;
        while (low < high)
        {
            var pivot = values[low + ((high - low) / 2)];
            var i = low;
            var j = high;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
            // Now everything in [low, j] is at most the pivot, everything in [i, high] at least it, and anything between equals it.
            if (k <= j) high = j;
            else if (k >= i) low = i;
            else break;
        }
        return values[k];
    }

    /// <summary>Replaces the root of the min-heap <paramref name="heap"/> with <paramref name="value"/> and restores the heap.</summary>
    private static void ReplaceEarliest(Span<long> heap, long value)
    {
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= heap.Length) break;
            if (child + 1 < heap.Length && heap[child + 1] < heap[child]) child++;
            if (heap[child] >= value) break;
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = value;
    }

    /// <summary>A queue's average handle time as the estimate uses it, in nanoseconds.</summary>
    public readonly struct HandleTimes(Duration average)
    {
        /// <summary>The average handle time.</summary>
        public long Average { get; } = average.ToInt64Nanoseconds();

        // A call that has run past the average still ends some time; assume a tenth of the average more.
        private readonly long _overrun = (average * OverrunShare).ToInt64Nanoseconds();

        /// <summary>When an agent on a call comes free, in nanoseconds from now, given when the call started (nanoseconds from now: not after it).</summary>
        public long FreeAfterCall(long callStartedIn) => Math.Max(callStartedIn + Average, _overrun);
    }
}
