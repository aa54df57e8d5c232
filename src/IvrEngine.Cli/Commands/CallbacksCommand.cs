using System.CommandLine;
using IvrEngine.Callbacks;
using IvrEngine.Calls;
using IvrEngine.Hosting.Callbacks;
using NodaTime;
using NodaTime.Text;

namespace IvrEngine.Cli.Commands;

/// <summary>
/// <c>ivr callbacks list|show REF|cancel REF|run MENU</c>: the promised callbacks in the store, for people.
/// Reading never changes the store (it is opened read-only, so a read-only store lists too); every
/// problem with the store (a file, or a PostgreSQL database) is one line.
/// </summary>
internal static class CallbacksCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var database = new Option<string?>("--db")
        {
            Description = $"The callback store: a SQLite file, or PostgreSQL as postgres://USER:PASSWORD@HOST:PORT/DB or Host=…;Database=… (default: the {CallbackOptions.SectionName}:Database setting or IVR_Ivr__Callbacks__Database, else ivr-callbacks.db in this folder, as ivr call and ivr serve use).",
            HelpName = "FILE|URL",
        };
        var reference = new Argument<string>("REF") { Description = "A callback's reference number, e.g. 482-173-359." };
        var state = new Option<string?>("--state") { Description = "Only callbacks in this state (pending, dialing, connected, completed, failed, expired, cancelled)." };
        var by = new Option<string?>("--by") { Description = "Who cancels it, recorded with the cancellation (default: your user name).", HelpName = "NAME" };

        var list = new Command("list", "Every callback: reference, state, queue, next attempt, attempts, the number (masked), and why it waits.") { database, state };
        list.SetAction(parseResult => List(CallbackDatabase.Resolve(parseResult.GetValue(database)), parseResult.GetValue(state), output, error));

        var show = new Command("show", "One callback with every dial attempt.") { reference, database };
        show.SetAction(parseResult => Show(CallbackDatabase.Resolve(parseResult.GetValue(database)), parseResult.GetValue(reference)!, output, error));

        var cancel = new Command("cancel", "Cancel a pending callback.") { reference, database, by };
        cancel.SetAction(parseResult => Cancel(CallbackDatabase.Resolve(parseResult.GetValue(database)), parseResult.GetValue(reference)!, parseResult.GetValue(by), output, error));

        return new Command("callbacks", "The callbacks the line has promised: list, show, cancel, run.") { list, show, cancel, CallbacksRunCommand.Create(database, output, error) };
    }

    private static int List(string database, string? state, TextWriter output, TextWriter error)
    {
        CallbackState? only = null;
        if (state is not null)
        {
            if (!Enum.TryParse<CallbackState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                error.WriteLine($"ivr callbacks: '{state}' is not a state; use one of {string.Join(", ", Enum.GetNames<CallbackState>().Select(n => n.ToLowerInvariant()))}.");
                return ExitCodes.Usage;
            }
            only = parsed;
        }
        return Guard(error, () =>
        {
            var store = CallbackStores.OpenReadOnly(database);
            var callbacks = store.List(only);
            if (callbacks.Count == 0)
            {
                output.WriteLine(store.Exists()
                    ? $"No callbacks{(only is null ? "" : $" {state}")} in {store.Location}."
                    : $"No callbacks: there is no callback store at {store.Location} yet (ivr call and ivr serve create it when a caller books one).");
                return ExitCodes.Ok;
            }
            output.WriteLine($"{"REFERENCE",-12} {"STATE",-10} {"QUEUE",-14} {"NEXT (UTC)",-17} {"TRIES",5}  {"NUMBER",-14}  WHY");
            foreach (var c in callbacks)
            {
                output.WriteLine($"{c.Reference,-12} {c.State.ToString().ToLowerInvariant(),-10} {c.Queue,-14} {Format(NextAttempt(c)),-17} {c.Attempts,5}  {CallbackNumber.Mask(c.PhoneNumber),-14}  {Why(c)}".TrimEnd());
            }
            return ExitCodes.Ok;
        });
    }

    private static int Show(string database, string text, TextWriter output, TextWriter error)
    {
        if (Parse(text, error) is not { } reference) return ExitCodes.Usage;
        return Guard(error, () =>
        {
            var store = CallbackStores.OpenReadOnly(database);
            if (store.Find(reference) is not { } c)
            {
                error.WriteLine($"ivr callbacks: no callback {reference} in {store.Location}.");
                return ExitCodes.Failed;
            }
            output.WriteLine($"Callback {c.Reference}: {c.State.ToString().ToLowerInvariant()}{(c.LastResult is null ? "" : $" ({c.LastResult})")}");
            output.WriteLine($"  {(c.Line is null ? "" : $"line {c.Line}, ")}queue {c.Queue}, {(c.Kind == CallbackKind.VirtualHold ? "virtual hold" : "scheduled")}, number {CallbackNumber.Mask(c.PhoneNumber)}, locale {c.Locale}");
            output.WriteLine($"  requested {Format(c.RequestedAt)}, due {Format(c.DueAt)}, expires {Format(c.ExpiresAt)} (UTC)");
            if (c.State == CallbackState.Pending) output.WriteLine($"  next attempt {Format(NextAttempt(c))} (UTC){(Why(c) is { Length: > 0 } why ? $": {why}" : "")}");
            if (c.CancelledAt is { } cancelledAt) output.WriteLine($"  cancelled {Format(cancelledAt)} (UTC) by {c.CancelledBy}");
            foreach (var attempt in store.Attempts(reference)) output.WriteLine($"  attempt {attempt.Number} at {Format(attempt.At)}: {attempt.Result}");
            return ExitCodes.Ok;
        });
    }

    private static int Cancel(string database, string text, string? by, TextWriter output, TextWriter error)
    {
        if (Parse(text, error) is not { } reference) return ExitCodes.Usage;
        return Guard(error, () =>
        {
            // Look first without writing: a missing or foreign file is not created or upgraded by a cancel that finds nothing.
            var reader = CallbackStores.OpenReadOnly(database);
            if (reader.Find(reference) is not { } found)
            {
                error.WriteLine(reader.Exists() ? $"ivr callbacks: no callback {reference} in {reader.Location}." : $"ivr callbacks: there is no callback store at {reader.Location}.");
                return ExitCodes.Failed;
            }
            if (found.State == CallbackState.Cancelled)
            {
                output.WriteLine($"Callback {reference} was already cancelled{(found.CancelledAt is { } at ? $" at {Format(at)} (UTC)" : "")}{(found.CancelledBy is { } cancelledBy ? $" by {cancelledBy}" : "")}.");
                return ExitCodes.Ok;
            }
            var store = CallbackStores.Open(database);
            var who = string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim();
            if (!store.Cancel(reference, Hosting.CallClock.Real().Clock.GetCurrentInstant(), who))
            {
                var now = store.Find(reference)!;
                error.WriteLine(now.State == CallbackState.Cancelled
                    ? $"ivr callbacks: callback {reference} was just cancelled by {now.CancelledBy}."
                    : $"ivr callbacks: callback {reference} is {now.State.ToString().ToLowerInvariant()}; only pending callbacks can be cancelled.");
                return now.State == CallbackState.Cancelled ? ExitCodes.Ok : ExitCodes.Failed;
            }
            output.WriteLine($"Callback {reference} cancelled by {who}.");
            return ExitCodes.Ok;
        });
    }

    /// <summary>A store that cannot be read or written ends the command with one line, never a stack trace.</summary>
    private static int Guard(TextWriter error, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (CallbackStoreException exception)
        {
            error.WriteLine($"ivr callbacks: {exception.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>When a pending callback will next be tried: its retry or postponement time when later than its due time.</summary>
    private static Instant NextAttempt(CallbackRequest c) => c.NextAttemptAt is { } next && next > c.DueAt ? next : c.DueAt;

    /// <summary>Why a callback is where it is: the dialer's last word on it (postponed because…, the last dial's result), for open ones.</summary>
    private static string Why(CallbackRequest c) => c.State is CallbackState.Pending or CallbackState.Dialing && c.LastResult is { } result ? result : string.Empty;

    private static ReferenceNumber? Parse(string text, TextWriter error)
    {
        if (ReferenceNumber.TryParse(text, out var reference)) return reference;
        error.WriteLine($"ivr callbacks: '{text}' is not a reference number (nine digits like 482-173-359; the last is a check digit).");
        return null;
    }

    private static string Format(Instant instant) => InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm").Format(instant);
}
