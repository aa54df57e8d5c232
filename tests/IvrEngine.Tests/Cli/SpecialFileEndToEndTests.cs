using IvrEngine.Tests.Files;

namespace IvrEngine.Tests.Cli;

/// <summary>The real ivr, given a device, a named pipe or a folder where a file belongs: one clear error, at once.</summary>
[NonParallelizable]
[Platform("Linux,MacOsX")]
public sealed class SpecialFileEndToEndTests
{
    [Test]
    public async Task Validate_EndlessDevice_ExitsOneWithOneLine()
    {
        var result = await IvrProcess.RunAsync("", "validate", SpecialFiles.Endless);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Is.EqualTo("/dev/zero(1,1): error IVR0001: the path is a device, not a file [$]\n"));
        Assert.That(result.Error, Is.EqualTo("1 of 1 file invalid.\n"));
    }

    [Test]
    public async Task Validate_NamedPipe_DoesNotWaitForAWriter()
    {
        var fifo = SpecialFiles.MakeFifo(".json");
        try
        {
            var result = await IvrProcess.RunAsync("", "validate", fifo);

            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Output, Is.EqualTo($"{fifo}(1,1): error IVR0001: the path is a named pipe (FIFO), not a file [$]\n"));
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Test]
    public async Task Validate_Folder_SaysItIsAFolderAndHowToNameItsFiles()
    {
        var result = await IvrProcess.RunAsync("", "validate", RepoPaths.Menus);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Is.EqualTo(
            $"{RepoPaths.Menus}(1,1): error IVR0001: the path is a folder, not a file [$]\n" +
            $"{RepoPaths.Menus}: a folder is not validated as a whole; name the files in it, e.g. ivr validate {Path.Combine(RepoPaths.Menus, "*.json")}\n"));
    }

    [Test]
    public async Task Call_EndlessDeviceAsMenu_ExitsOneWithTheReason()
    {
        var result = await IvrProcess.RunAsync("", "call", SpecialFiles.Endless);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.StartWith("/dev/zero(1,1): error IVR0001: the path is a device, not a file [$]\n"));
    }

    [Test]
    public async Task Call_NamedPipeAsStaffing_ExitsOneWithTheReason()
    {
        var fifo = SpecialFiles.MakeFifo(".staffing.json");
        try
        {
            var result = await IvrProcess.RunAsync("", "call", "--staffing", fifo);

            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Error, Is.EqualTo($"{fifo}(1,1): error IVR0001: the path is a named pipe (FIFO), not a file [$]\nivr call: the staffing file {fifo} has errors.\n"));
        }
        finally
        {
            File.Delete(fifo);
        }
    }
}
