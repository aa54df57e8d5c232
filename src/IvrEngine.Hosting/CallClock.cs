using IvrEngine.Time;
using NodaTime;
using NodaTime.Extensions;

namespace IvrEngine.Hosting;

/// <summary>
/// The host's one time source: a .NET <see cref="TimeProvider"/> (timers, Polly) and the NodaTime
/// <see cref="IClock"/> derived from it, so business hours, timeouts and transcripts agree.
/// This is the only place that touches the wall clock.
/// </summary>
public sealed class CallClock
{
    // The build bans TimeProvider.System everywhere else (eng/BannedSymbols.txt): this is the one read of it.
#pragma warning disable RS0030
    private static readonly TimeProvider Wall = TimeProvider.System;
#pragma warning restore RS0030

    private CallClock(TimeProvider time, VirtualClock? virtualClock, Duration warmUp = default)
    {
        Time = time;
        Clock = time.ToClock();
        Virtual = virtualClock;
        WarmUp = warmUp;
    }

    /// <summary>How long the clock runs virtually before the start instant (<see cref="CallHost.FinishWarmUpAsync"/>); zero for none.</summary>
    public Duration WarmUp { get; }

    public TimeProvider Time { get; }

    public IClock Clock { get; }

    /// <summary>Set in virtual mode: the clock that <see cref="CallHost.AdvanceAsync"/> moves.</summary>
    public VirtualClock? Virtual { get; }

    /// <summary>
    /// The wall clock whatever the calls' clock is: for the machinery between servers that must keep
    /// real time even when calls run virtual, shifted or fast (a cluster's membership probes, its
    /// messaging and its questions to the line's owner).
    /// </summary>
    public TimeProvider WallTime => Wall;

    public ClockMode Mode => Virtual is null ? ClockMode.Real : ClockMode.Virtual;

    /// <summary>The wall clock, optionally starting at <paramref name="startAt"/> and running <paramref name="speed"/> times real speed from there.</summary>
    public static CallClock Real(Instant? startAt = null, double speed = 1) =>
        new(startAt is null && speed == 1
            ? Wall
            : new ShiftedTimeProvider(Wall, startAt ?? Wall.GetUtcNow().ToInstant(), speed), null);

    /// <summary>Virtual time starting at <paramref name="startAt"/>, or <paramref name="warmUp"/> before it.</summary>
    public static CallClock VirtualAt(Instant startAt, Duration warmUp = default)
    {
        var clock = new VirtualClock(startAt - warmUp);
        return new CallClock(clock, clock, warmUp);
    }

    /// <summary>
    /// Real time from <paramref name="startAt"/> (default: now) at <paramref name="speed"/>, after
    /// <paramref name="warmUp"/> of virtual time before it (<see cref="WarmUpTimeProvider"/>).
    /// </summary>
    public static CallClock RealAfterWarmUp(Instant? startAt, double speed, Duration warmUp) =>
        new(new WarmUpTimeProvider(Wall, startAt ?? Wall.GetUtcNow().ToInstant(), warmUp, speed), null, warmUp);

    /// <summary>
    /// Completes after <paramref name="duration"/> on this clock. Unlike the BCL's delay on a <see cref="TimeProvider"/>,
    /// whose continuations always go to the thread pool, the continuation runs where the timer fires:
    /// on a virtual clock that is inside <see cref="VirtualClock.Advance"/>, on the calls' thread, so
    /// virtual time stays deterministic and single-threaded.
    /// </summary>
    internal async Task DelayAsync(Duration duration, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource();
        using var timer = Time.CreateTimer(_ => done.TrySetResult(), null, duration.ToTimeSpan(), Timeout.InfiniteTimeSpan);
        using var cancel = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        await done.Task.ConfigureAwait(false);
    }

    /// <summary>The clock the options ask for, with <paramref name="warmUp"/> before its start (only <c>ivr call --busy</c> asks for one).</summary>
    internal static CallClock FromOptions(IvrOptions options, Duration warmUp = default)
    {
        Instant? startAt = null;
        if (!string.IsNullOrWhiteSpace(options.StartAt) && IvrEngine.Time.StartTimeParser.TryParse(options.StartAt, out var parsed, out _)) startAt = parsed;
        return options.Clock == ClockMode.Virtual ? VirtualAt(startAt ?? Wall.GetUtcNow().ToInstant(), warmUp)
            : warmUp > Duration.Zero ? RealAfterWarmUp(startAt, options.Speed, warmUp)
            : Real(startAt, options.Speed);
    }
}
