namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// The fixed markup around data cells and rows, per style, written with <see cref="System.Xml.XmlWriter.WriteRaw(string)"/>
/// while the values themselves still go through <see cref="System.Xml.XmlWriter.WriteString(string)"/> (escaped and
/// checked). Data rows are the only part of a sheet that grows with the data, and building them element by element
/// costs about a third of the export's time for markup that never varies. Each cell is written as
/// <c>&lt;c r="</c> + column letters + row digits + the style's rest: readers such as exceljs need the reference on
/// every cell (it is optional in the schema, but they fail without it).
/// </summary>
internal static class DataCellMarkup
{
    public const string RowStart = "<row r=\"";
    public const string RowStartEnd = "\">";
    public const string RowEnd = "</row>";
    public const string NumberEnd = "</v></c>";
    public const string TextEnd = "</t></is></c>";

    /// <summary>What follows a cell's reference ("B7"), per style.</summary>
    public static readonly string[] Empty = Build(s => $"\" s=\"{s}\"/>");
    public static readonly string[] NumberStart = Build(s => $"\" s=\"{s}\"><v>");
    public static readonly string[] TextStart = Build(s => $"\" s=\"{s}\" t=\"inlineStr\"><is><t>");
    public static readonly string[] TextStartPreserve = Build(s => $"\" s=\"{s}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");

    /// <summary>The start of a cell in a 1-based column, up to its row number: <c>&lt;c r="B</c>.</summary>
    public static string CellStart(int column) => "<c r=\"" + CellReference.Column(column);

    private static string[] Build(Func<string, string> markup) => XlsxStyles.Names.Select(markup).ToArray();
}
