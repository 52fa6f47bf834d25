using System.Buffers;
using System.Globalization;
using System.Text;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Writes data rows as UTF-8 straight into the sheet's buffer: the fixed markup of <see cref="DataCellMarkup"/>, the
/// row's digits formatted once per row, numbers formatted to bytes, and text escaped as the sheet's
/// <see cref="System.Xml.XmlWriter"/> escapes element text (<c>&lt; &gt; &amp;</c>, a carriage return as
/// <c>&amp;#xD;</c>, everything else as it is) after <see cref="XmlText.Clean"/> has removed what XML forbids. The
/// XmlWriter still writes everything around the rows; it went through its character checks, its escaping loop and an
/// encoder per cell here, which made these rows cost more than the same rows from SpreadCheetah.
/// </summary>
internal sealed class DataRowWriter
{
    /// <summary>Characters encoded per copy: at most three bytes each, well inside the buffer.</summary>
    private const int ChunkChars = 8 * 1024;

    private static readonly SearchValues<char> Escaped = SearchValues.Create("<>&\r");

    private readonly SheetOutput _output;
    private readonly int _columnCount;
    private readonly int[] _dataStyles;
    private readonly List<byte[]> _cellStarts = [];
    private readonly byte[] _rowDigits = new byte[16];
    private int _rowDigitCount;

    public DataRowWriter(SheetOutput output, int[] dataStyles)
    {
        _output = output;
        _dataStyles = dataStyles;
        _columnCount = dataStyles.Length;
    }

    public void Write(int row, IReadOnlyList<CellValue> cells)
    {
        row.TryFormat(_rowDigits, out _rowDigitCount, default, CultureInfo.InvariantCulture);
        _output.Write(DataCellMarkup.RowStart);
        _output.Write(_rowDigits.AsSpan(0, _rowDigitCount));
        _output.Write(DataCellMarkup.RowStartEnd);
        var count = Math.Max(cells.Count, _columnCount);
        for (var i = 0; i < count; i++)
        {
            // Every cell of a data row is written, empty ones too (for their borders), each with its reference ("B7").
            var style = i < _columnCount ? _dataStyles[i] : WorksheetWriter.GeneralDataStyle;
            WriteCell(i, i < cells.Count ? cells[i] : default, style);
        }

        _output.Write(DataCellMarkup.RowEnd);
    }

    private void WriteCell(int index, CellValue value, int style)
    {
        while (_cellStarts.Count <= index)
        {
            _cellStarts.Add(DataCellMarkup.CellStart(_cellStarts.Count + 1));
        }

        _output.Write(_cellStarts[index]);
        _output.Write(_rowDigits.AsSpan(0, _rowDigitCount));
        switch (value.Kind)
        {
            case CellValueKind.Text:
                WriteText(XmlText.Clean(value.TextValue), style);
                break;
            case CellValueKind.Number:
                WriteNumber(value.NumberValue, style);
                break;
            case CellValueKind.Date:
                var dayNumber = (int)value.NumberValue;
                if (WorksheetWriter.HasSerial(dayNumber))
                {
                    WriteNumber(WorksheetWriter.Serial(dayNumber), WorksheetWriter.DateDataStyle);
                }
                else
                {
                    WriteText(WorksheetWriter.DateText(dayNumber), style);
                }

                break;
            default:
                _output.Write(DataCellMarkup.Empty[style]);
                break;
        }
    }

    private void WriteText(string text, int style)
    {
        var start = XmlText.NeedsPreserve(text) ? DataCellMarkup.TextStartPreserve : DataCellMarkup.TextStart;
        _output.Write(start[style]);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var at = rest.IndexOfAny(Escaped);
            if (at < 0)
            {
                WriteUtf8(rest);
                break;
            }

            WriteUtf8(rest[..at]);
            _output.Write(rest[at] switch
            {
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '&' => "&amp;"u8,
                _ => "&#xD;"u8,
            });
            rest = rest[(at + 1)..];
        }

        _output.Write(DataCellMarkup.TextEnd);
    }

    private void WriteUtf8(ReadOnlySpan<char> chars)
    {
        while (chars.Length > ChunkChars)
        {
            // Never split a surrogate pair between two copies.
            var take = char.IsHighSurrogate(chars[ChunkChars - 1]) ? ChunkChars - 1 : ChunkChars;
            Encode(chars[..take]);
            chars = chars[take..];
        }

        Encode(chars);
    }

    private void Encode(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        var written = Encoding.UTF8.GetBytes(chars, _output.GetSpan(chars.Length * 3));
        _output.Advance(written);
    }

    private void WriteNumber(double number, int style)
    {
        _output.Write(DataCellMarkup.NumberStart[style]);
        var span = _output.GetSpan(32);
        int written;
        if (Math.Abs(number) < 1e15 && number == Math.Truncate(number) && !(number == 0 && double.IsNegative(number)))
        {
            // Whole numbers (row numbers, dates, counts): the same digits as the double's shortest form, faster.
            ((long)number).TryFormat(span, out written, default, CultureInfo.InvariantCulture);
        }
        else
        {
            number.TryFormat(span, out written, default, CultureInfo.InvariantCulture);
        }

        _output.Advance(written);
        _output.Write(DataCellMarkup.NumberEnd);
    }
}
