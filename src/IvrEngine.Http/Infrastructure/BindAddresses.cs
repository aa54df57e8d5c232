using System.Net;

namespace IvrEngine.Http.Infrastructure;

/// <summary>The start-up rule: a service reachable from other machines must have an API key.</summary>
public static class BindAddresses
{
    /// <summary>Null when <paramref name="url"/> may be served with the key given (or none); else why not, in one line.</summary>
    public static string? Problem(string url, string? apiKey)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"--http '{url}' is not an http:// or https:// address such as http://127.0.0.1:5080";
        }
        if (IsLoopback(uri.Host) || !string.IsNullOrEmpty(apiKey)) return null;
        return $"--http {url} would be reachable from other machines; set an API key first (Ivr:Http:ApiKey, or IVR_Ivr__Http__ApiKey), or bind to 127.0.0.1";
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
