namespace IvrEngine.Tests.Callbacks;

/// <summary>A fresh SQLite file path in the temp folder, removed (with its WAL files) afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ivr-callbacks-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(Path + suffix)) File.Delete(Path + suffix);
        }
    }
}
