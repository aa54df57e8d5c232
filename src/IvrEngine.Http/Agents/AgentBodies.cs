namespace IvrEngine.Http.Agents;

/// <summary>
/// POST /agents: a person signs in, either at a live seat of the staffing file (<see cref="Agent"/>, its
/// name) or under a name of their own with the queues they answer (<see cref="Name"/> and <see cref="Queues"/>,
/// queue → tier 1-9); <see cref="Dial"/> is where the TwiML bridge puts their callers through.
/// </summary>
public sealed class SignInBody
{
    public string? Agent { get; set; }

    public string? Name { get; set; }

    public Dictionary<string, int>? Queues { get; set; }

    public DialBody? Dial { get; set; }
}

/// <summary>Where a live agent takes calls that come through the TwiML bridge: a Twilio Client identity, or a phone number (E.164).</summary>
public sealed class DialBody
{
    public string? Client { get; set; }

    public string? Number { get; set; }
}

/// <summary>POST /agents/{id}/not-ready: why (a break, lunch, training).</summary>
public sealed class NotReadyBody
{
    public string? Reason { get; set; }
}

/// <summary>
/// POST /agents/{id}/accept, /decline, /hangup: optionally the call the agent means; when given and not
/// the agent's call, the request is refused (403 <c>not-your-call</c>) and nothing changes.
/// </summary>
public sealed class AgentCallBody
{
    public string? Call { get; set; }
}

/// <summary>POST /agents/{id}/transfer: the queue the agent hands their caller to (and optionally the call they mean).</summary>
public sealed class AgentTransferBody
{
    public string? Queue { get; set; }

    public string? Call { get; set; }
}
