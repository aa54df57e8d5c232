using IvrEngine.Cluster;
using IvrEngine.Hosting;
using IvrEngine.Http;
using IvrEngine.Menus;
using IvrEngine.Queues.Staffing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.TestingHost;

namespace IvrEngine.Tests.Cluster;

/// <summary>
/// Three in-process Orleans silos (Orleans' TestingHost), each wired as <c>ivr serve --cluster</c> wires
/// one (engine, callback store, menu catalog, served line, the line's grain and watch) on a virtual
/// clock: exactly one silo serves the bundled line, a call there is the same call as in a single
/// process, and when that silo is killed another takes the line over.
/// </summary>
[NonParallelizable]
public sealed class LineGrainClusterTests
{
    private const string MondayMorning = "2026-11-30T09:15 America/New_York";

    private DirectoryInfo _folder = null!;
    private InProcessTestCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartThreeSilos()
    {
        _folder = Directory.CreateTempSubdirectory("ivr-cluster-");
        var menuPath = Path.Combine(_folder.FullName, "carrier-support.json");
        File.Copy(RepoPaths.BundledMenu, menuPath);
        var menu = MenuLoader.LoadFile(menuPath).Menu!;
        var staffing = StaffingLoader.LoadFile(Path.Combine(RepoPaths.Menus, "carrier-support.staffing.json"), menu).Plan!;
        var settings = new ClusterSettings { WatchMilliseconds = 200 };

        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSiloHost((silo, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ivr:Clock"] = "Virtual",
                ["Ivr:StartAt"] = MondayMorning,
                ["Ivr:Seed"] = "7",
                ["Ivr:Callbacks:Database"] = Path.Combine(_folder.FullName, $"{silo.SiloName}.db"),
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
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [OneTimeTearDown]
    public async Task StopSilos()
    {
        await _cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Test, Order(1)]
    public async Task ExactlyOneSiloServesTheLine_AndEverySiloKnowsWhich()
    {
        var owner = await ServingSiloAsync();

        Assert.That(_cluster.Silos.Count(s => Line(s).IsServing), Is.EqualTo(1));
        var heard = await EveryRouteAsync(route => route.Owner is not null);
        Assert.That(heard.Select(o => o!.Silo).Distinct(), Is.EqualTo(new[] { owner.SiloAddress.ToString() }));
        Assert.That(heard.Select(o => o!.HttpUrl).Distinct(), Is.EqualTo(new[] { $"http://{owner.Name}.test" }));
    }

    [Test, Order(2)]
    public async Task ACallOnTheServingSilo_HasTheTranscriptOfTheSameCallInOneProcess()
    {
        var owner = await ServingSiloAsync();
        var inCluster = await CallAsync(Served(owner));

        await using var single = new Http.IvrServiceFactory();
        await single.StartAsync();
        var inOneProcess = await CallAsync(single.Line);

        Assert.That(inCluster, Is.EqualTo(inOneProcess));
        Assert.That(inCluster, Does.Contain("\"agent-connected\"").Or.Contain("\"queue-joined\""), "the call reached the queue");
    }

    [Test, Order(3)]
    public async Task WhenTheServingSiloIsKilled_AnotherSiloServesTheLine_AndTakesCalls()
    {
        var owner = await ServingSiloAsync();
        await _cluster.KillSiloAsync(owner);

        var heir = await ServingSiloAsync();
        Assert.That(heir.SiloAddress, Is.Not.EqualTo(owner.SiloAddress));
        Assert.That(_cluster.GetActiveSilos().Count(s => Line(s).IsServing), Is.EqualTo(1));
        var call = await CallAsync(Served(heir));
        Assert.That(call, Does.Contain("\"call-ended\""));
    }

    /// <summary>Waits (Orleans' own failure detection runs in real time) until a silo serves the line.</summary>
    private async Task<InProcessSiloHandle> ServingSiloAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_cluster.GetActiveSilos().FirstOrDefault(s => Line(s).IsServing) is { } serving) return serving;
            await Task.Delay(100);
        }
        Assert.Fail("no silo served the line within 60 s");
        return null!;
    }

    private async Task<IReadOnlyList<LineOwner?>> EveryRouteAsync(Func<LineRoute, bool> until)
    {
        var routes = _cluster.GetActiveSilos().Select(s => s.ServiceProvider.GetRequiredService<LineRoute>()).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!routes.All(until) && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
        return routes.Select(r => r.Owner).ToList();
    }

    private static LocalLine Line(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<LocalLine>();

    private static ServedLine Served(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<ServedLine>();

    /// <summary>A caller asks for billing, then a person, waits two minutes and hangs up: the transcript.</summary>
    private static async Task<string> CallAsync(ServedLine line)
    {
        var (call, _) = await line.StartAsync(line.Menu!, "en-US", "+12025550143");
        var session = call!.Session;
        await line.Host.InvokeAsync(() => session.Press("2"));
        await line.Host.AdvanceAsync(Duration.FromSeconds(20));
        await line.Host.InvokeAsync(() => session.Press("0"));
        await line.Host.AdvanceAsync(Duration.FromMinutes(2));
        await line.Host.InvokeAsync(session.HangUp);
        return await line.Host.InvokeAsync(() => session.Transcript.ToJsonLines());
    }
}

