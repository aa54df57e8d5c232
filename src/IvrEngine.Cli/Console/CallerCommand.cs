using NodaTime;

namespace IvrEngine.Cli.Console;

/// <summary>One line the person at the console typed, read as what a caller does.</summary>
internal abstract record CallerCommand
{
    public const string Usage = "keys (1, 00, 21#, or press 1 as in flows), say <words>, wait [seconds], where, transfer <queue>, hangup, help";

    /// <summary>Reads a line; anything unreadable becomes <see cref="Unknown"/>, never an exception.</summary>
    public static CallerCommand Parse(string line)
    {
        var text = line.Trim();
        if (text.Length == 0) return new Nothing();

        var keys = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (keys.All(c => char.IsAsciiDigit(c) || c is '*' or '#')) return new PressKeys(keys);

        var space = text.IndexOfAny([' ', '\t']);
        var verb = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        return verb switch
        {
            // The flow language's spelling too, so a step copied from a .flow file works here.
            "press" when rest.Length > 0 && Parse(rest) is PressKeys press => press,
            "press" => new Unknown("Press which keys? For example: press 1 or press 1234#"),
            "say" when rest.Length > 0 => new SayWords(rest),
            "say" => new Unknown("Say what? For example: say billing"),
            "wait" => ParseWait(rest),
            "hangup" or "bye" or "quit" or "exit" => new HangUp(),
            "hang" when rest.Equals("up", StringComparison.OrdinalIgnoreCase) => new HangUp(),
            "where" => new Where(),
            "transfer" when rest.Length > 0 => new TransferTo(rest),
            "transfer" => new Unknown("Transfer to which queue? For example: transfer retention"),
            "help" or "?" => new Help(),
            // Echoed to the terminal: NUL, ESC ("ESC[2J" clears the screen) and bidi overrides are shown, not obeyed.
            _ => new Unknown($"Unknown command '{CallEventFormatter.Printable(text)}'. Try: {Usage}."),
        };
    }

    /// <summary><c>wait</c> takes durations as flows write them (<see cref="Flows.DurationText"/>), so a step copied from a .flow file works here.</summary>
    private static CallerCommand ParseWait(string rest)
    {
        if (rest.Length == 0) return new Wait(null);
        return Flows.DurationText.TryParse(rest, out var duration)
            ? new Wait(duration)
            : new Unknown($"'{CallEventFormatter.Printable(rest)}' is not a time to wait; write e.g. wait 5 (seconds) or wait 2m, up to a day.");
    }

    /// <summary>Key presses in order, with no pause between them.</summary>
    public sealed record PressKeys(string Keys) : CallerCommand;

    public sealed record SayWords(string Utterance) : CallerCommand;

    /// <summary>Let time pass; null means "until the line does something" (the next timeout).</summary>
    public sealed record Wait(Duration? For) : CallerCommand;

    public sealed record HangUp : CallerCommand;

    public sealed record Where : CallerCommand;

    /// <summary>The agent on the line hands the caller to another queue.</summary>
    public sealed record TransferTo(string Queue) : CallerCommand;

    public sealed record Help : CallerCommand;

    public sealed record Nothing : CallerCommand;

    public sealed record Unknown(string Message) : CallerCommand;
}
