using System.Net;
using IvrEngine.Hosting;
using IvrEngine.Hosting.Callbacks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace IvrEngine.Cluster;

/// <summary>
/// <c>ivr serve --cluster</c>: an Orleans silo in the same host as the HTTP door, clustered through the
/// PostgreSQL membership table; the <see cref="LineGrain"/> decides which silo serves the line, and the
/// door forwards to it (<see cref="LineForwarding"/>).
/// </summary>
public static class ClusterHosting
{
    /// <summary>Orleans' service id: silos of every IvrEngine cluster share it; the cluster id tells clusters apart.</summary>
    private const string ServiceId = "ivr";

    /// <param name="database">The membership database (its tables made by <see cref="PrepareDatabase"/>).</param>
    /// <param name="advertised">The HTTP address others forward to; its host also names the address silos reach this one at.</param>
    public static void AddIvrCluster(this IHostApplicationBuilder builder, ClusterSettings settings, PostgresConnection database, Uri advertised)
    {
        var address = SiloAddressOf(advertised);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = ServiceId;
            });
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = database.ConnectionString;
            });
            // Named by its HTTP address, so GET /cluster and the membership table say which door is which.
            silo.Configure<SiloOptions>(o => o.SiloName = advertised.ToString().TrimEnd('/'));
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = address;
                o.SiloPort = settings.SiloPort;
                // No Orleans clients: the HTTP door is the only way in.
                o.GatewayPort = 0;
            });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // A phone line cannot wait Orleans' default half minute or more to learn a server died:
                // three missed probes of ProbeSeconds each, then the survivors' votes, declare it dead.
                o.ProbeTimeout = TimeSpan.FromSeconds(settings.ProbeSeconds);
                o.NumMissedProbesLimit = 3;
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
                o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            });
            silo.AddIvrLineDirectory();
        });
        builder.Services.AddIvrClusterLine(settings);
        builder.Services.AddSingleton(new LineMenuHistory(database));
        builder.Services.AddSingleton<LineForwarding>();
        builder.Services.AddHttpForwarder();
    }

    /// <summary>
    /// Orleans' strongly consistent grain directory, for the line's grain above all: the default directory
    /// is eventually consistent, and while a silo joins (its share of the directory's hash ring not yet
    /// handed over) a question from it could find no activation and make a second one: two silos would
    /// each serve the line, each with its own queues, until Orleans noticed. This one hands each range
    /// of the ring over under a lock before the new silo answers for it, so the line has one server.
    /// </summary>
    public static ISiloBuilder AddIvrLineDirectory(this ISiloBuilder silo)
    {
#pragma warning disable ORLEANSEXP003 // Marked for evaluation by Orleans; it is the directory that never makes a second activation.
        return silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
    }

    /// <summary>
    /// This silo's side of the line (after the engine, the callback store, the menu catalog and the HTTP
    /// door's <c>ServedLine</c>): what it would serve, who serves it, and the watch that asks.
    /// </summary>
    public static IServiceCollection AddIvrClusterLine(this IServiceCollection services, ClusterSettings settings)
    {
        services.AddSingleton(Options.Create(settings));
        // Orleans takes the host's TimeProvider for its heartbeat, probes, messaging and directory. The
        // engine registers the calls' clock there, which may be virtual or sped up, and a virtual clock
        // would stop the cluster. Calls keep their own clock (CallClock.Time); the host's is the wall's.
        services.AddSingleton<TimeProvider>(static sp => sp.GetRequiredService<CallClock>().WallTime);
        services.AddSingleton<LocalLine>();
        services.AddSingleton<LineRoute>();
        services.AddHostedService<LineOwnerWatch>();
        return services;
    }

    /// <summary>Creates Orleans' membership tables unless they exist (once, however many silos start together).</summary>
    /// <exception cref="ClusterException">The database cannot be used.</exception>
    public static void PrepareDatabase(PostgresConnection database) => OrleansTables.EnsureCreated(database);

    /// <summary>Forwarding first (a request this silo does not serve goes on at once), then the silo's own status at <c>/cluster</c>.</summary>
    public static IApplicationBuilder UseIvrCluster(this IApplicationBuilder app)
    {
        var forwarding = app.ApplicationServices.GetRequiredService<LineForwarding>();
        app.Use((context, next) => forwarding.InvokeAsync(context, next));
        app.Map("/cluster", status => status.Run(ClusterStatus.WriteAsync));
        return app;
    }

    /// <summary>The address other silos reach this one at: the advertised URL's host (a name is resolved once, at start).</summary>
    private static IPAddress SiloAddressOf(Uri advertised)
    {
        if (IPAddress.TryParse(advertised.Host.Trim('[', ']'), out var literal)) return literal;
        if (advertised.IsLoopback) return IPAddress.Loopback;
        var resolved = Dns.GetHostAddresses(advertised.Host);
        return resolved.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? resolved.FirstOrDefault()
            ?? throw new ClusterException($"the advertised address {advertised} names no address this machine can resolve");
    }
}
