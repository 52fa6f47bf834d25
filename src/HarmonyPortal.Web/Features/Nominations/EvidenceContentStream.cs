using System.Data;
using System.Data.Common;
using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// The bytes of one evidence file, streamed from the database to the response instead of loaded whole: PostgreSQL
/// sends the column sequentially, SQLite reads the blob incrementally (the query selects the row id beside it). It
/// exists so that a download of a 5 MB file costs a buffer, not 5 MB per request. Call only after checking access.
/// </summary>
public sealed class EvidenceContentStream : Stream
{
    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private readonly Stream _content;
    private readonly HarmonyDbContext _db;

    private EvidenceContentStream(HarmonyDbContext db, DbCommand command, DbDataReader reader, Stream content) =>
        (_db, _command, _reader, _content) = (db, command, reader, content);

    public static async Task<Stream> OpenAsync(HarmonyDbContext db, long evidenceId, CancellationToken ct)
    {
        var command = db.NominationEvidence.Where(e => e.Id == evidenceId).Select(e => new { e.Id, e.Content }).CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        DbDataReader? reader = null;
        try
        {
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new Core.Scope.OutOfScopeException();
            }

            _ = reader.GetInt64(0); // in order: SequentialAccess reads columns forward only
            return new EvidenceContentStream(db, command, reader, reader.GetStream(1));
        }
        catch
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            await command.DisposeAsync();
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _content.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _content.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _content.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _content.Dispose();
            _reader.Dispose();
            _command.Dispose();
            _db.Database.CloseConnection();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _content.DisposeAsync();
        await _reader.DisposeAsync();
        await _command.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
        await base.DisposeAsync();
    }
}
