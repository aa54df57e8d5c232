namespace IvrEngine.Tests.Cli;

/// <summary><c>ivr serve --http</c>'s start-up rules, as a child process: refusals are one line and exit 2, before anything listens.</summary>
public sealed class ServeHttpEndToEndTests
{
    [Test]
    public async Task BindingToEveryAddressWithoutAnApiKey_IsRefused()
    {
        var result = await IvrProcess.RunAsync("", "serve", RepoPaths.BundledMenu, "--http", "http://0.0.0.0:5080", "--no-input");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("ivr serve: --http http://0.0.0.0:5080 would be reachable from other machines; set an API key first"));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task TwimlWithoutAnAuthToken_IsRefused()
    {
        var result = await IvrProcess.RunAsync("", "serve", RepoPaths.BundledMenu, "--http", "http://127.0.0.1:5080", "--twiml", "--no-input");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("ivr serve: --twiml needs the provider's auth token"));
    }

    [Test]
    public async Task NoInputWithoutHttp_IsAUsageError()
    {
        var result = await IvrProcess.RunAsync("", "serve", RepoPaths.BundledMenu, "--no-input");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("ivr serve: --no-input needs --http URL."));
    }
}
