using IvrEngine.Callbacks;

namespace IvrEngine.Hosting.Callbacks;

/// <summary>
/// A callback store that outlives the process: a SQLite file (<see cref="SqliteCallbackStore"/>) or a
/// PostgreSQL database shared by several servers (<see cref="PostgresCallbackStore"/>). Commands and
/// health checks talk to either through this.
/// </summary>
public interface IDurableCallbackStore : ICallbackStore
{
    /// <summary>Where it is, fit to print: a file path, or the server and database (never a password).</summary>
    string Location { get; }

    /// <summary>Whether there is a store there yet (the file, the tables); creates nothing.</summary>
    /// <exception cref="CallbackStoreException">It cannot be told (the server cannot be reached).</exception>
    bool Exists();

    /// <summary>Opens the store now (creating and upgrading it unless read-only), so one that cannot work fails at start, not at the first booking.</summary>
    /// <exception cref="CallbackStoreException">It cannot be used, and why.</exception>
    void EnsureReady();
}
