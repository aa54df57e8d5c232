using IvrEngine.Tests.Callbacks;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// <c>ivr serve --cluster</c> as configured wrongly: each mistake stops it before it joins anything,
/// with one line that names what to change, the right exit code, no stack trace and no password.
/// </summary>
public sealed class ServeClusterRefusalEndToEndTests
{
    private const string SomePostgres = "postgres://ivr:s3cret@127.0.0.1:5/ivr";

    [TestCase("--clock", "virtual", TestName = "Cluster_OnTheVirtualClock_IsAUsageError")]
    [TestCase("--staffing", "none", TestName = "Cluster_WithoutAnHttpDoorOrNoInput_IsAUsageError")]
    public async Task Cluster_WithoutHttpNoInputAndTheRealClock_IsAUsageError(string option, string value)
    {
        using var line = new HoldLineFolder();
        var args = option == "--clock"
            ? new[] { "serve", line.MenuPath, "--cluster", "--http", "http://127.0.0.1:0", "--no-input", option, value }
            : new[] { "serve", line.MenuPath, "--cluster", option, value };

        var result = await IvrProcess.RunAsync("", args);

        AssertOneLineRefusal(result, 2, "--cluster needs --http URL and --no-input, on the real clock");
    }

    [Test]
    public async Task Cluster_WithCallbacksInSqlite_IsRefused_BecauseOtherSilosCouldNotDialThem()
    {
        using var line = new HoldLineFolder();

        var result = await IvrProcess.RunAsync("", "serve", line.MenuPath, "--http", "http://127.0.0.1:0", "--no-input", "--cluster", "--callbacks-db", line.PathOf("callbacks.db"));

        AssertOneLineRefusal(result, 2, "give --callbacks-db a PostgreSQL database");
    }

    [Test]
    public async Task Cluster_ListeningOnEveryAddress_WithoutAnAdvertisedUrl_IsRefused_NamingTheSetting()
    {
        using var line = new HoldLineFolder();

        var result = await IvrProcess.RunAsync("", "serve", line.MenuPath, "--http", "http://0.0.0.0:0", "--no-input", "--cluster", "--callbacks-db", SomePostgres);

        AssertOneLineRefusal(result, 2, "set Ivr:Cluster:AdvertiseUrl");
        Assert.That(result.Error, Does.Not.Contain("s3cret"));
    }

    [TestCase("IVR_Ivr__Cluster__AdvertiseUrl", "ftp://example.org", "is not an http:// or https:// URL")]
    [TestCase("IVR_Ivr__Cluster__ProbeSeconds", "0", "Ivr:Cluster:ProbeSeconds")]
    [TestCase("IVR_Ivr__Cluster__SiloPort", "70000", "Ivr:Cluster:SiloPort")]
    [TestCase("IVR_Ivr__Cluster__WatchMilliseconds", "soon", "WatchMilliseconds")]
    [TestCase("IVR_Ivr__Cluster__Database", "cluster.db", "Ivr:Cluster:Database must name a PostgreSQL database")]
    public async Task Cluster_WithABadSetting_IsRefused_NamingIt(string variable, string value, string expected)
    {
        using var line = new HoldLineFolder();
        var environment = new Dictionary<string, string> { [variable] = value };

        var result = await IvrProcess.RunAsync("", environment, "serve", line.MenuPath, "--http", "http://127.0.0.1:0", "--no-input", "--cluster", "--callbacks-db", SomePostgres);

        AssertOneLineRefusal(result, 2, expected);
    }

    [Test]
    public async Task Cluster_OnAPostgresServerNobodyListensOn_StopsWithOneLine_WithoutThePassword()
    {
        using var line = new HoldLineFolder();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await IvrProcess.RunAsync("", "serve", line.MenuPath, "--http", "http://127.0.0.1:0", "--no-input", "--cluster", "--callbacks-db", $"postgres://ivr:s3cret@127.0.0.1:{port}/ivr?connect_timeout=5");

        AssertOneLineRefusal(result, 1, $"127.0.0.1:{port}");
        Assert.That(result.Error, Does.Not.Contain("s3cret"));
    }

    [Test]
    public async Task Cluster_WhoseMembershipDatabaseIsAway_StopsWithOneLine_NamingIt()
    {
        using var schema = new TempPostgresSchema();
        using var line = new HoldLineFolder();
        var environment = new Dictionary<string, string> { ["IVR_Ivr__Cluster__Database"] = "postgres://ivr:s3cret@127.0.0.1:5/nowhere?connect_timeout=5" };

        var result = await IvrProcess.RunAsync("", environment, "serve", line.MenuPath, "--http", "http://127.0.0.1:0", "--no-input", "--cluster", "--callbacks-db", schema.ConnectionString);

        AssertOneLineRefusal(result, 1, "127.0.0.1:5");
        Assert.That(result.Error, Does.Not.Contain("s3cret"));
    }

    private static void AssertOneLineRefusal(IvrResult result, int exitCode, string expected)
    {
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(lines[0], Does.StartWith("ivr serve: ").And.Contain(expected), result.ToString());
        Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
    }
}
