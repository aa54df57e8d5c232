using IvrEngine.Http.Agents;
using IvrEngine.Http.Calls;
using IvrEngine.Http.Callbacks;
using IvrEngine.Http.Infrastructure;
using IvrEngine.Http.Menus;
using IvrEngine.Http.Pages;
using IvrEngine.Http.Queues;
using IvrEngine.Http.Twiml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IvrEngine.Http;

/// <summary>The HTTP door's pipeline: problem details for every error, the size limit, the pages, then the endpoints.</summary>
public static class IvrHttpApplicationBuilderExtensions
{
    /// <param name="twiml">Also answer the TwiML webhooks (<c>--twiml</c>).</param>
    public static IApplicationBuilder UseIvrHttp(this IApplicationBuilder app, bool twiml)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // Refused before anything reads it; Kestrel's own limit catches bodies sent without a length.
            var limit = context.RequestServices.GetRequiredService<IOptions<HttpServeOptions>>().Value.MaxBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Problems.TooLarge(limit).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        app.UsePageFiles();
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            var writes = endpoints.MapGroup("").AddEndpointFilter<ApiKeyFilter>();
            CallEndpoints.Map(endpoints, writes);
            QueueEndpoints.Map(endpoints);
            AgentEndpoints.Map(endpoints, writes);
            CallbackEndpoints.Map(endpoints, writes);
            MenuEndpoints.Map(endpoints, writes);
            if (twiml) TwimlEndpoints.Map(endpoints);
            endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
            endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
            endpoints.MapOpenApi();
            endpoints.MapPrometheusScrapingEndpoint();
        });
        return app;
    }
}
