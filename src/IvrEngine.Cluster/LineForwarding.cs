using System.Net;
using IvrEngine.Http.Infrastructure;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace IvrEngine.Cluster;

/// <summary>
/// Any silo's HTTP door reaches the line: a request this silo cannot answer (it does not serve the line)
/// is forwarded to the silo that does, streamed both ways (event streams included), with the caller's
/// Host header kept so webhook signatures still check. Liveness, metrics and the cluster's status are
/// this process's own and never forwarded. While no silo serves the line — the cluster is forming, or
/// the serving silo just died and is not yet declared dead — requests get 503 with Retry-After.
/// </summary>
internal sealed class LineForwarding(LocalLine line, LineRoute route, IHttpForwarder forwarder)
{
    /// <summary>Set on a forwarded request: the silo it reaches answers it or says 503, never forwards it again (no loops while two silos disagree).</summary>
    public const string ForwardedHeader = "X-Ivr-Forwarded-By";

    private static readonly string[] LocalPaths = ["/healthz", "/metrics", "/cluster"];

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        EnableMultipleHttp2Connections = true,
        ActivityHeadersPropagator = null,
    });

    private readonly ForwarderRequestConfig _config = new() { ActivityTimeout = TimeSpan.FromMinutes(10) };

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (line.IsServing || IsLocal(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (route.Owner is not { } owner || context.Request.Headers.ContainsKey(ForwardedHeader))
        {
            await LineMoving(context, "No server of the cluster serves the line at this moment (it is starting, or moving from a server that stopped); try again in a second.");
            return;
        }
        var error = await forwarder.SendAsync(context, owner.HttpUrl, _client, _config, new KeepHostTransformer(line.Silo));
        if (error is ForwarderError.None) return;
        route.Failed(owner);
        if (!context.Response.HasStarted) await LineMoving(context, $"The server that serves the line ({owner.HttpUrl}) did not answer; the line is moving to another. Try again in a second.");
    }

    private static bool IsLocal(PathString path) => LocalPaths.Any(local => path.StartsWithSegments(local, StringComparison.OrdinalIgnoreCase));

    private static Task LineMoving(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "1";
        return Problems.Problem(StatusCodes.Status503ServiceUnavailable, "line-moving", "Line moving", detail).ExecuteAsync(context);
    }

    /// <summary>YARP's default transform, keeping the Host the client used (a TwiML signature covers the URL it called) and marking the hop.</summary>
    private sealed class KeepHostTransformer(string silo) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.Host = httpContext.Request.Host.Value;
            proxyRequest.Headers.TryAddWithoutValidation(ForwardedHeader, silo);
        }
    }
}
