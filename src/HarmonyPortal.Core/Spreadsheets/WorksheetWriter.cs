using System.Globalization;
using System.Xml;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// Writes one worksheet part straight into its zip entry: everything that precedes the rows (views, frozen pane,
/// column widths and default formats, title, subtitle, header) when it starts, one row at a time, and what follows
/// the rows (merges, drop-downs, page setup) when it finishes. It keeps nothing per row, so memory stays flat
/// whatever the number of rows. Not thread-safe.
/// </summary>
internal sealed class WorksheetWriter : IDisposable
{
    /// <summary>Drop-downs apply from the row under the header down to this row.</summary>
    public const int DropDownLastRow = 100_000;

    /// <summary>Day number of 1899-12-30, Excel's day 0 in the 1900 date system (valid from 1900-03-01 on).</summary>
    private static readonly int ExcelEpochDayNumber = new DateOnly(1899, 12, 30).DayNumber;

    private static readonly int March1900DayNumber = new DateOnly(1900, 3, 1).DayNumber;

    internal static readonly int GeneralDataStyle = XlsxStyles.DataCell(CellFormat.General);
    internal static readonly int DateDataStyle = XlsxStyles.DataCell(CellFormat.Date);

    private readonly SheetOutput _output;
    private readonly XmlWriter _xml;
    private readonly DataRowWriter _rows;
    private readonly int _columnCount;
    private readonly List<string> _letters = [];
    private readonly char[] _buffer = new char[64];
    private bool _writingRows;
    private readonly List<string> _merges = [];
    private readonly List<(string Sqref, string Formula)> _validations = [];
    private readonly bool _landscape;
    private int _nextRow = 1;
    private bool _finished;

    public WorksheetWriter(Stream entryStream, SheetSpec spec, bool selected, DropDownLists lists)
    {
        _output = new SheetOutput(entryStream);
        _xml = XlsxXml.Create(_output);
        _columnCount = spec.Columns.Count;
        _landscape = spec.Landscape;
        _rows = new DataRowWriter(_output, spec.Columns.Select(c => XlsxStyles.DataCell(c.Format)).ToArray());

        var titleRows = (spec.Title is null ? 0 : 1) + (spec.Subtitle is null ? 0 : 1);
        HeaderRow = _columnCount == 0 ? null : titleRows + 1;

        _xml.WriteStartDocument(standalone: true);
        _xml.WriteStartElement("worksheet", XlsxXml.Main);
        _xml.WriteAttributeString("xmlns", "r", null, XlsxXml.Relationships);

        _xml.WriteStartElement("sheetPr");
        _xml.WriteStartElement("pageSetUpPr");
        _xml.WriteAttributeString("fitToPage", "1");
        _xml.WriteEndElement();
        _xml.WriteEndElement();

        WriteSheetViews(selected, spec.FreezeHeader ? HeaderRow : null);

        _xml.WriteStartElement("sheetFormatPr");
        _xml.WriteAttributeString("defaultRowHeight", "14.25");
        _xml.WriteEndElement();

        WriteColumns(spec.Columns);

        _xml.WriteStartElement("sheetData");
        if (spec.Title is not null)
        {
            WriteBannerRow(spec.Title, XlsxStyles.Title, "30");
        }

        if (spec.Subtitle is not null)
        {
            WriteBannerRow(spec.Subtitle, XlsxStyles.Subtitle, "20");
        }

        if (HeaderRow is { } header)
        {
            WriteHeaderRow(spec.Columns);
            CollectValidations(spec.Columns, header + 1, lists);
        }
    }

    /// <summary>The 1-based header row, or null for a sheet without columns.</summary>
    public int? HeaderRow { get; }

    public void WriteRow(IReadOnlyList<CellValue> cells)
    {
        if (cells.Count > CellReference.MaxColumns)
        {
            throw new ArgumentException($"A row holds at most {CellReference.MaxColumns} cells.", nameof(cells));
        }

        if (_nextRow > CellReference.MaxRows)
        {
            throw new InvalidOperationException($"A sheet holds at most {CellReference.MaxRows} rows: start another sheet.");
        }

        if (!_writingRows)
        {
            // Data rows go straight into the buffer behind the XmlWriter: close any open start tag and hand over
            // what the XmlWriter holds, so that the bytes stay in order.
            _xml.WriteRaw(string.Empty);
            _xml.Flush();
            _writingRows = true;
        }

        _rows.Write(_nextRow++, cells);
    }

