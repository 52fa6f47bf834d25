using System.Globalization;

namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>The Chinese messages of <see cref="SpreadsheetRejectedException"/>, in one place so they read alike.</summary>
internal static class SpreadsheetMessages
{
    private const double MiB = 1024 * 1024;

    public const string NotWorkbook = "该文件不是 Excel 工作簿（.xlsx 或 .xls），请用模板填写后上传";

    public const string BinaryWorkbook = "暂不支持 Excel 二进制工作簿（.xlsb），请另存为 .xlsx 后上传";

    public const string ZipBomb = "文件解压后过大，疑似异常文件，已拒绝";

    public const string Encrypted = "该工作簿设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后重新保存，再上传";

    public const string Corrupt = "文件已损坏或内容不完整，无法读取。请在 Excel 或 WPS 中打开确认无误后重新保存，再上传";

    /// <summary>"文件大小 12.3 MB，超过上限 10 MB"; bytes when one decimal would not show the excess.</summary>
    public static string TooLarge(long? size, long limit)
    {
        var limitText = FormatMegabytes(limit);
        if (size is not { } bytes)
        {
            return $"文件大小超过上限 {limitText} MB";
        }

        var sizeText = (bytes / MiB).ToString("0.0", CultureInfo.InvariantCulture);
        return double.Parse(sizeText, CultureInfo.InvariantCulture) * MiB > limit
            ? $"文件大小 {sizeText} MB，超过上限 {limitText} MB"
            : $"文件大小 {bytes.ToString("N0", CultureInfo.InvariantCulture)} 字节，超过上限 {limitText} MB（{limit.ToString("N0", CultureInfo.InvariantCulture)} 字节）";
    }

    public static string TooManyRows(int limit) =>
        $"工作表超过 {limit.ToString(CultureInfo.InvariantCulture)} 行，超过上限，请拆分后分批上传";

    public static string TooManyColumns(int row, int limit) =>
        $"工作表第 {row.ToString(CultureInfo.InvariantCulture)} 行在第 {limit.ToString(CultureInfo.InvariantCulture)} 列之后还有内容，超出任何台账的列数，请使用本台账的模板";

    public static string TooManyCells(long limit) =>
        $"工作表内容过多（读取超过 {limit.ToString("N0", CultureInfo.InvariantCulture)} 个单元格，空行也计入），超出任何台账的规模，请删除多余的行和列或拆分后分批上传";

    /// <summary>An .xls whose DIMENSIONS or cells pass the format's own bounds: no Excel or WPS writes such a file.</summary>
    public static string XlsOutOfBounds(int rows, int columns) =>
        $"文件声明的工作表范围（{rows.ToString(CultureInfo.InvariantCulture)} 行 × {columns.ToString(CultureInfo.InvariantCulture)} 列）超出 Excel 97–2003 格式的上限（{XlsMaxRows} 行 × {XlsMaxColumns} 列），文件不符合 .xls 格式。请在 Excel 或 WPS 中打开，另存为 .xlsx 后上传";

    public const int XlsMaxRows = 65_536;

    public const int XlsMaxColumns = 256;

    private static string FormatMegabytes(long bytes) => (bytes / MiB).ToString("0.#", CultureInfo.InvariantCulture);
}
