using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// An uploaded workbook (.xlsx from Excel or WPS, or Excel 97–2003 .xls), checked and opened for reading its first
/// worksheet row by row. It exists so that every ledger import gets the same defences in the same order — size,
/// file signature, zip-bomb and encryption checks before any parsing, a row limit while reading — and so that every
/// refusal is a <see cref="SpreadsheetRejectedException"/> with a Chinese message, never an unhandled exception.
/// .xlsx is read by <see cref="XlsxSheetReader"/> in one forward pass; .xls by ExcelDataReader. Both formats get the
/// same guards on the cost of reading: rows as wide as their last value (never as wide as the file declares), a
/// column cap, a budget of cells read in which blank rows count, and the caller's cancellation checked at every row.
/// Not thread-safe.
/// </summary>
public sealed class SpreadsheetFile : IDisposable
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>"EncryptedPackage" as a compound file names it (UTF-16): the stream of a password-encrypted .xlsx.</summary>
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

    private readonly MemoryStream _content;
    private readonly IDisposable _reader;
    private readonly Func<CancellationToken, IEnumerable<(int RowNumber, object?[] Values)>> _rows;
    private readonly Lazy<IReadOnlyList<MergedRange>> _mergedRanges;
    private readonly SpreadsheetLimits _limits;
    private readonly CancellationToken _cancellation;
    private bool _disposed;

    static SpreadsheetFile()
    {
        // .xls files written by Chinese Excel and WPS use code page 936 (GBK) for their non-Unicode strings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private SpreadsheetFile(MemoryStream content, XlsxSheetReader reader, SpreadsheetLimits limits, CancellationToken cancellation)
    {
        (_content, _reader, _limits, _cancellation, Format) = (content, reader, limits, cancellation, "xlsx");
        _rows = reader.Rows;
        _mergedRanges = new(() => Guard(reader.MergedRanges));
    }

    private SpreadsheetFile(MemoryStream content, IExcelDataReader reader, SpreadsheetLimits limits, CancellationToken cancellation)
    {
        (_content, _reader, _limits, _cancellation, Format) = (content, reader, limits, cancellation, "xls");
        _rows = ExcelRows;
        IReadOnlyList<MergedRange> merged = (reader.MergeCells ?? [])
            .Select(r => new MergedRange(r.FromRow + 1, r.FromColumn + 1, r.ToRow + 1, r.ToColumn + 1))
            .ToArray();
        _mergedRanges = new(merged);
    }

    /// <summary>"xlsx" or "xls".</summary>
    public string Format { get; }

    /// <summary>The merged ranges of the first worksheet (for .xlsx, read on first use).</summary>
    public IReadOnlyList<MergedRange> MergedRanges => _mergedRanges.Value;

    /// <summary>
    /// Checks and opens an upload. Before any parsing: the size, the file signature (zip for .xlsx, compound file for
    /// .xls), for .xlsx the zip's entries (declared and actually inflated sizes, compression ratio, encryption), and
    /// password encryption; for .xls the sheet's declared bounds. Throws <see cref="SpreadsheetRejectedException"/> for
    /// every file it will not read. <paramref name="cancellation"/> (the request's, or an import's time budget) is
    /// checked at every row each reading of <see cref="Rows"/> reads, blank rows included: it then throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static SpreadsheetFile Open(Stream input, SpreadsheetLimits limits, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);

        var content = UploadBuffer.Read(input, limits.MaxBytes);
        try
        {
            var header = content.GetBuffer().AsSpan(0, (int)Math.Min(content.Length, 8));
            if (header.StartsWith(ZipSignature))
            {
                ZipGuard.Check(content, limits);
                return Create(content, limits, "xlsx", cancellation);
            }

            if (header.StartsWith(CompoundSignature))
            {
                return Create(content, limits, "xls", cancellation);
            }

            throw new SpreadsheetRejectedException(SpreadsheetMessages.NotWorkbook);
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The rows of the first worksheet, in order, from row 1. Blank rows between rows are yielded with their row
    /// numbers (all cells empty); blank rows after the last non-blank row are not. Throws
    /// <see cref="SpreadsheetRejectedException"/> when the rows yielded would pass <see cref="SpreadsheetLimits.MaxDataRows"/>,
    /// the cells read (blank rows included) would pass <see cref="SpreadsheetLimits.MaxCells"/>, or the sheet turns out
    /// corrupt. Each enumeration reads the sheet again from the start.
    /// </summary>
    public IEnumerable<SheetRow> Rows()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadRows();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _reader.Dispose();
        _content.Dispose();
    }

    private IEnumerable<SheetRow> ReadRows()
    {
        var yielded = 0;
        var last = 0;
        var cells = 0L;
        using var source = Guard(() => _rows(_cancellation).GetEnumerator());
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _cancellation.ThrowIfCancellationRequested();
            if (!Guard(source.MoveNext))
            {
                yield break;
            }

            var (rowNumber, values) = source.Current;
            cells += Math.Max(1, values.Length);
            if (cells > _limits.MaxCells)
            {
                throw new SpreadsheetRejectedException(SpreadsheetMessages.TooManyCells(_limits.MaxCells));
            }

            var row = new SheetCell[values.Length];
            var blank = true;
            for (var i = 0; i < values.Length; i++)
            {
                row[i] = ReaderCells.FromValue(values[i]);
                blank &= row[i].IsEmpty;
            }

            if (blank)
            {
                continue;
            }

            // Rows missing between two rows (an .xlsx leaves blank rows out) are yielded blank, with their numbers.
            for (var gap = last + 1; gap < rowNumber; gap++)
            {
                CountRow(ref yielded);
                yield return new SheetRow(gap, []);
            }

            CountRow(ref yielded);
            yield return new SheetRow(rowNumber, row);
            last = rowNumber;
        }
    }

    /// <summary>
    /// The rows ExcelDataReader reads, each as wide as its last value: ExcelDataReader makes every row as wide as the
    /// sheet (<see cref="IExcelDataReader.FieldCount"/>, at most 256 once <see cref="CheckXlsBounds"/> passed).
    /// </summary>
    private IEnumerable<(int RowNumber, object?[] Values)> ExcelRows(CancellationToken cancellation)
    {
        var reader = (IExcelDataReader)_reader;
        reader.Reset();
        while (reader.Read())
        {
            cancellation.ThrowIfCancellationRequested();
            var width = reader.FieldCount;
            while (width > 0 && reader.GetValue(width - 1) is null)
            {
                width--;
            }

            var values = new object?[width];
            for (var i = 0; i < width; i++)
            {
                values[i] = reader.GetValue(i);
            }

            yield return (reader.Depth + 1, values);
        }
    }

    /// <summary>
    /// Refuses an .xls whose first sheet claims more than the format allows ([MS-XLS] DIMENSIONS: at most 65,536 rows
    /// and 256 columns). ExcelDataReader trusts the claim: it would make each row 65,535 cells wide and walk up to
    /// 2³¹ row numbers, minutes of CPU from a file of a few kilobytes.
    /// </summary>
    private static void CheckXlsBounds(IExcelDataReader reader)
    {
        if (reader.RowCount > SpreadsheetMessages.XlsMaxRows || reader.FieldCount > SpreadsheetMessages.XlsMaxColumns)
        {
            throw new SpreadsheetRejectedException(SpreadsheetMessages.XlsOutOfBounds(reader.RowCount, reader.FieldCount));
        }
    }

    private void CountRow(ref int yielded)
    {
        if (++yielded > _limits.MaxDataRows)
        {
            throw new SpreadsheetRejectedException(SpreadsheetMessages.TooManyRows(_limits.MaxDataRows));
        }
    }

    private static SpreadsheetFile Create(MemoryStream content, SpreadsheetLimits limits, string format, CancellationToken cancellation)
    {
        IDisposable? reader = null;
        try
        {
            if (format == "xlsx")
            {
                var xlsx = XlsxSheetReader.Open(content);
                reader = xlsx;
                return new SpreadsheetFile(content, xlsx, limits, cancellation);
            }

            content.Position = 0;
            var xls = ExcelReaderFactory.CreateBinaryReader(content, new ExcelReaderConfiguration
            {
                LeaveOpen = true,
                FallbackEncoding = Encoding.GetEncoding(936),
            });
            reader = xls;
            CheckXlsBounds(xls);
            return new SpreadsheetFile(content, xls, limits, cancellation);
        }
        catch (SpreadsheetRejectedException)
        {
            reader?.Dispose();
            throw;
        }
        catch (Exception ex)
        {
            reader?.Dispose();
            throw Reject(ex, content, format);
        }
    }

    private static SpreadsheetRejectedException Reject(Exception ex, MemoryStream content, string format)
    {
        if (ex is InvalidPasswordException)
        {
            return new SpreadsheetRejectedException(SpreadsheetMessages.Encrypted, ex);
        }

        if (format == "xls" && ex.GetType() == typeof(ExcelReaderException))
        {
            // A readable compound file without a Workbook stream: an encrypted .xlsx, or a Word/Outlook file renamed.
            // (A damaged compound file throws one of ExcelReaderException's subclasses and is corrupt.)
            var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
            return new SpreadsheetRejectedException(
                bytes.IndexOf(EncryptedPackageName) >= 0 ? SpreadsheetMessages.Encrypted : SpreadsheetMessages.NotWorkbook, ex);
        }

        return new SpreadsheetRejectedException(SpreadsheetMessages.Corrupt, ex);
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not SpreadsheetRejectedException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new SpreadsheetRejectedException(SpreadsheetMessages.Corrupt, ex);
        }
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });
}
