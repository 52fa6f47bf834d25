namespace HarmonyPortal.Spreadsheets.Tests.Support;

/// <summary>A write-only, forward-only stream like an HTTP response body: any seek, position or length call fails the test.</summary>
public sealed class NonSeekableStream(Stream inner) : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException("Length on a non-seekable stream");
    public override long Position
    {
        get => throw new NotSupportedException("Position on a non-seekable stream");
        set => throw new NotSupportedException("Position on a non-seekable stream");
    }

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Seek on a non-seekable stream");
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        Written += count;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Written += buffer.Length;
    }
}
