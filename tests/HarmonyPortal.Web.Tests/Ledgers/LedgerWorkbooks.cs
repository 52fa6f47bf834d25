using System.Net.Http.Headers;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>Ledger workbooks as offices fill them in, and their upload through the import form.</summary>
public static class LedgerWorkbooks
{
    public static readonly string[] CoordinatorHeaders =
        ["序号", "姓名", "性别", "民族", "身份证号码", "工作单位", "职务", "学历", "任职协调员时间", "联系方式", "类别", "职业技能等级", "证书编号", "发证日期", "是否在任"];

    /// <summary>A workbook as offices send them: a title row, a subtitle, the header, a blank row, then the rows.</summary>
    public static byte[] Workbook(string[] headers, params CellValue[][] rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream, leaveOpen: true))
        {
            writer.StartSheet(new SheetSpec("Sheet1", headers.Select(h => new ColumnSpec(h)).ToList()) { Title = "劳动关系协调员情况表", Subtitle = "填报单位：某县人社局" });
            writer.WriteRow(headers.Select(_ => CellValue.Empty).ToList());
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A coordinator's row in the order of <see cref="CoordinatorHeaders"/>.</summary>
    public static CellValue[] Person(string serial, string name, CellValue id, string gender, CellValue serving, string phone = "13812345678") =>
        [serial, name, gender, " 汉 ", id, "某县某公司", "主任", "大专", serving, phone, "协调员", "", "", "", "是"];

    public static async Task<HttpResponseMessage> UploadAsync(PortalClient client, string kind, byte[] bytes, string fileName = "台账.xlsx", int year = 2026)
    {
        var token = await client.TokenFromAsync($"/ledgers/{kind}/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year.ToString()), "year" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "file", fileName);
        return await ConfirmAsync(client, kind, await client.Http.PostAsync($"/ledgers/{kind}/import", form));
    }

    /// <summary>Uploads for the dry run only, in a mode: the preview page (or the refusal).</summary>
    public static async Task<HttpResponseMessage> PreviewAsync(PortalClient client, string kind, byte[] bytes, string mode = "AddOnly", int year = 2026)
    {
        var token = await client.TokenFromAsync($"/ledgers/{kind}/import");
        return await client.Http.PostAsync($"/ledgers/{kind}/import", Security.Matrix.MatrixRequest.Multipart(token, bytes, "台账.xlsx", ("year", year.ToString()), ("mode", mode)));
    }

    /// <summary>
    /// The clerk's second step: when <paramref name="preview"/> is a preview with 确认导入, presses it (the values shown
    /// for absent columns, as the page has them, or <paramref name="chosen"/>); otherwise returns the response as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(PortalClient client, string kind, HttpResponseMessage preview, string action = "confirm")
    {
        if (preview.StatusCode != System.Net.HttpStatusCode.OK)
        {
            return preview;
        }

        var page = await PortalClient.ParseAsync(preview);
        var form = page.QuerySelector("[data-testid=import-preview] form");
        if (form is null || (action == "confirm" && page.QuerySelector("[data-testid=import-confirm]") is null))
        {
            return preview;
        }

        var fields = new List<(string, string)> { ("action", action) };
        fields.AddRange(form.QuerySelectorAll("input[name=token], input[name^=chosen]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")));
        fields.AddRange(form.QuerySelectorAll("select[name^=chosen]").Select(s => (s.GetAttribute("name")!,
            s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "")));
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync($"/ledgers/{kind}/import/confirm", antiforgery, [.. fields]);
    }
}
