using NodaTime;

namespace IvrEngine.Menus;

/// <summary>
/// A per-call limit across all nodes, so a caller is never stuck looping through menus whose
/// retry counters each reset (a classic IVR complaint). When either limit is reached the call
/// goes to <see cref="Target"/> (by default the escape target: a human).
/// </summary>
/// <param name="MaxFailedInputs">No-inputs plus invalid inputs over the whole call.</param>
/// <param name="MaxMenuTime">Time spent in the menus since the call started.</param>
public sealed record CallBudget(int MaxFailedInputs, Duration MaxMenuTime, MenuAction Target, LocalizedText Message);
