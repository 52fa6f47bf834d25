namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// The fixed markup around data cells and rows, per style, written with <see cref="System.Xml.XmlWriter.WriteRaw(string)"/>
/// while the values themselves still go through <see cref="System.Xml.XmlWriter.WriteString(string)"/> (escaped and
/// checked). Data rows are the only part of a sheet that grows with the data, and building them element by element
/// costs about a third of the export's time for markup that never varies.
/// </summary>
internal static class DataCellMarkup
{
    public const string RowStart = "<row r=\"";
    public const string RowStartEnd = "\">";
    public const string RowEnd = "</row>";
    public const string NumberEnd = "</v></c>";
    public const string TextEnd = "</t></is></c>";

    public static readonly string[] Empty = Build(s => $"<c s=\"{s}\"/>");
    public static readonly string[] NumberStart = Build(s => $"<c s=\"{s}\"><v>");
    public static readonly string[] TextStart = Build(s => $"<c s=\"{s}\" t=\"inlineStr\"><is><t>");
    public static readonly string[] TextStartPreserve = Build(s => $"<c s=\"{s}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");

    private static string[] Build(Func<string, string> markup) => XlsxStyles.Names.Select(markup).ToArray();
}
