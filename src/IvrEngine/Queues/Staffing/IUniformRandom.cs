namespace IvrEngine.Queues.Staffing;

/// <summary>A source of uniform random numbers in [0, 1): what a distribution needs to draw from.</summary>
public interface IUniformRandom
{
    double NextDouble();
}

/// <summary>A <see cref="Random"/> as a <see cref="IUniformRandom"/>, without an allocation.</summary>
public readonly struct UniformFrom(Random random) : IUniformRandom
{
    public double NextDouble() => random.NextDouble();
}
