using IvrEngine.Cluster;
using Orleans.TestingHost;

namespace IvrEngine.Tests.Cluster;

/// <summary>
/// The line has one server while the cluster changes around it: silos joining and leaving while it is
/// served (each time, Orleans' directory hands ranges of its hash ring between silos) never make a
/// second server, and the line stays where it is. With Orleans' default, eventually consistent
/// directory two rounds of this failed 5 runs of 7 (the line moved to a newcomer: a second activation was made, and Orleans then dropped one of the two); a silo under load in CI
/// once served the line beside its owner for more than 30 s.
/// </summary>
[NonParallelizable]
public sealed class LineOwnershipUnderChurnTests
{
    /// <summary>Rounds of five silos joining (and, but for the last, leaving again).</summary>
    private const int Rounds = 3;

    [Test]
    public async Task SilosJoiningAndLeaving_WhileTheLineIsServed_NeverMakeASecondServer_AndTheLineStaysPut()
    {
        var folder = Directory.CreateTempSubdirectory("ivr-churn-");
        var cluster = LineSilos.Build(folder, silos: 1, watchMilliseconds: 20);
        try
        {
            await cluster.DeployAsync();
            var owner = await LineSilos.ServingSiloAsync(cluster);
            using var sampling = new CancellationTokenSource();
            var mostServing = SampleMostServingAsync(cluster, sampling.Token);

            // Each join and each leave moves ranges of the directory's hash ring between silos.
            for (var round = 1; round <= Rounds; round++)
            {
                for (var joined = 0; joined < 5; joined++) await cluster.StartAdditionalSiloAsync();
                await EveryRouteNamesAsync(cluster, owner);
                if (round == Rounds) break;
                foreach (var newcomer in cluster.GetActiveSilos().Where(s => s.SiloAddress != owner.SiloAddress).ToList()) await cluster.StopSiloAsync(newcomer);
            }
            sampling.Cancel();

            Assert.That(await mostServing, Is.EqualTo(1), "at most one silo served the line at any moment");
            Assert.That(cluster.GetActiveSilos().Where(s => LineSilos.Line(s).IsServing).Select(s => s.SiloAddress), Is.EqualTo(new[] { owner.SiloAddress }));
        }
        finally
        {
            await cluster.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The largest number of silos seen serving the line at once, sampled every few milliseconds until
    /// cancelled. Each silo's line is taken once, while the silo runs: a stopped silo's services are gone,
    /// and its line (released when its grain left) still answers.
    /// </summary>
    private static async Task<int> SampleMostServingAsync(InProcessTestCluster cluster, CancellationToken stop)
    {
        var lines = new Dictionary<string, LocalLine>();
        var most = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (var silo in cluster.GetActiveSilos())
            {
                if (lines.ContainsKey(silo.Name)) continue;
                try
                {
                    lines[silo.Name] = LineSilos.Line(silo);
                }
                catch (ObjectDisposedException)
                {
                    // Stopped between the listing and the lookup: it never served, or its line was already counted.
                }
            }
            most = Math.Max(most, lines.Values.Count(line => line.IsServing));
            try
            {
                await Task.Delay(5, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return most;
    }

    /// <summary>Waits until every active silo has heard that <paramref name="owner"/> serves the line (or 15 s pass).</summary>
    private static async Task EveryRouteNamesAsync(InProcessTestCluster cluster, InProcessSiloHandle owner)
    {
        var silo = owner.SiloAddress.ToString();
        var heard = await LineSilos.HeardAsync(cluster, route => route.Owner?.Silo == silo, TimeSpan.FromSeconds(15));
        if (heard.Values.All(o => o?.Silo == silo)) return;
        Assert.Fail("not every silo heard within 15 s that the first silo serves the line: " + string.Join(", ",
            heard.Select(h => $"{h.Key} hears {h.Value?.Silo ?? "nobody"}")));
    }
}
