using System.CommandLine;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using NodaTime.Text;

namespace IvrEngine.Cli.Commands;

/// <summary><c>ivr callbacks list|show REF|cancel REF</c>: the promised callbacks in the store, for people.</summary>
internal static class CallbacksCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var database = new Option<string>("--db")
        {
            Description = "The callback store (default: ivr-callbacks.db in this folder, as ivr call and ivr serve use).",
            HelpName = "FILE",
            DefaultValueFactory = _ => new CallbackOptions().Database,
        };
        var reference = new Argument<string>("REF") { Description = "A callback's reference number, e.g. 482-173-359." };
        var state = new Option<string?>("--state") { Description = "Only callbacks in this state (pending, dialing, connected, completed, failed, expired, cancelled)." };

        var list = new Command("list", "Every callback: reference, state, queue, due time, attempts, the number (masked).") { database, state };
        list.SetAction(parseResult => List(parseResult.GetValue(database)!, parseResult.GetValue(state), output, error));

        var show = new Command("show", "One callback with every dial attempt.") { reference, database };
        show.SetAction(parseResult => Show(parseResult.GetValue(database)!, parseResult.GetValue(reference)!, output, error));

        var cancel = new Command("cancel", "Cancel a pending callback.") { reference, database };
        cancel.SetAction(parseResult => Cancel(parseResult.GetValue(database)!, parseResult.GetValue(reference)!, output, error));

        return new Command("callbacks", "The callbacks the line has promised: list, show, cancel.") { list, show, cancel };
    }

    private static int List(string database, string? state, TextWriter output, TextWriter error)
    {
        CallbackState? only = null;
        if (state is not null)
        {
            if (!Enum.TryParse<CallbackState>(state, ignoreCase: true, out var parsed))
            {
                error.WriteLine($"ivr callbacks: '{state}' is not a state; use one of {string.Join(", ", Enum.GetNames<CallbackState>().Select(n => n.ToLowerInvariant()))}.");
                return ExitCodes.Usage;
            }
            only = parsed;
        }
        if (Open(database, error) is not { } store) return ExitCodes.Failed;
        var callbacks = store.List(only);
        if (callbacks.Count == 0)
        {
            output.WriteLine($"No callbacks{(only is null ? "" : $" {state}")} in {store.Path}.");
            return ExitCodes.Ok;
        }
        output.WriteLine($"{"REFERENCE",-12} {"STATE",-10} {"QUEUE",-14} {"DUE (UTC)",-17} {"TRIES",5}  NUMBER");
        foreach (var c in callbacks)
        {
            output.WriteLine($"{c.Reference,-12} {c.State.ToString().ToLowerInvariant(),-10} {c.Queue,-14} {Format(c.DueAt),-17} {c.Attempts,5}  {CallbackNumber.Mask(c.PhoneNumber)}");
        }
        return ExitCodes.Ok;
    }

    private static int Show(string database, string text, TextWriter output, TextWriter error)
    {
        if (Parse(text, error) is not { } reference) return ExitCodes.Usage;
        if (Open(database, error) is not { } store) return ExitCodes.Failed;
        if (store.Find(reference) is not { } c)
        {
            error.WriteLine($"ivr callbacks: no callback {reference} in {store.Path}.");
            return ExitCodes.Failed;
        }
        output.WriteLine($"Callback {c.Reference}: {c.State.ToString().ToLowerInvariant()}{(c.LastResult is null ? "" : $" ({c.LastResult})")}");
        output.WriteLine($"  queue {c.Queue}, {(c.Kind == CallbackKind.VirtualHold ? "virtual hold" : "scheduled")}, number {CallbackNumber.Mask(c.PhoneNumber)}, locale {c.Locale}");
        output.WriteLine($"  requested {Format(c.RequestedAt)}, due {Format(c.DueAt)}, expires {Format(c.ExpiresAt)} (UTC)");
        foreach (var attempt in store.Attempts(reference)) output.WriteLine($"  attempt {attempt.Number} at {Format(attempt.At)}: {attempt.Result}");
        return ExitCodes.Ok;
    }

    private static int Cancel(string database, string text, TextWriter output, TextWriter error)
    {
        if (Parse(text, error) is not { } reference) return ExitCodes.Usage;
        if (Open(database, error) is not { } store) return ExitCodes.Failed;
        if (!store.Cancel(reference))
        {
            var state = store.Find(reference)?.State.ToString().ToLowerInvariant();
            error.WriteLine(state is null ? $"ivr callbacks: no callback {reference} in {store.Path}." : $"ivr callbacks: callback {reference} is {state}; only pending callbacks can be cancelled.");
            return ExitCodes.Failed;
        }
        output.WriteLine($"Callback {reference} cancelled.");
        return ExitCodes.Ok;
    }

    private static ReferenceNumber? Parse(string text, TextWriter error)
    {
        if (ReferenceNumber.TryParse(text, out var reference)) return reference;
        error.WriteLine($"ivr callbacks: '{text}' is not a reference number (nine digits like 482-173-359; the last is a check digit).");
        return null;
    }

    private static SqliteCallbackStore? Open(string database, TextWriter error)
    {
        if (!File.Exists(database))
        {
            error.WriteLine($"ivr callbacks: there is no callback store at '{database}' (ivr call creates it when a caller books a callback).");
            return null;
        }
        return new SqliteCallbackStore(database);
    }

    private static string Format(NodaTime.Instant instant) => InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm").Format(instant);
}
