using IvrEngine.Files;

namespace IvrEngine.Tests.Files;

[Platform("Linux,MacOsX")]
public sealed class BoundedFileTests
{
    [Test]
    public void TryRead_EndlessDevice_IsRefusedAsADevice()
    {
        var bytes = BoundedFile.TryRead(SpecialFiles.Endless, "a menu", out var problem);

        Assert.That(bytes, Is.Null);
        Assert.That(problem, Is.EqualTo("the path is a device, not a file"));
    }

    [Test]
    public void TryRead_NamedPipeWithoutWriter_IsRefusedWithoutWaiting()
    {
        var fifo = SpecialFiles.MakeFifo(".json");
        try
        {
            var (bytes, problem) = SpecialFiles.WithinHangGuard(() => (BoundedFile.TryRead(fifo, "a menu", out var p), p));

            Assert.That(bytes, Is.Null);
            Assert.That(problem, Is.EqualTo("the path is a named pipe (FIFO), not a file"));
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Test]
    public void TryRead_Folder_SaysItIsAFolder()
    {
        var bytes = BoundedFile.TryRead(Path.GetTempPath(), "a menu", out var problem);

        Assert.That(bytes, Is.Null);
        Assert.That(problem, Is.EqualTo("the path is a folder, not a file"));
    }

    [Test]
    public void TryRead_FileOfExactlyTheLimit_IsReadWhole()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Enumerable.Repeat((byte)'x', 10_000).ToArray());

            var bytes = BoundedFile.TryRead(path, "a menu", out var problem, maxBytes: 10_000);

            Assert.That(problem, Is.Null);
            Assert.That(bytes, Has.Length.EqualTo(10_000));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void TryRead_FileOneByteOverTheLimit_IsRefusedBySize()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[10_001]);

            var bytes = BoundedFile.TryRead(path, "a menu", out var problem, maxBytes: 10_000);

            Assert.That(bytes, Is.Null);
            Assert.That(problem, Is.EqualTo("the file is 10,001 bytes; a menu may be at most 10,000 bytes"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void TryRead_MissingFile_SaysItCannotBeRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ivr-missing-{Guid.NewGuid():N}.json");

        var bytes = BoundedFile.TryRead(path, "a menu", out var problem);

        Assert.That(bytes, Is.Null);
        Assert.That(problem, Does.StartWith("the file cannot be read: Could not find file"));
    }

    [Test]
    public void ReadAtMost_StreamThatClaimsNothingAndNeverEnds_StopsOneBytePastTheLimit()
    {
        using var endless = new EndlessStream();

        var bytes = BoundedFile.ReadAtMost(endless, "a menu", out var problem, maxBytes: 100_000);

        Assert.That(bytes, Is.Null);
        Assert.That(problem, Is.EqualTo("the file is more than 100,000 bytes long; a menu may be at most 100,000 bytes"));
        Assert.That(endless.Served, Is.EqualTo(100_001));
    }

    /// <summary>What /dev/zero looks like to a reader that does not ask the file's kind: no length, no end.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
