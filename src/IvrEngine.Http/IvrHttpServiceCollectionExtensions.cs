using IvrEngine.Http.Infrastructure;
using IvrEngine.Http.Twiml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace IvrEngine.Http;

/// <summary>Registers the HTTP door beside the engine (<c>AddIvrEngine</c>, <c>AddIvrCallbacks</c>, <c>AddMenuCatalog</c> come first).</summary>
public static class IvrHttpServiceCollectionExtensions
{
    public static IServiceCollection AddIvrHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpServeOptions>().Bind(configuration.GetSection(HttpServeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRouting();
        services.AddSingleton<IvrMetrics>();
        services.AddSingleton<ServedLine>();
        services.AddSingleton<Menus.MenuDiagrams>();
        services.AddSingleton<TwimlCalls>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Framework answers (no route, a body over Kestrel's limit) get the same problem types as the API's own.
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails.Type is null || context.ProblemDetails.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
            {
                context.ProblemDetails.Type = Problems.TypeForStatus(status);
            }
        });
        // A form past its limits (a 200,000-character Digits) throws InvalidDataException when read: the sender's fault, not the server's.
        services.AddExceptionHandler(o => o.StatusCodeSelector = exception => exception switch
        {
            Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status500InternalServerError,
        });
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<CallThreadHealthCheck>("calls-thread", tags: ["live", "ready"])
            .AddCheck<MenuHealthCheck>("menu", tags: ["ready"])
            .AddCheck<StoreHealthCheck>("callback-store", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(IvrMetrics.MeterName).AddPrometheusExporter());
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = configuration.GetSection(HttpServeOptions.SectionName).GetValue<int?>(nameof(HttpServeOptions.MaxBodyBytes)) ?? new HttpServeOptions().MaxBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            o.Limits.MaxRequestLineSize = 8 * 1024;
            o.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o => o.ValueLengthLimit = 64 * 1024);
        return services;
    }
}
