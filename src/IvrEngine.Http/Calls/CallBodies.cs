namespace IvrEngine.Http.Calls;

/// <summary>POST /calls: which menu (the one served, by name; no paths), the caller's language and number.</summary>
public sealed class StartCallBody
{
    public string? Menu { get; set; }

    public string? Locale { get; set; }

    public string? CallerId { get; set; }
}

/// <summary>POST /calls/{reference}/press: keys pressed with no pause between them (<c>"21#"</c>).</summary>
public sealed class PressBody
{
    public string? Keys { get; set; }
}

/// <summary>POST /calls/{reference}/say: what the speech recogniser heard.</summary>
public sealed class SayBody
{
    public string? Words { get; set; }
}

/// <summary>POST /calls/{reference}/transfer: the agent on the line hands the caller to another queue.</summary>
public sealed class TransferBody
{
    public string? Queue { get; set; }
}

/// <summary>POST /clock/advance (virtual time only): let this many seconds pass.</summary>
public sealed class AdvanceBody
{
    public double? Seconds { get; set; }
}
