using System.Net;
using System.Net.Http.Headers;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Core.Tests.Nominations.Support.OfficeEvidenceFiles;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>A county clerk attaches the files offices still send (.doc, .wps, .xls, .xlsx) to a nominee; macros and passwords are refused by name and reason.</summary>
public abstract class EvidenceOfficeFilesTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task DocWpsXlsAndXlsx_AreKept_WhileMacrosAndPasswordsAreRefusedNamingTheFile()
    {
        portal.Clock.Set(2022, 7, 1);
        using var clerk = await portal.SignedInClientAsync("xzdx.clerk");
        var id = await NominateAsync(clerk, GoldCategory.MediationOrganization, await LedgerRowAsync(clerk, GoldCategory.MediationOrganization, 2022, "定襄办公文件调解委员会"));
        var page = await clerk.GetPageAsync($"/nominations/{id}");
        Assert.Contains("DOC、WPS、XLS、XLSX", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(".wps", page.QuerySelector("input[type=file][name=file]")!.GetAttribute("accept"), StringComparison.Ordinal);

        var kept = new[]
        {
            await UploadAsync(clerk, id, Doc(), "事迹材料.doc"),
            await UploadAsync(clerk, id, Doc(), "调解案例.wps"),
            await UploadAsync(clerk, id, Xls(), "服务台账.xls"),
            await UploadAsync(clerk, id, Xlsx(), "服务企业名单.xlsx"),
        };
        var macros = await UploadAsync(clerk, id, Doc(storages: ["Macros"]), "带宏的材料.doc");
        var password = await UploadAsync(clerk, id, Xls(encrypted: true), "加密名单.xls");
        var macroBook = await UploadAsync(clerk, id, Xlsx(macroEnabled: true), "启用宏.xlsx");

        Assert.All(kept, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, macros.StatusCode);
        Assert.Contains("附件“带宏的材料.doc”：含有宏（VBA，Macros），打开时可能执行脚本或访问外部地址，已拒绝", await TextAsync(macros), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, password.StatusCode);
        Assert.Contains("附件“加密名单.xls”：文件已加密（设有打开密码），无法检查其内容，已拒绝。请在 WPS 或 Office 中取消打开密码", await TextAsync(password), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, macroBook.StatusCode);
        Assert.Contains("附件“启用宏.xlsx”：含有宏（启用宏的文档）", await TextAsync(macroBook), StringComparison.Ordinal);

        await using var db = portal.CreateDbContext();
        var stored = await db.NominationEvidence.Where(e => e.NominationId == id).OrderBy(e => e.Id).Select(e => new { e.FileName, e.ContentType }).ToListAsync();
        Assert.Equal(["事迹材料.doc", "调解案例.wps", "服务台账.xls", "服务企业名单.xlsx"], stored.Select(e => e.FileName));
        Assert.Equal(["application/msword", "application/msword", "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], stored.Select(e => e.ContentType));
        var listed = (await clerk.GetPageAsync($"/nominations/{id}")).Body!.TextContent;
        Assert.Contains("调解案例.wps", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("带宏的材料", listed, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient clerk, long id, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await clerk.TokenFromAsync("/nominations")), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(file, "file", fileName);
        return await clerk.Http.PostAsync($"/nominations/{id}/evidence", form);
    }
}

public sealed class SqliteEvidenceOfficeFilesTests(SqlitePortal portal) : EvidenceOfficeFilesTests<SqlitePortal>(portal);

public sealed class PostgresEvidenceOfficeFilesTests(PostgresPortal portal) : EvidenceOfficeFilesTests<PostgresPortal>(portal);
