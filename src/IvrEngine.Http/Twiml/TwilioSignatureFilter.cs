using IvrEngine.Http.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace IvrEngine.Http.Twiml;

/// <summary>
/// Every webhook must carry a valid <c>X-Twilio-Signature</c> for the configured auth token (the
/// provider signs the URL it called and the posted form): a missing or wrong one gets 403 and
/// reaches no call. SignalWire and Telnyx sign the same way when given the same token.
/// </summary>
internal sealed class TwilioSignatureFilter(IOptions<HttpServeOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var token = options.Value.TwilioAuthToken;
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(token)) return Problems.Forbidden("No auth token is configured (Ivr:Http:TwilioAuthToken): no webhook can be trusted.");
        if (signature.Length == 0) return Problems.Forbidden("The request carries no X-Twilio-Signature.");
        if (!request.HasFormContentType) return Problems.Forbidden("A webhook is a form post (application/x-www-form-urlencoded).");

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (!new RequestValidator(token).Validate(PublicUrl(request), parameters, signature))
        {
            return Problems.Forbidden("The X-Twilio-Signature does not match this request and the configured auth token.");
        }
        return await next(context);
    }

    /// <summary>The URL the provider called: the configured public address when set (behind a proxy), else this request's own.</summary>
    internal string PublicUrl(HttpRequest request)
    {
        var origin = options.Value.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return origin + request.Path + request.QueryString;
    }
}
