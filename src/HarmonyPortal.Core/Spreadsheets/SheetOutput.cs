namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// The byte buffer in front of a worksheet's zip entry. The sheet's <see cref="System.Xml.XmlWriter"/> writes into
/// it, and so do the data rows, which are encoded straight to UTF-8 (<see cref="DataRowWriter"/>) after the XmlWriter
/// has been flushed into it. The entry receives the bytes 64 KB at a time, so the deflater and the CRC work on large
/// blocks. <see cref="Flush"/> does nothing: flushing the entry would make the deflater end a block early for no
/// reader's benefit. Everything buffered reaches the entry when this stream is disposed, which also disposes the entry.
/// </summary>
internal sealed class SheetOutput : Stream
{
    public const int BufferSize = 64 * 1024;

    private readonly Stream _entry;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;
    private bool _disposed;

    public SheetOutput(Stream entry) => _entry = entry;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Room for at least <paramref name="size"/> bytes (at most <see cref="BufferSize"/>); say how many were used
    /// with <see cref="Advance"/>.
    /// </summary>
    public Span<byte> GetSpan(int size)
    {
        if (BufferSize - _length < size)
        {
            Spill();
        }

        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.Length > BufferSize - _length)
        {
            Spill();
            if (buffer.Length > BufferSize)
            {
                _entry.Write(buffer);
                return;
            }
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                Spill();
            }
            finally
            {
                _entry.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Spill()
    {
        if (_length > 0)
        {
            _entry.Write(_buffer, 0, _length);
            _length = 0;
        }
    }
}
