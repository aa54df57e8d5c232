using System.Text;
using IvrEngine.Files;

namespace IvrEngine.Tests.Files;

public sealed class WholeFileReplacementTests
{
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ivr-replace-");

    [TearDown]
    public void RemoveFolder() => _folder.Delete(recursive: true);

    [Test]
    public async Task ReplaceAsync_ExistingFile_HoldsTheNewBytesAndNothingIsLeftBesideIt()
    {
        var path = Path.Combine(_folder.FullName, "menu.json");
        await File.WriteAllTextAsync(path, "old");

        await WholeFileReplacement.ReplaceAsync(path, Encoding.UTF8.GetBytes("new"), "publishing");

        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("new"));
        Assert.That(_folder.GetFiles().Select(f => f.Name), Is.EqualTo(new[] { "menu.json" }));
    }

    [Test]
    public void ReplaceAsync_TargetIsAFolder_FailsAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_folder.FullName, "menu.json");
        Directory.CreateDirectory(path);

        Assert.That(async () => await WholeFileReplacement.ReplaceAsync(path, Encoding.UTF8.GetBytes("new"), "publishing"),
            Throws.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());
        Assert.That(_folder.GetFiles(), Is.Empty, "the temporary file is removed when the move fails");
        Assert.That(Directory.Exists(path), Is.True);
    }

    [Test]
    public void ReplaceAsync_FolderMissing_FailsWithoutCreatingAnything()
    {
        var path = Path.Combine(_folder.FullName, "gone", "menu.json");

        Assert.That(async () => await WholeFileReplacement.ReplaceAsync(path, Encoding.UTF8.GetBytes("new"), "adopting"),
            Throws.InstanceOf<DirectoryNotFoundException>());
        Assert.That(_folder.GetFileSystemInfos(), Is.Empty);
    }
}
