using System.Runtime.InteropServices;

namespace IvrEngine.Files;

/// <summary>
/// What a path names, asked without opening it: opening a FIFO for reading blocks until a writer
/// comes, so a named pipe has to be recognised before any open. .NET (10) reports no file type for a
/// path, so on Unix this asks the runtime's own native shim (libSystem.Native, shipped with every
/// runtime and used by System.IO itself) for the stat mode.
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int RegularFile = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>
    /// Null for a regular file (or when the kind cannot be told: Windows, or a runtime without the
    /// shim; the bounded read still holds there) or a path that does not exist, else what the path is, in words.
    /// Outputs ask too: writing a transcript to /dev/full would fail only after the call.
    /// </summary>
    public static string? NotARegularFile(string path)
    {
        if (System.IO.Directory.Exists(path)) return "a folder";
        if (OperatingSystem.IsWindows()) return null;
        int mode;
        try
        {
            // FileStatus begins with two int32s, Flags then Mode; the buffer is generously larger than the struct.
            var status = new byte[256];
            if (Stat(path, status) != 0) return null;
            mode = BitConverter.ToInt32(status, 4) & TypeMask;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return mode switch
        {
            RegularFile => null,
            Fifo => "a named pipe (FIFO)",
            CharacterDevice => "a device",
            BlockDevice => "a block device",
            Socket => "a socket",
            Directory => "a folder",
            _ => "not a regular file",
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
