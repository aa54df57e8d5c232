namespace IvrEngine.Cli.Commands;

/// <summary>How <c>simulate</c> and <c>staff</c> end a long run that did not finish: stopped by the user, or a fault in the engine.</summary>
internal static class EngineRun
{
    /// <summary>The run's result; or, after one line on <paramref name="error"/>, false when it was cancelled or failed.</summary>
    public static async Task<(bool Finished, T Result)> GuardAsync<T>(Func<Task<T>> run, string command, TextWriter error)
    {
        try
        {
            return (true, await run().ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"{command}: stopped.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A fault in the engine is a bug to report, not a stack trace for a planner to read.
            error.WriteLine($"{command}: the simulation failed ({exception.GetType().Name}: {exception.Message}). Please report it with the scenario.");
        }
        return (false, default!);
    }
}
