using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace IvrEngine.Cli.Console;

/// <summary>
/// Log lines for people at a terminal: the message alone, one line each, without the developer's
/// <c>warn: IvrEngine.Hosting.MenuCatalog[11]</c> prefix. The messages already say what happened
/// and to what; a located menu error stays in the compiler format editors link from. An exception
/// adds its own message, never a stack trace.
/// </summary>
internal sealed class PlainLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "ivr-plain";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is { } exception) message = $"{message} ({exception.GetType().Name}: {exception.Message})";
        textWriter.WriteLine(message.ReplaceLineEndings(" "));
    }
}
