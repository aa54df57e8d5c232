using System.Net;
using IvrEngine.Tests.Cli;

namespace IvrEngine.Tests.Http;

/// <summary>Calls over HTTP walk the bundled line in virtual time, and their event stream is the transcript <c>ivr call</c> writes.</summary>
public sealed class CallsApiTests
{
    [TestCase("press 0")]
    [TestCase("say operator")]
    public async Task ACallOverHttp_EscapesWaitsAndIsAnswered_AndItsEventStreamIsTheTranscriptIvrCallWrites(string escape)
    {
        string[] steps = ["press 2", escape, "wait 60", "hangup"];
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();

        var started = await client.PostJsonAsync("/calls", new { locale = "en-US" });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var call = await started.JsonAsync();
        var reference = call.Str("reference");
        Assert.That(started.Headers.Location!.ToString(), Is.EqualTo($"/calls/{reference}"));
        Assert.That(call.Str("node"), Is.EqualTo("main"));
        Assert.That(call.GetProperty("prompts")[0].GetString(), Does.StartWith("Thanks for calling customer care."));
        foreach (var step in steps)
        {
            var (verb, argument) = (step.Split(' ')[0], step.Split(' ', 2).ElementAtOrDefault(1));
            var response = verb switch
            {
                "press" => await client.PostJsonAsync($"/calls/{reference}/press", new { keys = argument }),
                "say" => await client.PostJsonAsync($"/calls/{reference}/say", new { words = argument }),
                "wait" => await client.PostJsonAsync("/clock/advance", new { seconds = double.Parse(argument!, System.Globalization.CultureInfo.InvariantCulture) }),
                _ => await client.PostJsonAsync($"/calls/{reference}/hangup"),
            };
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }

        var streamed = await ReadEventStreamAsync(client, reference);
        using var transcript = IvrProcess.WriteTempFile(null, ".jsonl");
        using var callbacks = IvrProcess.WriteTempFile(null, ".db");
        var cli = await IvrProcess.RunAsync(string.Join("\n", steps.Select(s => s.StartsWith("press ", StringComparison.Ordinal) ? s[6..] : s)) + "\n",
            ["call", factory.MenuPath, "--at", IvrServiceFactory.MondayMorning, "--seed", "7", "--transcript", transcript.Path, "--callbacks-db", callbacks.Path]);
        Assert.That(cli.ExitCode, Is.Zero, cli.ToString());

        Assert.That(streamed, Is.EqualTo(File.ReadAllText(transcript.Path)));
        Assert.That(streamed, Does.Contain("\"type\":\"escape-asked\"").And.Contain("\"type\":\"agent-connected\""));
    }

    [Test]
    public async Task AnEventStreamOpenedDuringTheCall_GetsEveryEventSoFar_ThenEachAsItHappens_AndEndsWithTheCall()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/calls/{reference}/events");
        using var stream = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(stream.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.That(await NextDataAsync(reader), Does.Contain("\"type\":\"call-started\""));

        await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "0" });
        await client.PostJsonAsync($"/calls/{reference}/hangup");
        var rest = new List<string>();
        while (await NextDataAsync(reader) is { } data) rest.Add(data);

        Assert.That(rest, Has.Some.Contains("\"type\":\"key-pressed\",\"node\":\"main\",\"text\":\"0\""));
        Assert.That(rest[^1], Does.Contain("\"type\":\"call-ended\""));
    }

    [Test]
    public async Task ReadingACall_ShowsItsPlaceInLineWhileItWaits()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");

        var pressed = await (await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "0" })).JsonAsync();
        var read = await (await client.GetAsync($"/calls/{reference}")).JsonAsync();

        Assert.That(pressed.Str("state"), Is.EqualTo("Queued"));
        Assert.That(pressed.GetProperty("prompts").EnumerateArray().Select(p => p.GetString()), Does.Contain("You are number 1 in line."));
        Assert.That(read.Str("queue"), Is.EqualTo("general"));
        Assert.That(read.GetProperty("position").GetInt32(), Is.EqualTo(1));
        Assert.That(read.GetProperty("accepts").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "press", "say", "hangup" }));
    }

    [Test]
    public async Task TheAgentOnTheLine_CanTransferTheCaller_ToAnotherQueue()
    {
        using var factory = new IvrServiceFactory();
        var client = await factory.StartAsync();
        var reference = (await (await client.PostJsonAsync("/calls")).JsonAsync()).Str("reference");
        await client.PostJsonAsync($"/calls/{reference}/press", new { keys = "0" });
        await client.PostJsonAsync("/clock/advance", new { seconds = 60 });
        Assert.That((await (await client.GetAsync($"/calls/{reference}")).JsonAsync()).Str("state"), Is.EqualTo("WithAgent"));

        var transferred = await client.PostJsonAsync($"/calls/{reference}/transfer", new { queue = "retention" });

        Assert.That(transferred.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var view = await transferred.JsonAsync();
        Assert.That(view.Str("state"), Is.EqualTo("Queued"));
        Assert.That(view.Str("queue"), Is.EqualTo("retention"));
    }

    /// <summary>The data lines of a finished call's event stream, each followed by a newline: the transcript's JSON lines.</summary>
    internal static async Task<string> ReadEventStreamAsync(HttpClient client, string reference)
    {
        var text = await client.GetStringAsync($"/calls/{reference}/events");
        return string.Concat(text.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l[6..] + "\n"));
    }

    private static async Task<string?> NextDataAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return line[6..];
        }
        return null;
    }
}
