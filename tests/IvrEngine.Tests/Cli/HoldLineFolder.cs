using Microsoft.Data.Sqlite;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// A temporary folder with a one-queue line ("hold-line": key 1 joins queue general, which offers
/// virtual hold over a minute's wait), its staffing (one agent, two-minute calls, answers at once)
/// and a callback store path; removed when disposed.
/// </summary>
internal sealed class HoldLineFolder : IDisposable
{
    public const string Menu = """
        {
          "name": "hold-line", "timeZone": "America/New_York", "locales": ["en-US"], "start": "main",
          "defaults": { "escape": { "to": { "queue": "general" } } },
          "queues": { "general": { "name": { "en-US": "customer care" }, "callback": { "offerWhenWaitOverSeconds": 60 } } },
          "nodes": { "main": { "prompt": { "en-US": "Press 1." }, "options": [ { "key": "1", "queue": "general" } ] } }
        }
        """;

    public const string Staffing = """
        {
          "defaults": { "handleTime": { "distribution": "fixed", "meanSeconds": 120 }, "wrapUpSeconds": 0, "answerSeconds": 0, "noAnswerProbability": 0 },
          "agents": [ { "name": "Steady", "queues": { "general": 1 } } ]
        }
        """;

    /// <summary>Callees always answer, on the first ring: a dial's result does not depend on the seed.</summary>
    public static readonly Dictionary<string, string> AnsweringCallees = new()
    {
        ["IVR_Ivr__Seed"] = "1",
        ["IVR_Ivr__Callbacks__AnswerProbability"] = "1",
        ["IVR_Ivr__Callbacks__BusyProbability"] = "0",
    };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ivr-hold-line-");

    public HoldLineFolder()
    {
        File.WriteAllText(MenuPath, Menu);
        File.WriteAllText(Path.Combine(_folder.FullName, "hold-line.staffing.json"), Staffing);
    }

    public string MenuPath => Path.Combine(_folder.FullName, "hold-line.json");

    public string Database => Path.Combine(_folder.FullName, "callbacks.db");

    public string PathOf(string name) => Path.Combine(_folder.FullName, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
