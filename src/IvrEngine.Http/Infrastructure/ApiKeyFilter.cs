using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IvrEngine.Http.Infrastructure;

/// <summary>
/// Write endpoints ask for the configured key (<c>X-Api-Key</c>, or <c>Authorization: Bearer</c>);
/// with no key configured the service listens on loopback only (<see cref="BindAddresses"/>), and
/// nothing is asked.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<HttpServeOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.Value.ApiKey is not { Length: > 0 } key) return next(context);
        var headers = context.HttpContext.Request.Headers;
        var given = headers["X-Api-Key"].ToString();
        if (given.Length == 0 && headers.Authorization.ToString() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = authorization["Bearer ".Length..].Trim();
        }
        // A constant-time comparison: the key is not guessed a character at a time from response times.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key))
            ? next(context)
            : ValueTask.FromResult<object?>(Problems.Unauthorized());
    }
}
