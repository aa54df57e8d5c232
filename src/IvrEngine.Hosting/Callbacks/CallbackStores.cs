namespace IvrEngine.Hosting.Callbacks;

/// <summary>
/// The store a setting names (<c>Ivr:Callbacks:Database</c>, <c>--callbacks-db</c>, <c>--db</c>): a
/// PostgreSQL URL or connection string gives the shared <see cref="PostgresCallbackStore"/>,
/// anything else is a SQLite file (the default, <c>ivr-callbacks.db</c>).
/// </summary>
public static class CallbackStores
{
    /// <exception cref="IvrEngine.Callbacks.CallbackStoreException">A PostgreSQL connection that cannot be read.</exception>
    public static IDurableCallbackStore Open(string database) =>
        PostgresConnection.IsPostgres(database) ? new PostgresCallbackStore(PostgresConnection.Parse(database)) : new SqliteCallbackStore(database);

    /// <summary>As <see cref="Open"/>, for reading only: nothing is created, upgraded or written.</summary>
    public static IDurableCallbackStore OpenReadOnly(string database) =>
        PostgresConnection.IsPostgres(database) ? PostgresCallbackStore.OpenReadOnly(PostgresConnection.Parse(database)) : SqliteCallbackStore.OpenReadOnly(database);
}
