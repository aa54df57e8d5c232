using IvrEngine.Queues.Staffing;

namespace IvrEngine.Simulation.Kernel;

/// <summary>A kernel caller's random stream, kept in their <see cref="CallSlot"/>: the same SplitMix64 draws as <see cref="CallerRandom"/>, without an object per caller.</summary>
internal readonly struct SlotRandom(CallSlot[] calls, int slot) : IUniformRandom
{
    public double NextDouble() => CallerRandom.NextDouble(ref calls[slot].Random);

    public int Next(int maxExclusive) => CallerRandom.Next(ref calls[slot].Random, maxExclusive);
}
