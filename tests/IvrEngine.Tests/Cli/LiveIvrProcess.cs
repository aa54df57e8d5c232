using System.Diagnostics;

namespace IvrEngine.Tests.Cli;

/// <summary>
/// A long-running <c>ivr</c> child process (<c>ivr serve</c>) driven line by line: the test writes a
/// line, then waits until stdout or stderr shows what it expects.
/// </summary>
internal sealed class LiveIvrProcess : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _error = [];

    private LiveIvrProcess(Process process) => _process = process;

    public static LiveIvrProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts ivr with <paramref name="environment"/> set (IVR_ settings such as the dialer's chances).</summary>
    public static LiveIvrProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = IvrProcess.StartInfo(args);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var live = new LiveIvrProcess(new Process { StartInfo = start });
        live._process.OutputDataReceived += (_, e) => live.Add(live._output, e.Data);
        live._process.ErrorDataReceived += (_, e) => live.Add(live._error, e.Data);
        live._process.Start();
        live._process.BeginOutputReadLine();
        live._process.BeginErrorReadLine();
        return live;
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The first stdout line, from line <paramref name="after"/> on, that contains <paramref name="text"/>.</summary>
    public Task<string> OutputLineAsync(string text, int after = 0) => WaitForAsync(_output, text, after);

    public Task<string> ErrorLineAsync(string text, int after = 0) => WaitForAsync(_error, text, after);

    public int OutputCount { get { lock (_output) return _output.Count; } }

    public int ErrorCount { get { lock (_error) return _error.Count; } }

    /// <summary>Sends a line and returns the next stdout line (replies come one per line).</summary>
    public async Task<string> AskAsync(string line)
    {
        var before = OutputCount;
        await SendAsync(line);
        return await WaitForAsync(_output, string.Empty, before);
    }

    /// <summary>
    /// Sends <c>callbacks</c> and returns the listed lines, read up to the closing "N callbacks" line:
    /// the reply spans several lines, so a single-line read would leave the count line to be taken
    /// as the answer to the next question.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListCallbacksAsync()
    {
        var before = OutputCount;
        await SendAsync("callbacks");
        var count = await WaitForAsync(_output, " callbacks", before);
        lock (_output)
        {
            var reply = _output.Skip(before).ToList();
            return reply[..reply.IndexOf(count)];
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, as in a crash or a power cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(WaitLimit);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Everything the process wrote so far, for assertion messages.</summary>
    public string Transcript()
    {
        lock (_output) lock (_error) return $"--- stdout ---\n{string.Join("\n", _output)}\n--- stderr ---\n{string.Join("\n", _error)}";
    }

    public async Task<int> CloseInputAndWaitAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(WaitLimit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(List<string> lines, string? line)
    {
        if (line is null) return;
        lock (lines) lines.Add(line);
    }

    private async Task<string> WaitForAsync(List<string> lines, string text, int after)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < WaitLimit)
        {
            lock (lines)
            {
                var found = lines.Skip(after).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (found is not null) return found;
            }

            await Task.Delay(20);
        }

        string all;
        lock (_output) lock (_error) all = $"--- stdout ---\n{string.Join("\n", _output)}\n--- stderr ---\n{string.Join("\n", _error)}";
        Assert.Fail($"no line containing '{text}' within {WaitLimit.TotalSeconds} s\n{all}");
        return string.Empty;
    }
}
