using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IvrEngine.Cluster;

/// <summary><c>GET /cluster</c>: this silo, who serves the line, and every silo the membership table lists with its status.</summary>
internal static class ClusterStatus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var line = services.GetRequiredService<LocalLine>();
        var owner = services.GetRequiredService<LineRoute>().Owner;
        var membership = services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
        var local = services.GetRequiredService<ILocalSiloDetails>();
        var status = new
        {
            cluster = services.GetRequiredService<IOptions<ClusterSettings>>().Value.ClusterId,
            silo = local.SiloAddress.ToString(),
            line = line.Name,
            servedHere = line.IsServing,
            servedAt = line.IsServing ? line.HttpUrl : owner?.HttpUrl,
            servedBy = line.IsServing ? local.SiloAddress.ToString() : owner?.Silo,
            silos = membership.Members.Values
                .OrderBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal)
                .Select(m => new { address = m.SiloAddress.ToString(), name = m.Name, status = m.Status.ToString() }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(status, Json));
    }
}
