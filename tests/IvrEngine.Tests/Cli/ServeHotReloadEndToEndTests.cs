using System.Text;
using System.Text.RegularExpressions;
using IvrEngine.Menus;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// <c>ivr serve</c> as a real child process with real file writes: a valid edit becomes the version
/// new calls get while calls in progress stay on theirs; an invalid or half-written file is refused
/// with located errors and the previous version keeps serving.
/// </summary>
[NonParallelizable]
public sealed partial class ServeHotReloadEndToEndTests
{
    /// <summary>A menu whose key 1 leads to the node named <paramref name="target"/>, so each version is visible in where a call goes.</summary>
    internal static string Menu(string target) => $$"""
        {
          "name": "reload-test",
          "timeZone": "America/New_York",
          "locales": ["en-US"],
          "start": "main",
          "defaults": { "escape": { "to": { "queue": "general" } } },
          "queues": { "general": { "name": { "en-US": "customer care" } } },
          "nodes": {
            "main": {
              "prompt": { "en-US": "Press 1." },
              "options": [ { "key": "1", "goto": "{{target}}" } ]
            },
            "{{target}}": {
              "prompt": { "en-US": "You reached {{target}}. Press 9 for the main menu." },
              "options": [ { "key": "9", "do": "mainMenu" } ]
            }
          }
        }
        """;

    private static string VersionOf(string json) => MenuLoader.Load(json, "x").Menu!.Version;

    [Test]
    public async Task Serve_ReloadsValidChanges_KeepsCallsOnTheirVersion_AndRefusesBrokenFiles()
    {
        using var file = IvrProcess.WriteTempFile(Menu("one"));
        using var database = new IvrEngine.Tests.Callbacks.TempDatabase();
        var (one, two, three) = (Menu("one"), Menu("two"), Menu("three"));
        await using var ivr = LiveIvrProcess.Start("serve", file.Path, "--callbacks-db", database.Path);
        await ivr.OutputLineAsync($"Serving reload-test version {VersionOf(one)}");

        var first = await ivr.AskAsync("call");
        Assert.That(first, Does.Contain($"version {VersionOf(one)} at node main"));
        var firstRef = Reference(first);

        // A valid edit: new calls get it ...
        var errorsBefore = ivr.ErrorCount;
        await File.WriteAllTextAsync(file.Path, two);
        await ivr.ErrorLineAsync($"menu reload-test version {VersionOf(two)} now serving", errorsBefore);
        Assert.That(await ivr.AskAsync("call 1"), Does.Contain($"version {VersionOf(two)} at node two"));

        // ... while the call in progress finishes on the version it started with.
        Assert.That(await ivr.AskAsync($"press {firstRef} 1"), Does.Contain($"call {firstRef} version {VersionOf(one)} at node one"));

        // A half-written file (an editor or a copy caught mid-write) is refused; the previous version serves on.
        var bytes = Encoding.UTF8.GetBytes(three);
        errorsBefore = ivr.ErrorCount;
        await using (var stream = new FileStream(file.Path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
            var refused = await ivr.ErrorLineAsync($"keeps serving", errorsBefore);
            Assert.That(refused, Is.EqualTo($"menu file {Path.GetFullPath(file.Path)} changed but has 1 error(s); menu reload-test version {VersionOf(two)} keeps serving"));
            Assert.That(await ivr.ErrorLineAsync("error IVR0001", errorsBefore), Does.Contain(Path.GetFileName(file.Path) + "("));
            Assert.That(await ivr.AskAsync("call 1"), Does.Contain($"version {VersionOf(two)} at node two"));

            // The rest of the write arrives: the whole file is valid and becomes the new version.
            errorsBefore = ivr.ErrorCount;
            await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        await ivr.ErrorLineAsync($"menu reload-test version {VersionOf(three)} now serving", errorsBefore);
        Assert.That(await ivr.AskAsync("call 1"), Does.Contain($"version {VersionOf(three)} at node three"));

        // A complete file with a located error is refused too, with the loader's message.
        errorsBefore = ivr.ErrorCount;
        var broken = three.Replace("\"goto\": \"three\"", "\"goto\": \"thre\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file.Path, broken);
        var located = await ivr.ErrorLineAsync("error IVR0006", errorsBefore);
        var (line, column) = IvrEngine.Tests.Menus.SampleMenus.PositionOf(broken, "\"thre\"");
        Assert.That(located, Does.Contain($"{Path.GetFileName(file.Path)}({line},{column}): error IVR0006"));
        Assert.That(located, Does.Contain("did you mean 'three'?").And.Contain("[$.nodes.main.options[0].goto]"));
        Assert.That(await ivr.AskAsync("call 1"), Does.Contain($"version {VersionOf(three)} at node three"));

        // Reverting the bad edit is said, though the version served never changed.
        errorsBefore = ivr.ErrorCount;
        await File.WriteAllTextAsync(file.Path, three);
        Assert.That(await ivr.ErrorLineAsync("fixed", errorsBefore), Is.EqualTo($"menu file {Path.GetFullPath(file.Path)} fixed: menu reload-test version {VersionOf(three)} serving again"));

        // Log lines are for people: no "warn: IvrEngine.Hosting.MenuCatalog[11]" category prefixes.
        Assert.That(ivr.Transcript(), Does.Not.Contain("IvrEngine.").And.Not.Contain("info:").And.Not.Contain("warn:").And.Not.Contain("fail:"));

        Assert.That(await ivr.AskAsync($"hangup {firstRef}"), Does.Contain($"call {firstRef} version {VersionOf(one)} ended"));
        Assert.That(await ivr.CloseInputAndWaitAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task Serve_InvalidMenuAtStart_FailsWithItsErrors()
    {
        using var file = IvrProcess.WriteTempFile("{ \"name\": 5 }");

        var result = await IvrProcess.RunAsync(string.Empty, "serve", file.Path);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("error IVR0002"));
    }

    private static string Reference(string line) => ReferenceRegex().Match(line).Value;

    [GeneratedRegex("[0-9]{3}-[0-9]{3}-[0-9]{3}")]
    private static partial Regex ReferenceRegex();
}
