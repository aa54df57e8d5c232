using NodaTime;

namespace IvrEngine.Hours;

/// <summary>Whether a schedule is open at an instant, which rule decided, and when that changes.</summary>
/// <param name="Rule">The deciding rule: <c>weekly Mon 09:00–23:30</c>, <c>holiday Thanksgiving</c>,
/// <c>override 2026-12-24 09:00–14:00</c>, <c>emergency closure</c>, <c>outside weekly Mon 09:00–23:30</c>, <c>weekly: closed Sun</c>.</param>
/// <param name="NextChange">When it next opens (if closed) or closes (if open); null when it never does
/// within two years, or while an emergency closure lasts (it ends when switched off).</param>
public sealed record HoursAnswer(bool IsOpen, string Rule, Instant? NextChange);
