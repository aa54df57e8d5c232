using System.Collections.Immutable;
using NodaTime;

namespace IvrEngine.Hours;

/// <summary>Special hours on one date, replacing the week's hours and any closed date; no ranges means closed all day.</summary>
public sealed record DateOverride(LocalDate Date, ImmutableArray<TimeRange> Ranges)
{
    public bool IsClosed => Ranges.IsEmpty;

    /// <summary>How answers name it: <c>override 2026-12-24 09:00–14:00</c> or <c>override 2026-12-24 closed</c>.</summary>
    /// <remarks>Made once: schedules name it for every span they plan on the date.</remarks>
    public string Rule { get; } = $"override {HoursText.Date(Date)} {(Ranges.IsEmpty ? "closed" : string.Join(", ", Ranges))}";
}
