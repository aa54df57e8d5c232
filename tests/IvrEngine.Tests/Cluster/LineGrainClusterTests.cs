using IvrEngine.Cluster;
using IvrEngine.Http;
using NodaTime;
using Orleans.TestingHost;

namespace IvrEngine.Tests.Cluster;

/// <summary>
/// Three in-process Orleans silos (<see cref="LineSilos"/>), each wired as <c>ivr serve --cluster</c> wires
/// one (engine, callback store, menu catalog, served line, the line's grain and watch) on a virtual
/// clock: exactly one silo serves the bundled line, a call there is the same call as in a single
/// process, and when that silo is killed another takes the line over.
/// </summary>
[NonParallelizable]
public sealed class LineGrainClusterTests
{
    private DirectoryInfo _folder = null!;
    private InProcessTestCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartThreeSilos()
    {
        _folder = Directory.CreateTempSubdirectory("ivr-cluster-");
        _cluster = LineSilos.Build(_folder, silos: 3);
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
        var heard = (await LineSilos.HeardAsync(_cluster, route => route.Owner is not null, TimeSpan.FromSeconds(30))).Values;
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

    private Task<InProcessSiloHandle> ServingSiloAsync() => LineSilos.ServingSiloAsync(_cluster);

    private static LocalLine Line(InProcessSiloHandle silo) => LineSilos.Line(silo);

    private static ServedLine Served(InProcessSiloHandle silo) => LineSilos.Served(silo);

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

