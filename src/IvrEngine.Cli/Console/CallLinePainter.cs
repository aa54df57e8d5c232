namespace IvrEngine.Cli.Console;

/// <summary>
/// How the console shows its lines: what the line says stands out (bold), the engine's notes
/// (<c>· state …</c>) step back (dim), so the caller's view reads at a glance. Colour only on a
/// terminal and not when <c>NO_COLOR</c> is set (no-color.org); <c>--quiet-events</c> hides the
/// notes altogether, leaving what a caller hears. Given the terminal's width, long lines are
/// wrapped between words under their text ("[0:00] IVR: " stays alone on the left), where the
/// terminal itself would cut them mid-word.
/// </summary>
internal sealed class CallLinePainter(bool colour, bool quietEvents, int? width = null)
{
    /// <summary>Narrower than this, wrapping under the text would leave too little room to help.</summary>
    private const int MinWidth = 30;

    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    /// <summary>Plain lines, every note shown: piped output and tests.</summary>
    public static readonly CallLinePainter Plain = new(colour: false, quietEvents: false);

    /// <summary>Colour when <paramref name="outputIsTerminal"/> and <c>NO_COLOR</c> is unset or empty.</summary>
    public static CallLinePainter For(bool outputIsTerminal, string? noColor, bool quietEvents, int? width = null) =>
        new(outputIsTerminal && string.IsNullOrEmpty(noColor), quietEvents, outputIsTerminal ? width : null);

    /// <summary>
    /// The painter for lines written to <paramref name="output"/>: colour and wrapping only when it is this
    /// process's console and that is a terminal, so piped output and files stay plain text.
    /// </summary>
    public static CallLinePainter ForOutput(TextWriter output, bool quietEvents)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        return For(terminal, Environment.GetEnvironmentVariable("NO_COLOR"), quietEvents, terminal ? TerminalWidth() : null);
    }

    /// <summary>The terminal's columns, or null when there is none to ask (no console).</summary>
    private static int? TerminalWidth()
    {
        try
        {
            return System.Console.WindowWidth;
        }
        catch (Exception exception) when (exception is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The line to print for something the line said (<paramref name="spoken"/>) or an engine note; null to print nothing.</summary>
    public string? Paint(string line, bool spoken)
    {
        if (!spoken && quietEvents) return null;
        if (width is >= MinWidth and var columns) line = Wrap(line, columns);
        if (!colour) return line;
        return (spoken ? Bold : Dim) + line + Reset;
    }

    /// <summary>Breaks <paramref name="line"/> between words to fit <paramref name="columns"/>, each new line indented to where the text began.</summary>
    private static string Wrap(string line, int columns)
    {
        if (line.Length < columns) return line;
        var text = TextStart(line);
        var indent = new string(' ', text);
        var wrapped = new System.Text.StringBuilder(line[..text]);
        var used = text;
        foreach (var word in line[text..].Split(' '))
        {
            if (used > text && used + 1 + word.Length >= columns)
            {
                wrapped.Append('\n').Append(indent);
                used = text;
            }
            else if (used > text)
            {
                wrapped.Append(' ');
                used++;
            }

            wrapped.Append(word);
            used += word.Length;
        }

        return wrapped.ToString();
    }

    /// <summary>Where the words begin: after "[0:00] IVR: " for speech, after "[0:00] · " for a note, else after the first space.</summary>
    private static int TextStart(string line)
    {
        foreach (var marker in (ReadOnlySpan<string>)["] IVR: ", "] · "])
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at is >= 0 and < 32) return at + marker.Length;
        }

        return line.IndexOf(' ', StringComparison.Ordinal) + 1;
    }
}
