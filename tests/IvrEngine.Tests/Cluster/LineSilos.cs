using System.Reflection;
using IvrEngine.Cluster;
using IvrEngine.Hosting;
using IvrEngine.Http;
using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace IvrEngine.Tests.Cluster;

/// <summary>
/// In-process Orleans silos (Orleans' TestingHost), each wired as <c>ivr serve --cluster</c> wires one:
/// engine, callback store, menu catalog, served line, the line's grain and watch, on a virtual clock,
/// serving its own copy of the bundled line. Each silo has its own part of Orleans' grain directory
/// (not the TestingHost's shared in-memory one, which no real cluster has), configured as
/// <c>ivr serve</c> configures it.
/// </summary>
internal static class LineSilos
{
    public const string MondayMorning = "2026-11-30T09:15 America/New_York";

    public static InProcessTestCluster Build(DirectoryInfo folder, short silos, int watchMilliseconds = 200)
    {
        var menuPath = Path.Combine(folder.FullName, "carrier-support.json");
        File.Copy(RepoPaths.BundledMenu, menuPath, overwrite: true);
        var menu = MenuLoader.LoadFile(menuPath).Menu!;
        var staffing = StaffingLoader.LoadFile(Path.Combine(RepoPaths.Menus, "carrier-support.staffing.json"), menu).Plan!;
        var settings = new ClusterSettings { WatchMilliseconds = watchMilliseconds };

        var builder = new InProcessTestClusterBuilder(silos);
        UseEachSilosOwnDirectory(builder.Options);
        builder.ConfigureSilo((_, silo) => silo.AddIvrLineDirectory());
        builder.ConfigureSiloHost((silo, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ivr:Clock"] = "Virtual",
                ["Ivr:StartAt"] = MondayMorning,
                ["Ivr:Seed"] = "7",
                ["Ivr:Callbacks:Database"] = Path.Combine(folder.FullName, $"{silo.SiloName}.db"),
            });
            host.Services.AddIvrEngine(host.Configuration);
            host.Services.AddIvrCallbacks(host.Configuration);
            host.Services.AddMenuCatalog();
            host.Services.AddIvrHttp(host.Configuration);
            host.Services.AddIvrClusterLine(settings);
            // What ivr serve tells its LocalLine before the host starts: the menu, its staffing, this silo's door.
            host.Services.AddSingleton(services =>
            {
                var line = ActivatorUtilities.CreateInstance<LocalLine>(services);
                line.Configure(menu.Name, menuPath, staffing, $"http://{silo.SiloName}.test");
                return line;
            });
        });
        return builder.Build();
    }

    /// <summary>
    /// The TestingHost gives its silos one shared in-memory grain directory (always consistent, which no
    /// real cluster's is) unless told otherwise; its switch is not public in Orleans 10.4, so it is set
    /// here by name, and a TestingHost without it fails this loudly rather than testing the wrong directory.
    /// </summary>
    private static void UseEachSilosOwnDirectory(InProcessTestClusterOptions options)
    {
        var shared = typeof(InProcessTestClusterOptions).GetProperty("UseTestClusterGrainDirectory", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("Orleans' TestingHost no longer has UseTestClusterGrainDirectory: find its new way to leave out the shared directory");
        shared.SetValue(options, false);
    }

    public static LocalLine Line(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<LocalLine>();

    public static LineRoute Route(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<LineRoute>();

    public static ServedLine Served(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<ServedLine>();

    /// <summary>
    /// Waits until every active silo's route meets <paramref name="until"/> (or <paramref name="within"/>
    /// passes), then gives what each silo heard, by silo name: the caller asserts on it.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, LineOwner?>> HeardAsync(InProcessTestCluster cluster, Func<LineRoute, bool> until, TimeSpan within)
    {
        var silos = cluster.GetActiveSilos().ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!silos.All(s => until(Route(s))) && watch.Elapsed < within) await Task.Delay(50);
        return silos.ToDictionary(s => s.Name, s => Route(s).Owner);
    }

    /// <summary>Waits (Orleans' own failure detection runs in real time) until a silo serves the line.</summary>
    public static async Task<InProcessSiloHandle> ServingSiloAsync(InProcessTestCluster cluster)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (cluster.GetActiveSilos().FirstOrDefault(s => Line(s).IsServing) is { } serving) return serving;
            await Task.Delay(100);
        }
        Assert.Fail("no silo served the line within 60 s");
        return null!;
    }
}
