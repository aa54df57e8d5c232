using IvrEngine.Hosting.Callbacks;
using IvrEngine.Tests.Callbacks;

namespace IvrEngine.Tests.Cli;

/// <summary>A store that is not what it should be ends a command in one clear line, never a stack trace; reading changes nothing.</summary>
public sealed class CallbackStoreFaultEndToEndTests
{
    private const string SundayNight = "2026-11-29T23:45 America/New_York";

    [TestCase("plain text", "not a callback store (not a SQLite database)")]
    [TestCase("corrupt", "not a callback store (not a SQLite database)")]
    [TestCase("truncated", "is damaged (truncated or corrupt)")]
    [TestCase("newer schema", "has schema version 99; this ivr knows up to 3. Use a newer ivr.")]
    public async Task CallbacksListShowCancel_OnABadStore_SayWhatIsWrongInOneLine(string kind, string problem)
    {
        using var database = new TempDatabase();
        await MakeAsync(database.Path, kind);
        var before = await File.ReadAllBytesAsync(database.Path);

        foreach (var args in new[] { new[] { "list" }, ["show", "781-512-939"], ["cancel", "781-512-939"] })
        {
            var result = await IvrProcess.RunAsync("", ["callbacks", .. args, "--db", database.Path]);
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1).And.All.StartWith("ivr callbacks: ").And.All.Contain(problem), result.ToString());
        }
        Assert.That(await File.ReadAllBytesAsync(database.Path), Is.EqualTo(before), "reading a store changes nothing");
    }

    [Test]
    [Platform("Linux,MacOsX")]
    public async Task CallbacksAndServe_OnAStoreThatIsAPipeOrADevice_SayWhatItIsInOneLine_WithoutWaiting()
    {
        // A named pipe nobody writes to blocked 'callbacks list' for ever; /dev/zero was listed as an empty store.
        var fifo = IvrEngine.Tests.Files.SpecialFiles.MakeFifo(".db");
        try
        {
            foreach (var (path, what) in new[] { (fifo, "a named pipe (FIFO)"), ("/dev/zero", "a device") })
            {
                var list = await IvrProcess.RunAsync("", "callbacks", "list", "--db", path);
                Assert.That(list.ExitCode, Is.EqualTo(1), list.ToString());
                Assert.That(list.Error, Is.EqualTo($"ivr callbacks: the callback store {path} is {what}, not a file; give a file such as ivr-callbacks.db.\n"), list.ToString());
            }
            using var folder = new HoldLineFolder();
            var serve = await IvrProcess.RunAsync("", "serve", folder.MenuPath, "--callbacks-db", fifo);
            Assert.That(serve.ExitCode, Is.EqualTo(1), serve.ToString());
            Assert.That(serve.Error, Is.EqualTo($"ivr serve: the callback store {fifo} is a named pipe (FIFO), not a file; give a file such as ivr-callbacks.db.\n"), serve.ToString());
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Test]
    public async Task CallbacksList_WithNoStoreOrAnEmptyFile_IsAnEmptyList_AndWritesNothing()
    {
        using var database = new TempDatabase();

        var missing = await IvrProcess.RunAsync("", "callbacks", "list", "--db", database.Path);
        Assert.That((missing.ExitCode, missing.Output), Is.EqualTo((0, $"No callbacks: there is no callback store at {database.Path} yet (ivr call and ivr serve create it when a caller books one).\n")), missing.ToString());
        Assert.That(File.Exists(database.Path), Is.False, "listing creates no store");

        await File.WriteAllBytesAsync(database.Path, []);
        var empty = await IvrProcess.RunAsync("", "callbacks", "list", "--db", database.Path);
        Assert.That((empty.ExitCode, empty.Output), Is.EqualTo((0, $"No callbacks in {database.Path}.\n")), empty.ToString());
        Assert.That(new FileInfo(database.Path).Length, Is.Zero, "no schema is written into an empty file");
    }

    [Test]
    [Platform("Linux,MacOsX")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task CallbacksList_ReadsAReadOnlyStore_AndHonoursTheDatabaseSetting()
    {
        using var database = new TempDatabase();
        var call = await IvrProcess.RunAsync("0\n1\n1\n", "call", "--at", SundayNight, "--seed", "3", "--caller-id", "+12025550143", "--callbacks-db", database.Path);
        Assert.That(call.ExitCode, Is.Zero, call.ToString());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.SetUnixFileMode(database.Path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            var list = await IvrProcess.RunAsync("", new Dictionary<string, string> { ["IVR_Ivr__Callbacks__Database"] = database.Path }, "callbacks", "list");

            Assert.That(list.ExitCode, Is.Zero, list.ToString());
            Assert.That(list.Output, Does.Contain("781-512-939  pending    general        2026-11-30 14:00      0  +1 ••••••••43"));
        }
        finally
        {
            File.SetUnixFileMode(database.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Test]
    public async Task Serve_WithAStoreThatCannotBeMade_OrABadStartAt_StopsWithOneLine()
    {
        using var folder = new HoldLineFolder();
        await File.WriteAllTextAsync(folder.PathOf("not-a-folder"), "a file");

        var fileAsFolder = await IvrProcess.RunAsync("", "serve", folder.MenuPath, "--callbacks-db", Path.Combine(folder.PathOf("not-a-folder"), "callbacks.db"));
        var badStart = await IvrProcess.RunAsync("", new Dictionary<string, string> { ["IVR_Ivr__StartAt"] = "yesterday" }, "serve", folder.MenuPath, "--callbacks-db", folder.Database);

        Assert.That(fileAsFolder.ExitCode, Is.EqualTo(1), fileAsFolder.ToString());
        Assert.That(fileAsFolder.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1).And.All.StartWith("ivr serve: cannot create the callback store "));
        Assert.That(badStart.ExitCode, Is.EqualTo(2), badStart.ToString());
        Assert.That(badStart.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1).And.All.StartWith("ivr serve: Ivr:StartAt: "));
    }

    [Test]
    public async Task AfterAFailedBooking_TheCallsReferenceIsSaidAsTheCalls_SoItIsNotTakenForACallbacks()
    {
        using var folder = new HoldLineFolder();
        await File.WriteAllTextAsync(folder.PathOf("not-a-folder"), "a file");

        var call = await IvrProcess.RunAsync("0\n1\n1\n", "call", "--at", SundayNight, "--seed", "7", "--caller-id", "+12025550143",
            "--callbacks-db", Path.Combine(folder.PathOf("not-a-folder"), "callbacks.db"));

        var reference = System.Text.RegularExpressions.Regex.Match(call.Output, @"Reference: (\S+)").Groups[1].Value;
        var spoken = string.Join(", ", reference.Split('-').Select(g => string.Join(' ', g.ToCharArray())));
        Assert.That(call.Output, Does.Contain("IVR: Sorry, we can't book a callback right now.\n").And.Not.Contain("Your reference number is"), call.ToString());
        Assert.That(call.Output, Does.Contain($"IVR: Many answers are in the My Account app and on our website, any time. This call's reference number is {spoken}. Goodbye."), call.ToString());
    }

    [Test]
    public async Task TwoCallsWithOneSeed_BookTwoCallbacks_TheSecondUnderAFreshReference()
    {
        using var database = new TempDatabase();

        var first = await IvrProcess.RunAsync("0\n1\n1\n", "call", "--at", SundayNight, "--seed", "7", "--caller-id", "+12025550143", "--callbacks-db", database.Path);
        var second = await IvrProcess.RunAsync("0\n1\n1\n", "call", "--at", SundayNight, "--seed", "7", "--caller-id", "+12025550199", "--callbacks-db", database.Path);

        Assert.That(first.Output, Does.Contain("IVR: Your callback is booked for tomorrow at 9:00 AM Eastern Time."), first.ToString());
        Assert.That(second.Output, Does.Contain("IVR: Your callback is booked for tomorrow at 9:00 AM Eastern Time.").And.Not.Contain("can't book"), second.ToString());
        var stored = SqliteCallbackStore.OpenReadOnly(database.Path).List();
        Assert.That(stored.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+12025550143", "+12025550199" }));
        Assert.That(stored[1].Reference, Is.Not.EqualTo(stored[0].Reference));
    }

    private static async Task MakeAsync(string path, string kind)
    {
        switch (kind)
        {
            case "plain text":
                await File.WriteAllTextAsync(path, "these are my notes, not a database\n");
                break;
            case "corrupt":
                await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 37))]);
                break;
            default:
                var store = new SqliteCallbackStore(path);
                store.EnsureReady();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = kind == "newer schema" ? "UPDATE schema_version SET version = 99; PRAGMA wal_checkpoint(TRUNCATE);" : "PRAGMA journal_mode = DELETE;";
                    command.ExecuteNonQuery();
                }
                if (kind == "truncated")
                {
                    var bytes = await File.ReadAllBytesAsync(path);
                    await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
                }
                break;
        }
    }
}
