using System.ComponentModel.DataAnnotations;
using IvrEngine.Cluster;
using IvrEngine.Hosting.Callbacks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// What <c>ivr serve --cluster</c> needs before its host is built: the <c>Ivr:Cluster</c> settings, a
/// PostgreSQL database for the membership table, callbacks kept where every silo reaches them, and an
/// HTTP address the other silos can forward to. Each refusal is one line naming the setting to change.
/// </summary>
internal sealed record ServeCluster(ClusterSettings Settings, PostgresConnection Database, Uri Advertised)
{
    /// <summary>Reads and checks the settings; null with the problem when the cluster cannot be joined as configured.</summary>
    public static ServeCluster? Resolve(IConfiguration configuration, string httpUrl, out string? problem)
    {
        problem = null;
        var settings = new ClusterSettings();
        try
        {
            configuration.GetSection(ClusterSettings.SectionName).Bind(settings);
        }
        catch (InvalidOperationException exception)
        {
            problem = exception.Message;
            return null;
        }
        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), failures, validateAllProperties: true))
        {
            problem = string.Join("; ", failures.Select(f => $"{ClusterSettings.SectionName}:{f.MemberNames.FirstOrDefault()}: {f.ErrorMessage}"));
            return null;
        }

        var callbacks = configuration[$"{CallbackOptions.SectionName}:Database"];
        if (!PostgresConnection.IsPostgres(callbacks))
        {
            problem = "--cluster keeps promised callbacks where every silo can dial them: give --callbacks-db a PostgreSQL database (postgres://USER:PASSWORD@HOST:PORT/DB)";
            return null;
        }
        var database = settings.Database ?? callbacks;
        if (!PostgresConnection.IsPostgres(database))
        {
            problem = $"{ClusterSettings.SectionName}:Database must name a PostgreSQL database (the silos' membership table); leave it unset to use the callback store's";
            return null;
        }

        var advertise = settings.AdvertiseUrl ?? httpUrl;
        if (!Uri.TryCreate(advertise, UriKind.Absolute, out var advertised) || advertised.Scheme is not ("http" or "https"))
        {
            problem = $"the address other silos forward to ({advertise}) is not an http:// or https:// URL; set {ClusterSettings.SectionName}:AdvertiseUrl";
            return null;
        }
        if (advertised.Host is "0.0.0.0" or "[::]" or "::" or "*" or "+")
        {
            problem = $"--http {httpUrl} listens on every address, so other silos cannot tell which one reaches this one: set {ClusterSettings.SectionName}:AdvertiseUrl (IVR_Ivr__Cluster__AdvertiseUrl) to this machine's URL";
            return null;
        }

        try
        {
            return new ServeCluster(settings, PostgresConnection.Parse(database!), advertised);
        }
        catch (IvrEngine.Callbacks.CallbackStoreException exception)
        {
            problem = exception.Message;
            return null;
        }
    }

    /// <summary>Adds the silo and the forwarding services to the host being built.</summary>
    public void AddTo(WebApplicationBuilder web) => web.AddIvrCluster(Settings, Database, Advertised);

    /// <summary>Forwarding before the door's own pipeline.</summary>
    public static void Use(WebApplication app) => app.UseIvrCluster();

    /// <summary>Creates the membership tables if needed. Null, or the one-line problem.</summary>
    public string? PrepareDatabase()
    {
        try
        {
            ClusterHosting.PrepareDatabase(Database);
            return null;
        }
        catch (ClusterException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>Tells this silo what it serves when the line's grain comes to it.</summary>
    public void Configure(IServiceProvider services, Menus.Menu menu, string menuPath, Queues.Staffing.StaffingPlan? staffing) =>
        services.GetRequiredService<LocalLine>().Configure(menu.Name, menuPath, staffing, Advertised.ToString().TrimEnd('/'));
}
