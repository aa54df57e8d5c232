namespace IvrEngine.Flows;

/// <summary>Where something is written in a flow file: 1-based line and column (characters, as editors count).</summary>
public sealed record FlowLocation(string File, int Line, int Column)
{
    /// <summary>The compiler form editors and CI logs link: <c>file(line,col)</c>.</summary>
    public override string ToString() => $"{File}({Line},{Column})";
}
