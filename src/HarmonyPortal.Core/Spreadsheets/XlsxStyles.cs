namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// The one fixed styles part every written workbook shares, and the indexes of its cell formats. Fixed because a
/// ledger needs only a handful of looks (title, subtitle, header, bordered data cells per <see cref="CellFormat"/>,
/// and the same formats without borders as column defaults, so that cells users fill in later keep the format).
/// </summary>
internal static class XlsxStyles
{
    public const int Default = 0;
    public const int Header = 1;
    public const int Title = 2;
    public const int Subtitle = 3;

    /// <summary>The custom number format id of yyyy-mm-dd (ids below 164 are Excel's built-in ones).</summary>
    public const int DateFormatId = 164;

    public const string Xml =
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>
        <fonts count="3">
        <font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>
        <font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>
        <font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>
        </fonts>
        <fills count="3">
        <fill><patternFill patternType="none"/></fill>
        <fill><patternFill patternType="gray125"/></fill>
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>
        </fills>
        <borders count="2">
        <border><left/><right/><top/><bottom/><diagonal/></border>
        <border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>
        </borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="13">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        </cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        <dxfs count="0"/>
        <tableStyles count="0"/>
        </styleSheet>
        """;

    /// <summary>The bordered style of a data cell of this format.</summary>
    public static int DataCell(CellFormat format) => format switch
    {
        CellFormat.Text => 5,
        CellFormat.Date => 6,
        CellFormat.Integer => 7,
        CellFormat.Percent => 8,
        _ => 4,
    };

    /// <summary>The style of a column's empty cells (no border), or <see cref="Default"/> for General.</summary>
    public static int ColumnDefault(CellFormat format) => format switch
    {
        CellFormat.Text => 9,
        CellFormat.Date => 10,
        CellFormat.Integer => 11,
        CellFormat.Percent => 12,
        _ => Default,
    };

    /// <summary>Style indexes as strings, so that writing a cell allocates nothing.</summary>
    public static readonly string[] Names = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
}
