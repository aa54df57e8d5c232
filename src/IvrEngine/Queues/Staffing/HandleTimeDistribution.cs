namespace IvrEngine.Queues.Staffing;

/// <summary>The shape of simulated talk times.</summary>
public enum HandleTimeDistribution
{
    /// <summary>Memoryless: the textbook (Erlang C) assumption.</summary>
    Exponential,

    /// <summary>Skewed with a long tail: what real call centres measure.</summary>
    LogNormal,

    /// <summary>Always the mean: handy for tests with known answers.</summary>
    Fixed,
}
