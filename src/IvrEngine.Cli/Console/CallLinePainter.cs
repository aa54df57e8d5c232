namespace IvrEngine.Cli.Console;

/// <summary>
/// How the console shows its lines: what the line says stands out (bold), the engine's notes
/// (<c>· state …</c>) step back (dim), so the caller's view reads at a glance. Colour only on a
/// terminal and not when <c>NO_COLOR</c> is set (no-color.org); <c>--quiet-events</c> hides the
/// notes altogether, leaving what a caller hears.
/// </summary>
internal sealed class CallLinePainter(bool colour, bool quietEvents)
{
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    /// <summary>Plain lines, every note shown: piped output and tests.</summary>
    public static readonly CallLinePainter Plain = new(colour: false, quietEvents: false);

    /// <summary>Colour when <paramref name="outputIsTerminal"/> and <c>NO_COLOR</c> is unset or empty.</summary>
    public static CallLinePainter For(bool outputIsTerminal, string? noColor, bool quietEvents) =>
        new(outputIsTerminal && string.IsNullOrEmpty(noColor), quietEvents);

    /// <summary>The line to print for something the line said (<paramref name="spoken"/>) or an engine note; null to print nothing.</summary>
    public string? Paint(string line, bool spoken)
    {
        if (!spoken && quietEvents) return null;
        if (!colour) return line;
        return (spoken ? Bold : Dim) + line + Reset;
    }
}