    /// <summary>Writes a row of plain text cells with one style (the hidden "lists" sheet).</summary>
    public void WriteTextRow(IReadOnlyList<string?> values, int style)
    {
        _writingRows = false;
        var row = StartRow();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } text)
            {
                WriteCell(i, row, CellValue.Text(text), style);
            }
        }

        _xml.WriteEndElement();
    }

    /// <summary>Closes the rows and writes merges, drop-downs and page setup; then the entry is complete.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _writingRows = false;
        _xml.WriteEndElement(); // sheetData

        if (_merges.Count > 0)
        {
            _xml.WriteStartElement("mergeCells");
            _xml.WriteAttributeString("count", Invariant(_merges.Count));
            foreach (var merge in _merges)
            {
                _xml.WriteStartElement("mergeCell");
                _xml.WriteAttributeString("ref", merge);
                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
        }

        if (_validations.Count > 0)
        {
            WriteValidations();
        }

        _xml.WriteStartElement("pageMargins");
        _xml.WriteAttributeString("left", "0.5");
        _xml.WriteAttributeString("right", "0.5");
        _xml.WriteAttributeString("top", "0.75");
        _xml.WriteAttributeString("bottom", "0.75");
        _xml.WriteAttributeString("header", "0.3");
        _xml.WriteAttributeString("footer", "0.3");
        _xml.WriteEndElement();

        _xml.WriteStartElement("pageSetup");
        _xml.WriteAttributeString("paperSize", "9");
        _xml.WriteAttributeString("orientation", _landscape ? "landscape" : "portrait");
        _xml.WriteAttributeString("fitToWidth", "1");
        _xml.WriteAttributeString("fitToHeight", "0");
        _xml.WriteEndElement();

        _xml.WriteStartElement("headerFooter");
        _xml.WriteElementString("oddFooter", "&C第 &P 页，共 &N 页");
        _xml.WriteEndElement();

        _xml.WriteEndElement(); // worksheet
        _xml.WriteEndDocument();
        _xml.Flush();
        Dispose();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _output.Dispose();
    }

    private int StartRow(string? height = null)
    {
        if (_nextRow > CellReference.MaxRows)
        {
            throw new InvalidOperationException($"A sheet holds at most {CellReference.MaxRows} rows: start another sheet.");
        }

        var row = _nextRow++;
        _xml.WriteStartElement("row");
        _xml.WriteStartAttribute("r");
        row.TryFormat(_buffer, out var length, default, CultureInfo.InvariantCulture);
        _xml.WriteChars(_buffer, 0, length);
        _xml.WriteEndAttribute();
        if (height is not null)
        {
            _xml.WriteAttributeString("ht", height);
            _xml.WriteAttributeString("customHeight", "1");
        }

        return row;
    }

    private void WriteCell(int index, int row, CellValue value, int style)
    {
        _xml.WriteStartElement("c");
        WriteReference(index, row);
        switch (value.Kind)
        {
            case CellValueKind.Text:
                WriteStyle(style);
                WriteInlineString(XmlText.Clean(value.TextValue));
                break;
            case CellValueKind.Number:
                WriteStyle(style);
                WriteNumber(value.NumberValue);
                break;
            case CellValueKind.Date:
                var dayNumber = (int)value.NumberValue;
                if (HasSerial(dayNumber))
                {
                    WriteStyle(DateDataStyle);
                    WriteNumber(Serial(dayNumber));
                }
                else
                {
                    WriteStyle(style);
                    WriteInlineString(DateText(dayNumber));
                }

                break;
            default:
                WriteStyle(style);
                break;
        }

        _xml.WriteEndElement();
    }

    /// <summary>False before 1900-01-01, where Excel has no serial number: such a date is kept as text.</summary>
    internal static bool HasSerial(int dayNumber) => dayNumber >= ExcelEpochDayNumber + 2;

    /// <summary>
    /// Excel's serial number of a day; Excel counts the non-existent 1900-02-29, so dates before 1900-03-01 are one
    /// lower.
    /// </summary>
    internal static int Serial(int dayNumber) =>
        dayNumber - ExcelEpochDayNumber - (dayNumber < March1900DayNumber ? 1 : 0);

    /// <summary>A date without a serial number, as text.</summary>
    internal static string DateText(int dayNumber) =>
        DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void WriteReference(int index, int row)
    {
        while (_letters.Count <= index)
        {
            _letters.Add(CellReference.Column(_letters.Count + 1));
        }

        var letters = _letters[index];
        letters.CopyTo(_buffer);
        row.TryFormat(_buffer.AsSpan(letters.Length), out var digits, default, CultureInfo.InvariantCulture);
        _xml.WriteStartAttribute("r");
        _xml.WriteChars(_buffer, 0, letters.Length + digits);
        _xml.WriteEndAttribute();
    }

    private void WriteStyle(int style)
    {
        if (style != XlsxStyles.Default)
        {
            _xml.WriteAttributeString("s", XlsxStyles.Names[style]);
        }
    }

    private void WriteNumber(double number)
    {
        number.TryFormat(_buffer, out var length, default, CultureInfo.InvariantCulture);
        _xml.WriteStartElement("v");
        _xml.WriteChars(_buffer, 0, length);
        _xml.WriteEndElement();
    }

    private void WriteInlineString(string text)
    {
        _xml.WriteAttributeString("t", "inlineStr");
        _xml.WriteStartElement("is");
        _xml.WriteStartElement("t");
        if (XmlText.NeedsPreserve(text))
        {
            _xml.WriteAttributeString("xml", "space", null, "preserve");
        }

        _xml.WriteString(text);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    private void WriteSheetViews(bool selected, int? frozenRows)
    {
        _xml.WriteStartElement("sheetViews");
        _xml.WriteStartElement("sheetView");
        if (selected)
        {
            _xml.WriteAttributeString("tabSelected", "1");
        }

        _xml.WriteAttributeString("workbookViewId", "0");
        if (frozenRows is { } rows)
        {
            var topLeft = CellReference.Cell(1, rows + 1);
            _xml.WriteStartElement("pane");
            _xml.WriteAttributeString("ySplit", Invariant(rows));
            _xml.WriteAttributeString("topLeftCell", topLeft);
            _xml.WriteAttributeString("activePane", "bottomLeft");
            _xml.WriteAttributeString("state", "frozen");
            _xml.WriteEndElement();
            _xml.WriteStartElement("selection");
            _xml.WriteAttributeString("pane", "bottomLeft");
            _xml.WriteAttributeString("activeCell", topLeft);
            _xml.WriteAttributeString("sqref", topLeft);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    private void WriteColumns(IReadOnlyList<ColumnSpec> columns)
    {
        if (columns.Count == 0)
        {
            return;
        }

        _xml.WriteStartElement("cols");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var number = Invariant(i + 1);
            _xml.WriteStartElement("col");
            _xml.WriteAttributeString("min", number);
            _xml.WriteAttributeString("max", number);
            _xml.WriteAttributeString("width", column.Width.ToString("0.##", CultureInfo.InvariantCulture));
            var style = XlsxStyles.ColumnDefault(column.Format);
            if (style != XlsxStyles.Default)
            {
                _xml.WriteAttributeString("style", Invariant(style));
            }

            _xml.WriteAttributeString("customWidth", "1");
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private void WriteBannerRow(string text, int style, string height)
    {
        var row = _nextRow++;
        _xml.WriteStartElement("row");
        _xml.WriteAttributeString("r", Invariant(row));
        _xml.WriteAttributeString("ht", height);
        _xml.WriteAttributeString("customHeight", "1");
        WriteCell(0, row, CellValue.Text(text), style);
        _xml.WriteEndElement();
        if (_columnCount > 1)
        {
            _merges.Add(CellReference.Range(1, row, _columnCount, row));
        }
    }

    private void WriteHeaderRow(IReadOnlyList<ColumnSpec> columns)
    {
        // Excel and LibreOffice do not grow a row for wrapped text when they open a file: give the header the
        // height its longest wrapped header needs.
        var lines = columns.Max(c => HeaderText.Lines(c.Header, c.Width));
        var row = StartRow(lines > 1 ? (lines * 14.25 + 3).ToString("0.##", CultureInfo.InvariantCulture) : null);
        for (var i = 0; i < columns.Count; i++)
        {
            WriteCell(i, row, CellValue.Text(columns[i].Header), XlsxStyles.Header);
        }

        _xml.WriteEndElement();
    }

    private void CollectValidations(IReadOnlyList<ColumnSpec> columns, int firstDataRow, DropDownLists lists)
    {
        if (firstDataRow > DropDownLastRow)
        {
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].DropDown is { } values && lists.Formula(values) is { } formula)
            {
                var letters = CellReference.Column(i + 1);
                _validations.Add(($"{letters}{Invariant(firstDataRow)}:{letters}{Invariant(DropDownLastRow)}", formula));
            }
        }
    }

    private void WriteValidations()
    {
        _xml.WriteStartElement("dataValidations");
        _xml.WriteAttributeString("count", Invariant(_validations.Count));
        foreach (var (sqref, formula) in _validations)
        {
            _xml.WriteStartElement("dataValidation");
            _xml.WriteAttributeString("type", "list");
            _xml.WriteAttributeString("allowBlank", "1");
            _xml.WriteAttributeString("showInputMessage", "1");
            _xml.WriteAttributeString("showErrorMessage", "1");
            _xml.WriteAttributeString("errorTitle", "输入值无效");
            _xml.WriteAttributeString("error", "请从下拉列表中选择。");
            _xml.WriteAttributeString("sqref", sqref);
            _xml.WriteElementString("formula1", formula);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
