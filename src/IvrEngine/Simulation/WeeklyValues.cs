namespace IvrEngine.Simulation;

/// <summary>One number per interval of a week (calls per hour, agents), as a scenario's rows set them.</summary>
public sealed class WeeklyValues
{
    private readonly double[] _values;

    public WeeklyValues(WeekGrid grid, double[] values)
    {
        if (values.Length != grid.IntervalsPerWeek) throw new ArgumentException($"A week of {grid.IntervalMinutes}-minute intervals has {grid.IntervalsPerWeek} values.", nameof(values));
        Grid = grid;
        _values = values;
    }

    public WeekGrid Grid { get; }

    public double this[int interval] => _values[interval];

    public double Max => _values.Max();

    public double Sum => _values.Sum();

    /// <summary>A copy with <paramref name="interval"/> set to <paramref name="value"/> (staffing what-ifs).</summary>
    public WeeklyValues With(int interval, double value)
    {
        var copy = (double[])_values.Clone();
        copy[interval] = value;
        return new WeeklyValues(Grid, copy);
    }

    public double[] ToArray() => (double[])_values.Clone();
}
