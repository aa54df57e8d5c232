using System.ComponentModel.DataAnnotations;

namespace IvrEngine.Http;

/// <summary>The HTTP door's settings (<c>Ivr:Http</c> in appsettings.json, or <c>IVR_Ivr__Http__…</c> variables).</summary>
public sealed class HttpServeOptions
{
    public const string SectionName = "Ivr:Http";

    /// <summary>
    /// The key write requests must carry (<c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c>).
    /// Without one the service binds only to loopback; with one, every write endpoint asks for it.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The telephony provider's auth token: every TwiML webhook's <c>X-Twilio-Signature</c> is checked against it.</summary>
    public string? TwilioAuthToken { get; set; }

    /// <summary>
    /// The address the provider calls the webhooks at, when it differs from what this process sees
    /// (behind a proxy or a tunnel): signatures are computed over the public URL.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Calls live at once; one more is refused with 429 until one ends.</summary>
    [Range(1, 1_000_000)]
    public int MaxCalls { get; set; } = 2000;

    /// <summary>The largest request body, in bytes (a posted menu is the largest thing sent).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Ended calls kept readable (state and event stream) after they end; older ones are forgotten.</summary>
    [Range(0, 1_000_000)]
    public int EndedCallsKept { get; set; } = 1000;

    /// <summary>Where the TwiML bridge finds hold music: a URL per music class (<c>carrier-default</c>); a class without one is silence.</summary>
    public Dictionary<string, string> HoldMusic { get; set; } = new(StringComparer.Ordinal);
}
