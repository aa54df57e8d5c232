using System.Text.Json;
using System.Text.RegularExpressions;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// <c>ivr serve</c> as a real child process shows what callers hear: with <c>--show-calls</c> each
/// thing the line says, and the engine's notes, led by the call's reference, as they happen; with
/// <c>--transcript DIR</c> each call's transcript is kept as <c>DIR/REF.jsonl</c> when it ends.
/// Piped output without the flag stays one reply per input line, for scripts.
/// </summary>
[NonParallelizable]
public sealed partial class ServeShowsCallsEndToEndTests
{
    private const string MondayMorning = "2026-11-30T09:15 America/New_York";

    [GeneratedRegex(@"call (\d{3}-\d{3}-\d{3}) version")]
    private static partial Regex ReferenceInReply();

    [Test]
    public async Task WithShowCalls_WhatTheLineSaysAndItsNotes_ArePrintedLedByTheCallsReference_AsTheyHappen()
    {
        using var database = new IvrEngine.Tests.Callbacks.TempDatabase();
        await using var ivr = LiveIvrProcess.Start("serve", RepoPaths.BundledMenu, "--callbacks-db", database.Path,
            "--clock", "virtual", "--at", MondayMorning, "--staffing", "none", "--show-calls");
        await ivr.OutputLineAsync("Serving carrier-support");

        await ivr.SendAsync("call");
        var reply = await ivr.OutputLineAsync(" at node main (InMenu)");
        var reference = ReferenceInReply().Match(reply).Groups[1].Value;
        Assert.That(await ivr.OutputLineAsync($"{reference} [0:00] IVR: Thanks for calling"), Is.Not.Empty, ivr.Transcript());

        // A key press: the choice and the next node's words, before the reply that says where the call is.
        var before = ivr.OutputCount;
        await ivr.SendAsync($"press {reference} 1");
        await ivr.OutputLineAsync($"{reference} [0:00] · chose 'pay my bill' (key 1)", before);
        await ivr.OutputLineAsync($"call {reference} version", before);

        // Time passing with nothing pressed: the timeout is shown as it fires, between input lines.
        before = ivr.OutputCount;
        await ivr.SendAsync("wait 30s");
        Assert.That(await ivr.OutputLineAsync($"{reference} [0:", before), Does.Contain("· no input"), ivr.Transcript());
    }

    [Test]
    public async Task WithATranscriptFolder_EachCallsTranscript_IsWrittenAsReferenceJsonl_WhenItEnds()
    {
        using var database = new IvrEngine.Tests.Callbacks.TempDatabase();
        var folder = Path.Combine(Path.GetTempPath(), $"ivr-serve-transcripts-{Guid.NewGuid():N}");
        try
        {
            await using var ivr = LiveIvrProcess.Start("serve", RepoPaths.BundledMenu, "--callbacks-db", database.Path,
                "--clock", "virtual", "--at", MondayMorning, "--staffing", "none", "--transcript", folder);
            await ivr.OutputLineAsync("Serving carrier-support");
            var reference = ReferenceInReply().Match(await ivr.AskAsync("call")).Groups[1].Value;
            Assert.That(await ivr.AskAsync($"press {reference} 1"), Does.StartWith($"call {reference} version"), "piped output without --show-calls stays one reply per line");
            await ivr.AskAsync($"hangup {reference}");

            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, $"{reference}.jsonl"));
            var types = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(types[0], Is.EqualTo("call-started"));
                Assert.That(lines[0], Does.Contain($"reference {reference}"));
                Assert.That(types, Does.Contain("option-chosen"));
                Assert.That(types[^1], Is.EqualTo("call-ended"));
                Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1), "only ended calls are written, once each");
            });
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task ATranscriptFolderThatIsAFile_IsAUsageError_NamingTheOption()
    {
        using var file = IvrProcess.WriteTempFile("not a folder", ".txt");
        var result = await IvrProcess.RunAsync("", "serve", RepoPaths.BundledMenu, "--transcript", file.Path);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain($"--transcript {file.Path} is a file"));
    }
}
