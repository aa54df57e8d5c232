using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IvrEngine.Http.Infrastructure;

/// <summary>
/// Reads a request's JSON body within the size limit. A body that is not JSON, or has a field of
/// the wrong kind, is a 400 naming the field (its JSON path); an empty body is the type's defaults.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class, new()
    {
        var (bytes, tooLarge) = await ReadBytesAsync(request);
        if (tooLarge is not null) return (null, tooLarge);
        if (bytes.Length == 0) return (new T(), null);
        try
        {
            return (JsonSerializer.Deserialize<T>(bytes, Options) ?? new T(), null);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
            // The serializer's own message names .NET types: the client is told the place and the likely causes instead.
            return (null, Problems.Invalid(field, $"The body is not the JSON expected at {field}: not JSON, a value of the wrong kind, or a field this request does not take."));
        }
    }

    /// <summary>The raw body, or a 413 problem when it is over the limit (read up to one byte past it, never all of it).</summary>
    public static async Task<(byte[] Bytes, IResult? Problem)> ReadBytesAsync(HttpRequest request)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<HttpServeOptions>>().Value.MaxBodyBytes;
        if (request.ContentLength > limit) return ([], Problems.TooLarge(limit));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return ([], Problems.TooLarge(limit));
        }
        return (buffer.ToArray(), null);
    }
}
