using System.Collections.Immutable;

namespace IvrEngine.Simulation;

/// <summary>Weighted actions at one node (<c>"1"</c>, <c>"silence"</c>, <c>"hangup"</c>), drawn with one uniform number.</summary>
public sealed class ChoiceTable
{
    private readonly string[] _actions;
    private readonly double[] _cumulative;

    public ChoiceTable(IEnumerable<(string Action, double Weight)> weighted)
    {
        var rows = weighted.Where(r => r.Weight > 0).ToArray();
        if (rows.Length == 0) throw new ArgumentException("A choice table needs at least one action with a weight above 0.", nameof(weighted));
        var total = rows.Sum(r => r.Weight);
        _actions = rows.Select(r => r.Action).ToArray();
        _cumulative = new double[rows.Length];
        var running = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            running += rows[i].Weight / total;
            _cumulative[i] = running;
        }
        _cumulative[^1] = 1.0;
        Shares = rows.Select(r => (r.Action, r.Weight / total)).ToImmutableArray();
    }

    /// <summary>Each action with its share (weights normalised to 1).</summary>
    public ImmutableArray<(string Action, double Share)> Shares { get; }

    /// <summary>The action for a uniform number in [0, 1).</summary>
    public string Pick(double uniform) => _actions[PickIndex(uniform)];

    /// <summary>The row <paramref name="uniform"/> picks, as an index into <see cref="Shares"/>: what the compiled kernel looks up in its own table.</summary>
    internal int PickIndex(double uniform)
    {
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (uniform < _cumulative[i]) return i;
        }
        return _cumulative.Length - 1;
    }
}
