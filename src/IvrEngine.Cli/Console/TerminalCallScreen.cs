using System.Threading.Channels;

namespace IvrEngine.Cli.Console;

/// <summary>
/// A call at a terminal: a <c>&gt; </c> prompt holds what the caller is typing under the call's lines,
/// which are printed above it as they come (<see cref="CallerPrompt"/>). One lock owns the console:
/// lines written from the call's threads and keys read here take it in turn.
/// </summary>
/// <remarks>
/// Keys are read only once one is waiting, under the lock, never by a read blocked outside it:
/// on Unix asking the terminal where the cursor is (as drawing the prompt does) waits for a blocked
/// read to finish, so a line arriving while the caller sits idle would hang until the next key.
/// Waiting for a key is a short poll on a thread of its own, not the call's clock.
/// </remarks>
internal sealed class TerminalCallScreen : ICallScreen
{
    /// <summary>Short enough that typing shows at once, long enough to cost nothing while idle.</summary>
    private static readonly TimeSpan KeyPoll = TimeSpan.FromMilliseconds(15);

    private readonly ITerminal _terminal;
    private readonly CallerPrompt _prompt;
    private readonly Lock _console = new();
    private readonly Channel<CallerLine> _lines = Channel.CreateUnbounded<CallerLine>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _keys;
    private bool _closed;
    private int _disposed;

    public TerminalCallScreen(ITerminal terminal)
    {
        _terminal = terminal;
        _prompt = new CallerPrompt(terminal);
        lock (_console) _prompt.Show();
        _keys = new Thread(ReadKeys) { IsBackground = true, Name = "ivr call keys" };
        _keys.Start();
    }

    public void WriteLine(string text)
    {
        lock (_console)
        {
            if (_closed) _terminal.Write(text + "\n");
            else _prompt.PrintAbove(text);
        }
    }

    public async Task<CallerLine?> ReadLineAsync() =>
        await _lines.Reader.WaitToReadAsync() && _lines.Reader.TryRead(out var line) ? line : null;

    /// <summary>Stops reading keys and takes the prompt off the screen, so what follows the call prints plainly.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        _keys.Join();
        lock (_console)
        {
            _prompt.Close();
            _closed = true;
        }
        _lines.Writer.TryComplete();
        _stop.Dispose();
    }

    private void ReadKeys()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (!TakeKey()) _stop.Token.WaitHandle.WaitOne(KeyPoll);
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            // The terminal went away: as the end of piped input, the caller hangs up.
            _lines.Writer.TryComplete();
        }
    }

    /// <summary>Applies a waiting key, if there is one; false when none was waiting.</summary>
    private bool TakeKey()
    {
        lock (_console)
        {
            if (_closed || !_terminal.KeyAvailable) return false;
            switch (_prompt.Press(_terminal.ReadKey()))
            {
                case PromptKey.Entered entered:
                    _lines.Writer.TryWrite(new CallerLine(entered.Text, entered.Text.Length));
                    break;
                case PromptKey.Ended:
                    _lines.Writer.TryComplete();
                    break;
            }
            return true;
        }
    }
}
