using System.Diagnostics;

namespace IvrEngine.Tests.Files;

/// <summary>Special files for the hostile-file tests: a named pipe nobody writes to, and the endless device.</summary>
internal static class SpecialFiles
{
    /// <summary>A file that claims to be empty and never ends.</summary>
    public const string Endless = "/dev/zero";

    /// <summary>A new FIFO in the temp folder (deleted by the caller); opening it for reading would wait for a writer forever.</summary>
    public static string MakeFifo(string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ivr-fifo-{Guid.NewGuid():N}{extension}");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo should create the pipe");
        return path;
    }

    /// <summary>
    /// Runs a read that must not block on a pipe; the wait is a hang guard, not a speed check (without the
    /// guard a regression would hang the whole test run instead of failing one test).
    /// </summary>
    public static T WithinHangGuard<T>(Func<T> read)
    {
        var task = Task.Run(read);
        Assert.That(task.Wait(TimeSpan.FromSeconds(30)), Is.True, "the read blocked on a special file");
        return task.Result;
    }
}
