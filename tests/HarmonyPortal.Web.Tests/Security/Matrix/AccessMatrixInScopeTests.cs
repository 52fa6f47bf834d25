using System.Net;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.Core.Reporting;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Security.Matrix.MatrixRequest;

namespace HarmonyPortal.Web.Tests.Security.Matrix;

/// <summary>
/// The other half of the matrix: every scoped route, taken once by the user whose scope it is, succeeds
/// (a page, a file, or a redirect after a change the database shows). Workflow routes run as one story in
/// 山西: submit, return, submit, decide, approve, bulk-approve, reopen, extend, forward, select, publish.
/// </summary>
public abstract partial class AccessMatrixTests<TPortal>
{
    private readonly Dictionary<string, int> succeeded = [];
    private readonly List<string> failed = [];
    private readonly Dictionary<string, string> tokens = [];
    private int audited;

    /// <summary>The audit event each route must leave when it succeeds.</summary>
    /// <summary>POSTs whose success is a page rather than a redirect: the import's upload answers with its dry run's preview.</summary>
    private static readonly HashSet<string> PagePosts = ["POST Ledgers.Import"];

    private static readonly Dictionary<string, string> ExpectedAudit = new()
    {
        ["POST Ledgers.Create"] = AuditActions.LedgerCreated, ["POST Ledgers.Edit"] = AuditActions.LedgerUpdated, ["POST RecycleBin.Delete"] = AuditActions.LedgerDeleted,
        ["POST RecycleBin.Restore"] = AuditActions.LedgerRestored,
        ["GET Ledgers.Details"] = AuditActions.LedgerIdNumberViewed, ["GET Ledgers.Export"] = AuditActions.LedgerExported, ["POST Ledgers.ImportConfirm"] = AuditActions.LedgerImported,
        ["POST Ledgers.CarryForward"] = AuditActions.LedgerCarriedForward, ["POST Ledgers.Confirm"] = AuditActions.LedgerConfirmed, ["POST Nominations.Create"] = AuditActions.NominationCreated,
        ["POST Nominations.Narrative"] = AuditActions.NominationUpdated, ["POST Nominations.Evidence"] = AuditActions.NominationEvidenceAdded,
        ["GET Nominations.EvidenceFile"] = AuditActions.NominationEvidenceDownloaded, ["POST Nominations.Delete"] = AuditActions.NominationDeleted,
        ["POST Nominations.Submit"] = AuditActions.Sheet(WorkflowAction.Submit), ["POST Nominations.Return"] = AuditActions.Sheet(WorkflowAction.Return),
        ["POST Nominations.Decide"] = AuditActions.Sheet(WorkflowAction.Decide), ["POST Nominations.Approve"] = AuditActions.Sheet(WorkflowAction.Approve),
        ["POST Nominations.BulkApprove"] = AuditActions.Sheet(WorkflowAction.Approve), ["POST Nominations.Reopen"] = AuditActions.Sheet(WorkflowAction.Reopen),
        ["POST Nominations.Forward"] = AuditActions.Sheet(WorkflowAction.Forward), ["POST Nominations.Select"] = AuditActions.Sheet(WorkflowAction.Select),
        ["POST Nominations.ReviewAttestation"] = AuditActions.NominationAttestationConfirmed,
        ["POST Nominations.Publish"] = AuditActions.Sheet(WorkflowAction.Publish),
        ["POST Publication.Withdraw"] = AuditActions.Sheet(WorkflowAction.Withdraw), ["POST Nominations.Extend"] = AuditActions.DeadlineExtended,
        ["GET Print.Nomination"] = AuditActions.PrintViewed, ["GET Print.NominationPdf"] = AuditActions.PrintPdf,
        ["GET Print.Sheet"] = AuditActions.PrintViewed, ["GET Print.SheetPdf"] = AuditActions.PrintPdf,
        ["GET Print.Published"] = AuditActions.PrintViewed, ["GET Print.PublishedPdf"] = AuditActions.PrintPdf,
        ["POST Reporting.Report"] = AuditActions.LedgerReported, ["POST Reporting.ReturnReport"] = AuditActions.LedgerReportReturned,
        ["POST Rules.AddVersion"] = AuditActions.RuleSetVersionAdded, ["POST YearEnd.Start"] = AuditActions.YearEndExportStarted,
        ["GET YearEnd.Download"] = AuditActions.YearEndExportDownloaded, ["POST Users.Create"] = AuditActions.UserCreated,
        ["POST Users.Edit"] = AuditActions.UserUpdated, ["POST Users.Disable"] = AuditActions.UserDisabled, ["POST Users.Enable"] = AuditActions.UserEnabled,
        ["POST Users.ResetPassword"] = AuditActions.UserPasswordReset, ["POST TwoFactorReset.Reset"] = AuditActions.UserTwoFactorReset, ["POST Regions.Create"] = AuditActions.RegionCreated, ["POST Regions.Edit"] = AuditActions.RegionUpdated,
        ["POST Indicators.Report"] = AuditActions.IndicatorReported, ["GET Indicators.EvidenceFile"] = AuditActions.IndicatorEvidenceDownloaded,
        ["POST Materials.Create"] = AuditActions.MaterialCreated, ["POST Materials.Edit"] = AuditActions.MaterialUpdated, ["POST Materials.Delete"] = AuditActions.MaterialDeleted, ["POST Materials.Restore"] = AuditActions.MaterialRestored,
        ["POST Materials.Submit"] = AuditActions.MaterialSubmitted, ["POST Materials.Withdraw"] = AuditActions.MaterialWithdrawn, ["POST Materials.Accept"] = AuditActions.MaterialAccepted,
        ["POST Materials.Return"] = AuditActions.MaterialReturned, ["POST Materials.UndoAcceptance"] = AuditActions.MaterialAcceptanceUndone,
        ["GET Materials.Download"] = AuditActions.MaterialFileDownloaded, ["POST Materials.Extend"] = AuditActions.TaskDeadlineExtended,
        ["POST IndicatorReview.Accept"] = AuditActions.IndicatorAccepted, ["POST IndicatorReview.Return"] = AuditActions.IndicatorReturned,
        ["POST IndicatorReview.UndoAccept"] = AuditActions.IndicatorAcceptanceUndone, ["POST IndicatorReview.Extend"] = AuditActions.TaskDeadlineExtended,
        ["POST Units.Create"] = AuditActions.MemberUnitCreated, ["POST Units.Edit"] = AuditActions.MemberUnitUpdated, ["POST Units.Host"] = AuditActions.MemberUnitHostChanged,
        ["POST Drafts.Create"] = AuditActions.RuleSetDraftSaved, ["POST Drafts.Publish"] = AuditActions.RuleSetVersionAdded, ["POST Drafts.Discard"] = AuditActions.RuleSetDraftDiscarded,
        ["POST Rules.Restore"] = AuditActions.RuleSetVersionAdded,
        ["POST Units.Retire"] = AuditActions.MemberUnitRetired, ["POST Units.Restore"] = AuditActions.MemberUnitRestored,
        ["POST Emails.Resend"] = AuditActions.EmailResent,
        ["POST RegionChanges.Rename"] = AuditActions.RegionRenamed, ["POST RegionChanges.Close"] = AuditActions.RegionClosed, ["POST RegionChanges.Reopen"] = AuditActions.RegionReopened,
        ["POST MaterialPublication.Publish"] = AuditActions.MaterialPublished, ["POST MaterialPublication.Unpublish"] = AuditActions.MaterialUnpublished,
        ["GET MaterialPublication.File"] = AuditActions.MaterialPublishedFileDownloaded, ["GET MaterialPublication.Pdf"] = AuditActions.PrintPdf,
        ["GET Audit.Index"] = AuditActions.AuditViewed, ["GET Audit.Export"] = AuditActions.AuditExported,
        ["POST RegionChanges.Move"] = AuditActions.RegionMoved, ["POST RegionChanges.Merge"] = AuditActions.RegionMerged, ["POST RegionChanges.Split"] = AuditActions.RegionSplit,
        ["POST RegionChanges.Unmerge"] = AuditActions.RegionMergeUndone,
    };

    [Fact]
    public async Task EveryScopedRoute_SucceedsForTheUserWhoseScopeItIs()
    {
        var xzxf = World["xzxf"];
        var xzdx = World["xzdx"];
        var sx = World["sx"];
        const string clerk = "xzxf.clerk", city = "xz.reviewer", province = "sx.reviewer";

        // Ledgers, as the county clerk.
        const string ledger = "/ledgers/coordinators";
        await OkAsync("GET Ledgers.Index", clerk, Get("/ledgers?year=2022"));
        await OkAsync("GET Ledgers.List", clerk, Get($"{ledger}?regionId={xzxf.RegionId}&year=2022"));
        await OkAsync("GET Ledgers.Create", clerk, Get($"{ledger}/create?year=2022"));
        var form = Nominations.NominationFlow.QualifyingRow(GoldCategory.Coordinator, "范围内候选");
        var created = await OkAsync("POST Ledgers.Create", clerk, Post($"{ledger}/create", [.. form, ("year", "2022")]));
        var rowId = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        await OkAsync("GET Ledgers.Details", clerk, Get($"{ledger}/{rowId}?reveal=true"));
        await OkAsync("GET Ledgers.Edit", clerk, Get($"{ledger}/{rowId}/edit"));
        await OkAsync("POST Ledgers.Edit", clerk, Post($"{ledger}/{rowId}/edit", [.. form.With("WorkUnit", "忻府区某公司"), ("version", "1")]));
        await OkAsync("GET Ledgers.History", clerk, Get($"{ledger}/{rowId}/history"));
        // Carry-forward goes into a year the ledger form accepts (issue 14): last year's row comes into 2022.
        var clerkClient = await World.ClientAsync(clerk);
        var lastYear = await clerkClient.PostAsync($"{ledger}/create", await clerkClient.TokenFromAsync(ledger),
            [.. Nominations.NominationFlow.QualifyingRow(GoldCategory.Coordinator, "上年度候选"), ("year", "2021")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, lastYear.StatusCode);
        await ChangesAsync<Coordinator>(() => OkAsync("POST Ledgers.CarryForward", clerk, Post($"{ledger}/carry-forward", ("year", "2022"))));
        await ChangesAsync<Coordinator>(() => OkAsync("POST Ledgers.Confirm", clerk, Post($"{ledger}/confirm?year=2022", ("all", "true"))));
        await OkAsync("GET Ledgers.Template", clerk, Get($"{ledger}/template?year=2022"));
        await OkAsync("GET Ledgers.Export", clerk, Get($"{ledger}/export?regionId={xzxf.RegionId}&year=2022"));
        await OkAsync("GET Ledgers.Import", clerk, Get($"{ledger}/import?year=2022"));
        var imported = LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders,
            LedgerWorkbooks.Person("1", "导入候选", TestIdNumbers.WithCheckDigit("140902198001010010"), "男", "2019-05-01"));
        // The upload is a dry run (a preview page, nothing saved); the confirmation imports.
        var preview = await PortalClient.ParseAsync(await OkAsync("POST Ledgers.Import", clerk, Upload($"{ledger}/import", imported, "台账.xlsx", ("year", "2022"))));
        var upload = preview.QuerySelector("[data-testid=import-preview] input[name=token]")!.GetAttribute("value")!;
        await ChangesAsync<Coordinator>(() => OkAsync("POST Ledgers.ImportConfirm", clerk, Post($"{ledger}/import/confirm", ("token", upload), ("action", "confirm"))));
        await OkAsync("GET Ledgers.ImportErrors", clerk, Get($"{ledger}/import/{xzxf.ImportToken}"));
        long importedId;
        await using (var db = Portal.CreateDbContext())
        {
            importedId = await db.Coordinators.Where(c => c.Name == "导入候选").Select(c => c.Id).SingleAsync();
        }

        await OkAsync("GET RecycleBin.ConfirmDelete", clerk, Get($"{ledger}/{importedId}/delete"));
        await ChangesAsync<Coordinator>(() => OkAsync("POST RecycleBin.Delete", clerk, Post($"{ledger}/{importedId}/delete", ("version", "1"), ("confirmed", "true"))));
        await OkAsync("GET RecycleBin.Index", clerk, Get($"{ledger}/recycle-bin?year=2022"));
        var binId = await ScalarAsync(db => db.DeletedLedgerRows.Where(r => r.RowId == importedId).Select(r => r.Id).SingleAsync());
        await ChangesAsync<Coordinator>(() => OkAsync("POST RecycleBin.Restore", clerk, Post($"{ledger}/recycle-bin/{binId}/restore", ("year", "2022"))));
        await ChangesAsync<Coordinator>(() => OkAsync("POST RecycleBin.Delete", clerk, Post($"{ledger}/{importedId}/delete", ("version", "2"), ("confirmed", "true"))));

        // The county's nominee, from the ledger row to a submitted sheet.
        (string, string)[] gold = [("category", "Coordinator"), ("year", "2022"), ("batch", "0")];
        await OkAsync("GET Nominations.Index", clerk, Get("/nominations?category=Coordinator&year=2022"));
        var nominated = await OkAsync("POST Nominations.Create", clerk, Post("/nominations/create", [.. gold, ("ledgerRowId", rowId.ToString()), ("narrative", "长期扎根基层，调处劳动争议百余件，职工满意度高。")]));
        var newId = long.Parse(nominated.Headers.Location!.OriginalString.Split('/')[^1]);
        await OkAsync("GET Nominations.Nominee", clerk, Get($"/nominations/{newId}"));
        await OkAsync("POST Nominations.Narrative", clerk, Post($"/nominations/{newId}/narrative", ("narrative", "2022 年调处劳动争议 126 件，成功 118 件，推动企业建立协商机制。")));
        await OkAsync("POST Nominations.Evidence", clerk, Upload($"/nominations/{newId}/evidence", MatrixRoutes.Pdf, "表彰文件.pdf"));
        var evidenceId = await ScalarAsync(db => db.NominationEvidence.Where(e => e.NominationId == newId).Select(e => e.Id).SingleAsync());
        await OkAsync("GET Nominations.EvidenceFile", city, Get($"/nominations/{newId}/evidence/{evidenceId}"));
        await OkAsync("POST Nominations.RemoveEvidence", clerk, Post($"/nominations/{newId}/evidence/{evidenceId}/delete"));
        await OkAsync("POST Nominations.Delete", clerk, Post($"/nominations/{newId}/delete"));

        // The world's nominee of the county goes up: attested, submitted.
        var nomineeId = xzxf.NominationId!.Value;
        var criteria = (await (await World.ClientAsync(clerk)).GetPageAsync($"/nominations/{nomineeId}"))
            .QuerySelectorAll("form[action$='/attest'] input[name=criterionId]").Select(i => ((IHtmlInputElement)i).Value).ToList();
        Assert.NotEmpty(criteria);
        foreach (var criterion in criteria)
        {
            await OkAsync("POST Nominations.Attest", clerk, Post($"/nominations/{nomineeId}/attest", ("criterionId", criterion), ("evidence", "县人社局表彰文件（2022）12 号")));
        }

        var sheetId = xzxf.SheetId!.Value;
        await OkAsync("GET Nominations.Sheet", clerk, Get($"/nominations/sheets/{sheetId}"));
        await OkAsync("GET Nominations.ConfirmSubmit", clerk, Get($"/nominations/sheets/{sheetId}/submit"));
        await OkAsync("POST Nominations.Submit", clerk, await SheetStepAsync(clerk, sheetId, "submit", ("confirmed", "true")));

        // The city returns it, the county submits again, the city decides and approves.
        await OkAsync("POST Nominations.Return", city, await SheetStepAsync(city, sheetId, "return", ("reason", "请补充调处案件数量")));
        await OkAsync("POST Nominations.Submit", clerk, await SheetStepAsync(clerk, sheetId, "submit", ("confirmed", "true")));
        foreach (var criterion in criteria)
        {
            await OkAsync("POST Nominations.ReviewAttestation", city, Post($"/nominations/{nomineeId}/attest/review", ("criterionId", criterion), ("confirm", "true")));
        }

        await OkAsync("POST Nominations.Decide", city, Post($"/nominations/{nomineeId}/decide", ("approve", "true")));
        await OkAsync("POST Nominations.Approve", city, await SheetStepAsync(city, sheetId, "approve"));

        // A second county is approved in bulk, then reopened by the city; the city extends the first county's deadline.
        var other = await World.ClientAsync("xzdx.clerk");
        await Nominations.NominationFlow.AttestAllAsync(other, xzdx.NominationId!.Value);
        await Nominations.NominationFlow.DoneAsync(Nominations.NominationFlow.ActAsync(other, xzdx.SheetId!.Value, "submit"));
        await Nominations.NominationFlow.ConfirmAllAsync(await World.ClientAsync(city), xzdx.NominationId!.Value);
        var version = await SheetVersionAsync(city, xzdx.SheetId!.Value);
        await ChangesAsync<NominationSheet>(() => OkAsync("POST Nominations.BulkApprove", city, Post("/nominations/bulk-approve", [.. gold, ("items", $"{xzdx.SheetId}:{version}")])));
        await OkAsync("POST Nominations.Reopen", city, await SheetStepAsync(city, xzdx.SheetId!.Value, "reopen", ("reason", "请核对证书编号")));
        await ChangesAsync<DeadlineExtension>(() => OkAsync("POST Nominations.Extend", city,
            Post("/nominations/extend", [.. gold, ("regionId", xzxf.RegionId.ToString()), ("newDate", "2022-12-31"), ("reason", "汛期延误")])));

        // The city forwards its sheet (with its own nominee, attested by its clerk); the province selects and publishes.
        await Nominations.NominationFlow.AttestAllAsync(await World.ClientAsync("xz.clerk"), World["xz"].NominationId!.Value);
        var citySheetId = await ScalarAsync(db => db.Nominations.Where(n => n.Id == nomineeId).Select(n => n.CitySheetId!.Value).SingleAsync());
        await OkAsync("POST Nominations.Forward", city, await SheetStepAsync(city, citySheetId, "forward"));
        await OkAsync("POST Nominations.Select", province, Post($"/nominations/{nomineeId}/select", ("select", "true")));
        await OkAsync("POST Nominations.Select", province, Post($"/nominations/{World["xz"].NominationId}/select", ("select", "false"), ("reason", "名额有限")));
        await OkAsync("GET Publication.ConfirmPublish", province, Get("/nominations/publish?category=Coordinator&year=2022&batch=0"));
        await ChangesAsync<NominationSheet>(() => OkAsync("POST Nominations.Publish", province, Post("/nominations/publish", [.. gold, ("confirmed", "true")])));
        await ChangesAsync<NominationSheet>(() => OkAsync("POST Publication.Withdraw", province, Post("/nominations/withdraw", [.. gold, ("reason", "名单有误，核对后重新发布"), ("confirmed", "true")])));
        await ChangesAsync<NominationSheet>(() => OkAsync("POST Nominations.Publish", province, Post("/nominations/publish", [.. gold, ("confirmed", "true")])));

        // Print views, as the city and the province; each kind once as a PDF.
        await OkAsync("GET Print.Nomination", city, Get($"/print/nominations/{nomineeId}"));
        await OkAsync("GET Print.NominationPdf", city, Get($"/print/nominations/{nomineeId}.pdf"));
        await OkAsync("GET Print.Sheet", city, Get($"/print/sheets/{citySheetId}"));
        await OkAsync("GET Print.SheetPdf", city, Get($"/print/sheets/{citySheetId}.pdf"));
        await OkAsync("GET Print.Published", province, Get("/print/published?category=Coordinator&year=2022&batch=0"));
        await OkAsync("GET Print.PublishedPdf", province, Get("/print/published.pdf?category=Coordinator&year=2022&batch=0"));

        // Notifications, reporting, rules, dashboard, the home page.
        await OkAsync("GET Notifications.Index", clerk, Get("/notifications"));
        await ChangesAsync<Notification>(() => OkAsync("POST Notifications.Open", clerk, Post($"/notifications/{xzxf.NotificationId}/read")));
        await ChangesAsync<Notification>(() => OkAsync("POST Notifications.ReadAll", clerk, Post("/notifications/read-all")));
        await OkAsync("GET Reporting.Index", city, Get($"/reporting?regionId={xzxf.RegionId}&year=2022"));
        await ChangesAsync<LedgerReport>(() => OkAsync("POST Reporting.Report", clerk, Post($"/reporting/{xzxf.RegionId}/report", ("year", "2022"), ("confirmed", "true"))));
        await ChangesAsync<LedgerReport>(() => OkAsync("POST Reporting.ReturnReport", city, Post($"/reporting/{xzxf.RegionId}/return", ("year", "2022"), ("reason", "人数与花名册不符"))));
        var jurisdiction = await ScalarAsync(db => db.RuleSetVersions.Where(v => v.Version == 1 && v.Region.Path.StartsWith(sx.Path)).Select(v => v.RegionId).FirstAsync());
        await OkAsync("GET Rules.Index", "sx.admin", Get("/rules"));
        await OkAsync("GET Rules.Details", "sx.admin", Get($"/rules/{jurisdiction}"));
        var rules = await (await OkAsync("GET Rules.Download", "sx.admin", Get($"/rules/{jurisdiction}/versions/1.json"))).Content.ReadAsStringAsync();
        await ChangesAsync<RuleSetVersion>(() => OkAsync("POST Rules.AddVersion", "sx.admin", Post($"/rules/{jurisdiction}", ("json", rules), ("comment", "范围测试：原样另存"))));
        await OkAsync("GET Dashboard.Index", city, Get($"/dashboard?regionId={xzxf.RegionId}&year=2022"));
        await OkAsync("GET Home.Index", clerk, Get("/"));

        // The year-end workbook of the city, followed to its download.
        await OkAsync("GET YearEnd.Index", city, Get("/year-end?year=2022"));
        await ChangesAsync<ExportJob>(() => OkAsync("POST YearEnd.Start", city, Post("/year-end/exports", ("year", "2022"))));
        var jobId = await ScalarAsync(db => db.ExportJobs.Where(j => db.Users.Any(u => u.Id == j.UserId && u.UserName == city)).Select(j => j.Id).SingleAsync());
        await OkAsync("GET YearEnd.Status", city, Get($"/year-end/exports/{jobId}"));
        for (var i = 0; i < 300 && !(await ScalarAsync(db => db.ExportJobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync())).IsFinished(); i++)
        {
            await Task.Delay(100);
        }

        await OkAsync("GET YearEnd.Download", city, Get($"/year-end/exports/{jobId}/download"));

        // User and region administration, as the city admin and the province admin.
        const string admin = "xz.admin";
        await OkAsync("GET Users.Index", admin, Get($"/admin/users?regionId={xzxf.RegionId}"));
        await OkAsync("GET Users.Create", admin, Get("/admin/users/create"));
        (string, string)[] profile = [("Input.DisplayName", "新填报员"), ("Input.RegionId", xzxf.RegionId.ToString()), ("Input.Role", "Clerk")];
        await OkAsync("POST Users.Create", admin, Post("/admin/users/create", [.. profile, ("Input.UserName", "xzxf.newclerk"), ("Input.Password", "Scope#Matrix26")]));
        var newUser = await ScalarAsync(db => db.Users.Where(u => u.UserName == "xzxf.newclerk").Select(u => u.Id).SingleAsync());
        await OkAsync("GET Users.Edit", admin, Get($"/admin/users/{newUser}/edit"));
        await ChangesAsync<AppUser>(() => OkAsync("POST Users.Edit", admin, Post($"/admin/users/{newUser}/edit", [.. profile.Skip(1), ("Input.DisplayName", "改名填报员")])));
        await ChangesAsync<AppUser>(() => OkAsync("POST Users.Disable", admin, Post($"/admin/users/{newUser}/disable")));
        await ChangesAsync<AppUser>(() => OkAsync("POST Users.Enable", admin, Post($"/admin/users/{newUser}/enable")));
        await ChangesAsync<AppUser>(() => OkAsync("POST Users.ResetPassword", admin, Post($"/admin/users/{newUser}/reset-password")));
        await OkAsync("GET TwoFactorReset.Confirm", admin, Get($"/admin/users/{newUser}/two-factor-reset"));
        await OkAsync("POST TwoFactorReset.Reset", admin, Post($"/admin/users/{newUser}/two-factor-reset", ("reason", "范围测试：手机丢失"), ("confirmed", "true")));
        await OkAsync("GET Regions.Index", "sx.admin", Get("/admin/regions"));
        await OkAsync("GET Regions.Create", "sx.admin", Get($"/admin/regions/create?parentId={xzxf.RegionId}"));
        (string, string)[] town = [("Input.ParentId", xzxf.RegionId.ToString()), ("Input.Name", "秀容街道"), ("Input.Code", "140902-XR"), ("Input.IsLocalCode", "true"), ("Input.Level", "Town")];
        await OkAsync("POST Regions.Create", "sx.admin", Post("/admin/regions/create", town));
        var townId = await Portal.RegionIdAsync("140902-XR");
        await OkAsync("GET Regions.Edit", "sx.admin", Get($"/admin/regions/{townId}/edit"));
        await OkAsync("POST Regions.Edit", "sx.admin", Post($"/admin/regions/{townId}/edit", [.. town.Where(f => f.Item1 != "Input.Name"), ("Input.Name", "秀容街道办事处")]));
        await RegionChangeStepsAsync(townId, xzdx.RegionId);

        // 审计日志, as the city's 审计管理员 (三员分立 is on in the matrix, ADR 0020).
        await OkAsync("GET Audit.Index", "xz.auditadmin", Get($"/audit?regionId={xzxf.RegionId}"));
        await OkAsync("GET Audit.Export", "xz.auditadmin", Get($"/audit/export?regionId={xzxf.RegionId}"));

        // The plan editor: the county's first plan written in forms and published, a second draft discarded, an earlier version of the province's plan restored.
        var newPlan = Post("/rules/drafts", ("Input.RegionId", xzxf.RegionId.ToString()), ("Input.FromYear", "2095"), ("Input.ToYear", "2097"), ("Input.Start", "Blank"));
        await OkAsync("GET Drafts.Index", admin, Get("/rules/drafts"));
        await OkAsync("GET Drafts.New", admin, Get($"/rules/drafts/new?regionId={xzxf.RegionId}"));
        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.Create", admin, newPlan));
        var draftId = await ScalarAsync(db => db.RuleSetDrafts.Where(d => d.RegionId == xzxf.RegionId && d.FromYear == 2095).Select(d => d.Id).SingleAsync());
        var draft = $"/rules/drafts/{draftId}";
        await OkAsync("GET Drafts.Basics", admin, Get(draft));
        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.SaveBasics", admin, Post($"{draft}/basics", ("Input.Name", "忻府区规划"), ("Input.Source", "忻府区实施方案"), ("Input.ToYear", "2097"))));
        await OkAsync("GET Drafts.Tasks", admin, Get($"{draft}/tasks"));
        foreach (var name in new[] { "范围测试任务一", "范围测试任务二" })
        {
            await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.SaveTask", admin, Post($"{draft}/tasks", ("Input.Name", name), ("Input.Kind", "DisplayOnly"), ("Input.Lead", "人社局"), ("Input.DisplayReason", "仅展示"))));
        }

        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.MoveTask", admin, Post($"{draft}/tasks/0/move?by=1")));
        await OkAsync("GET Drafts.Deadlines", admin, Get($"{draft}/deadlines"));
        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.AddDeadline", admin, Post($"{draft}/deadlines", ("Input.TaskIndex", "0"), ("Input.Year", "2095"), ("Input.Step", "Submit"), ("Input.Date", "2095-11-15"))));
        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.ChangeDeadline", admin, Post($"{draft}/deadlines/0/0", ("date", "2095-11-20"))));
        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.DeleteDeadline", admin, Post($"{draft}/deadlines/0/0/delete")));
        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.DeleteTask", admin, Post($"{draft}/tasks/1/delete")));
        await OkAsync("GET Grid.Show", admin, Get($"{draft}/grid"));
        await OkAsync("POST Grid.Save", admin, Post($"{draft}/grid"));
        var grid = await (await OkAsync("GET Grid.Download", admin, Get($"{draft}/grid.xlsx"))).Content.ReadAsByteArrayAsync();
        await OkAsync("POST Grid.Upload", admin, Upload($"{draft}/grid.xlsx", grid, "任务安排表.xlsx"));
        await OkAsync("GET Drafts.Publish", admin, Get($"{draft}/publish"));
        await ChangesAsync<RuleSetVersion>(() => OkAsync("POST Drafts.Publish", admin, Post($"{draft}/publish", ("confirmed", "true"), ("comment", "范围测试"))));
        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.Create", admin, newPlan with { Form = [.. newPlan.Form.Where(f => f.Item1 is not "Input.FromYear" and not "Input.ToYear"), ("Input.FromYear", "2099"), ("Input.ToYear", "2099")] }));
        var second = await ScalarAsync(db => db.RuleSetDrafts.Where(d => d.RegionId == xzxf.RegionId && d.FromYear == 2099).Select(d => d.Id).SingleAsync());
        await ChangesAsync<RuleSetDraft>(() => OkAsync("POST Drafts.Discard", admin, Post($"/rules/drafts/{second}/discard", ("confirmed", "true"))));
        await OkAsync("GET Rules.Restore", "sx.admin", Get($"/rules/{jurisdiction}/versions/1/restore"));
        await ChangesAsync<RuleSetVersion>(() => OkAsync("POST Rules.Restore", "sx.admin", Post($"/rules/{jurisdiction}/versions/1/restore", ("reason", "范围测试：恢复"))));

        // 指标报送: 山西's plan gains an indicator held by every county; the county's clerk reports it, the city downloads the evidence.
        await using (var db = Portal.CreateDbContext())
        {
            var plan = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jurisdiction).OrderByDescending(v => v.Version).FirstAsync();
            var json = System.Text.Json.Nodes.JsonNode.Parse(plan.Json)!;
            json["tasks"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
                """{ "id": "scope-indicator", "name": "范围测试指标", "lead": "人社厅", "kind": "indicator", "indicator": { "label": "培训人数", "unit": "人" }, "quotas": [ { "level": "County", "per": "year", "min": 1, "unit": "人" } ] }"""));
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = jurisdiction, Version = plan.Version + 1, FromYear = plan.FromYear, ToYear = plan.ToYear, PlanVersion = plan.PlanVersion + 1,
                Json = json.ToJsonString(), Name = plan.Name, CreatedAtUtc = DateTime.UtcNow, CreatedBy = "sx.admin",
            });
            await db.SaveChangesAsync();
        }

        await OkAsync("GET Indicators.Index", clerk, Get($"/indicators?regionId={xzxf.RegionId}&year=2022"));
        await ChangesAsync<Core.Indicators.IndicatorReport>(() => OkAsync("POST Indicators.Report", clerk,
            Upload($"/indicators/{xzxf.RegionId}/report", MatrixRoutes.Pdf, "培训签到表.pdf", ("year", "2022"), ("jurisdictionRegionId", jurisdiction.ToString()), ("taskId", "scope-indicator"), ("value", "12"))));
        var indicatorEvidence = await ScalarAsync(db => db.IndicatorEvidence.Where(e => e.FileName == "培训签到表.pdf").Select(e => e.Id).SingleAsync());
        await OkAsync("GET Indicators.EvidenceFile", city, Get($"/indicators/evidence/{indicatorEvidence}"));

        await MaterialStepsAsync(jurisdiction, xzxf.RegionId);
        // 指标审核: the city (the county's level above) returns the figure, the county reports again, the city accepts, undoes, extends.
        Task<long> LatestIndicatorAsync() => ScalarAsync(db => db.IndicatorReports.Where(r => r.RegionId == xzxf.RegionId && r.TaskId == "scope-indicator" && r.JurisdictionRegionId == jurisdiction).MaxAsync(r => r.Id));
        await OkAsync("GET IndicatorReview.Review", city, Get($"/indicators/review?regionId={World["xz"].RegionId}&year=2022"));
        await ChangesAsync<Core.Indicators.IndicatorReport>(async () => await OkAsync("POST IndicatorReview.Return", city,
            Post($"/indicators/{xzxf.RegionId}/return", ("reportId", (await LatestIndicatorAsync()).ToString()), ("reason", "签到表不清晰"), ("confirmed", "true"))));
        await OkAsync("POST Indicators.Report", clerk,
            Upload($"/indicators/{xzxf.RegionId}/report", MatrixRoutes.Pdf, "培训签到表（更正）.pdf", ("year", "2022"), ("jurisdictionRegionId", jurisdiction.ToString()), ("taskId", "scope-indicator"), ("value", "13")));
        await ChangesAsync<Core.Indicators.IndicatorReport>(async () => await OkAsync("POST IndicatorReview.Accept", city,
            Post($"/indicators/{xzxf.RegionId}/accept", ("reportId", (await LatestIndicatorAsync()).ToString()), ("confirmed", "true"))));
        await ChangesAsync<Core.Indicators.IndicatorReport>(async () => await OkAsync("POST IndicatorReview.UndoAccept", city,
            Post($"/indicators/{xzxf.RegionId}/undo-accept", ("reportId", (await LatestIndicatorAsync()).ToString()), ("reason", "需核对人数"), ("confirmed", "true"))));
        await ChangesAsync<Core.Materials.TaskDeadlineExtension>(() => OkAsync("POST IndicatorReview.Extend", city,
            Post($"/indicators/{xzxf.RegionId}/extend", ("year", "2022"), ("jurisdictionRegionId", jurisdiction.ToString()), ("taskId", "scope-indicator"), ("newDate", "2022-12-31"), ("reason", "汛期延误"))));
        await OkAsync("GET IndicatorReview.Rollup", province, Get("/indicators/rollup?year=2022"));

        // Member units of the county, as the city admin: add, rename, retire, restore, host and back.
        await OkAsync("GET Units.Index", admin, Get($"/admin/units?regionId={xzxf.RegionId}"));
        await OkAsync("POST Units.Create", admin, Post("/admin/units/create", ("regionId", xzxf.RegionId.ToString()), ("Input.ShortName", "商务局"), ("Input.Name", "忻府区商务局")));
        var unitId = await ScalarAsync(db => db.MemberUnits.Where(u => u.RegionId == xzxf.RegionId && u.ShortName == "商务局").Select(u => u.Id).SingleAsync());
        await OkAsync("GET Units.Edit", admin, Get($"/admin/units/{unitId}/edit"));
        await OkAsync("POST Units.Edit", admin, Post($"/admin/units/{unitId}/edit", ("Input.ShortName", "商务局"), ("Input.Name", "忻府区商务局（改）"), ("Input.SortOrder", "50")));
        await OkAsync("GET Units.Retire", admin, Get($"/admin/units/{unitId}/retire"));
        await OkAsync("POST Units.Retire", admin, Post($"/admin/units/{unitId}/retire", ("confirm", "true")));
        await OkAsync("POST Units.Restore", admin, Post($"/admin/units/{unitId}/restore"));
        await OkAsync("POST Units.Host", admin, Post($"/admin/units/{unitId}/host"));
        await OkAsync("POST Units.Host", admin, Post($"/admin/units/{xzxf.UnitId}/host"));

        // 邮件发送 (issue 19): the city admin sees the county's failed email and sends it again.
        await OkAsync("GET Emails.Index", admin, Get("/admin/emails"));
        await OkAsync("GET Emails.Resend", admin, Get($"/admin/emails/{xzxf.EmailId}/resend"));
        await OkAsync("POST Emails.Resend", admin, Post($"/admin/emails/{xzxf.EmailId}/resend", ("confirm", "true")));

        await CriteriaStepsAsync(xzxf.DraftId!.Value);

        // 典型案例 (issue 18): the city's reviewer publishes the county's accepted case, the county reads the city's list and the file, the city withdraws it.
        await ChangesAsync<Core.Materials.MaterialEvent>(() => OkAsync("POST MaterialPublication.Publish", city, Post($"/materials/published/{xzxf.CaseMaterialId}/publish", ("confirmed", "true"))));
        await OkAsync("GET MaterialPublication.Index", clerk, Get($"/materials/published?regionId={World["xz"].RegionId}&year=2022"));
        await OkAsync("GET MaterialPublication.Pdf", city, Get($"/materials/published.pdf?regionId={World["xz"].RegionId}&year=2022"));
        await OkAsync("GET MaterialPublication.File", clerk, Get($"/materials/published/files/{xzxf.CaseFileId}"));
        await ChangesAsync<Core.Materials.MaterialEvent>(() => OkAsync("POST MaterialPublication.Unpublish", city,
            Post($"/materials/published/{xzxf.CaseMaterialId}/unpublish", ("reason", "范围测试：撤回"), ("confirmed", "true"))));

        var required = MatrixRoutes.Foreign.Keys.Concat(MatrixRoutes.OwnScope.Keys).ToList();
        var taken = succeeded.Values.Sum() + failed.Count;
        Output.WriteLine($"{Portal.Provider}: {taken} in-scope requests over {required.Count} scoped routes, {succeeded.Values.Sum()} succeeded, {failed.Count} failed; " +
            $"{audited} audited events ({ExpectedAudit.Values.Distinct().Count()} kinds) checked for time, user, IP, object and outcome.");
        failed.ForEach(Output.WriteLine);
        Assert.Empty(failed);
        var untried = required.Where(k => !succeeded.ContainsKey(k)).ToList();
        Assert.Empty(untried);
    }

    /// <summary>
    /// 材料报送 (issue 18): 山西's plan gains a material every county submits; the county's clerk makes, edits, submits,
    /// withdraws and resubmits it, the city returns, accepts, undoes and extends, the province reads the roll-up.
    /// </summary>
    private async Task MaterialStepsAsync(int jurisdiction, int county)
    {
        const string clerk = "xzxf.clerk", city = "xz.reviewer";
        await using (var db = Portal.CreateDbContext())
        {
            var plan = await db.RuleSetVersions.AsNoTracking().Where(v => v.RegionId == jurisdiction).OrderByDescending(v => v.Version).FirstAsync();
            var json = System.Text.Json.Nodes.JsonNode.Parse(plan.Json)!;
            json["tasks"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
                """{ "id": "scope-material", "name": "范围测试材料", "lead": "人社厅", "kind": "material", "material": "summary", "submittedBy": "County" }"""));
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = jurisdiction, Version = plan.Version + 1, FromYear = plan.FromYear, ToYear = plan.ToYear, PlanVersion = plan.PlanVersion + 1,
                Json = json.ToJsonString(), Name = plan.Name, CreatedAtUtc = DateTime.UtcNow, CreatedBy = "sx.admin",
            });
            await db.SaveChangesAsync();
        }

        async Task<MatrixRequest> StepAsync(string user, long id, string step, params (string, string)[] fields)
        {
            var page = await (await World.ClientAsync(user)).GetPageAsync($"/materials/{id}");
            return Post($"/materials/{id}/{step}", [("version", page.QuerySelector("[data-testid=facts]")!.GetAttribute("data-version")!), .. fields]);
        }

        (string, string)[] create = [("year", "2022"), ("jurisdictionRegionId", jurisdiction.ToString()), ("taskId", "scope-material"), ("title", "范围测试总结")];
        await OkAsync("GET Materials.Index", clerk, Get($"/materials?regionId={county}&year=2022"));
        await ChangesAsync<Core.Materials.MaterialSubmission>(() => OkAsync("POST Materials.Create", clerk, Upload($"/materials/{county}/create", MatrixRoutes.Pdf, "总结.pdf", create)));
        var id = await ScalarAsync(db => db.MaterialSubmissions.Where(m => m.RegionId == county && m.Title == "范围测试总结").Select(m => m.Id).SingleAsync());
        await OkAsync("GET Materials.Details", clerk, Get($"/materials/{id}"));
        var edit = await StepAsync(clerk, id, "edit", ("title", "范围测试总结（修订）"));
        await ChangesAsync<Core.Materials.MaterialSubmission>(() => OkAsync("POST Materials.Edit", clerk, Upload(edit.Url, MatrixRoutes.Pdf, "补充.pdf", edit.Form.ToArray())));
        await OkAsync("POST Materials.Submit", clerk, await StepAsync(clerk, id, "submit", ("confirmed", "true")));
        await OkAsync("POST Materials.Withdraw", clerk, await StepAsync(clerk, id, "withdraw", ("reason", "附件有误"), ("confirmed", "true")));
        await OkAsync("POST Materials.Submit", clerk, await StepAsync(clerk, id, "submit", ("confirmed", "true")));
        await OkAsync("GET Materials.Review", city, Get($"/materials/review?regionId={World["xz"].RegionId}&year=2022"));
        await OkAsync("POST Materials.Return", city, await StepAsync(city, id, "return", ("reason", "请补充数据"), ("confirmed", "true")));
        await OkAsync("POST Materials.Submit", clerk, await StepAsync(clerk, id, "submit", ("confirmed", "true")));
        await OkAsync("POST Materials.Accept", city, await StepAsync(city, id, "accept", ("confirmed", "true")));
        await OkAsync("POST Materials.UndoAcceptance", city, await StepAsync(city, id, "undo-accept", ("reason", "误点接收"), ("confirmed", "true")));
        var file = await ScalarAsync(db => db.MaterialFiles.Where(f => f.SubmissionId == id).Select(f => f.Id).FirstAsync());
        await OkAsync("GET Materials.Download", city, Get($"/materials/files/{file}"));
        var later = DateOnly.FromDateTime(Portal.Clock.GetLocalNow().DateTime).AddDays(30).ToString("yyyy-MM-dd");
        await ChangesAsync<Core.Materials.TaskDeadlineExtension>(() => OkAsync("POST Materials.Extend", city, Post("/materials/review/extend",
            ("regionId", county.ToString()), ("jurisdictionRegionId", jurisdiction.ToString()), ("taskId", "scope-material"), ("year", "2022"), ("newDate", later), ("reason", "范围测试延期"))));
        await OkAsync("GET Materials.Rollup", "sx.reviewer", Get("/materials/rollup?year=2022"));
        await ChangesAsync<Core.Materials.MaterialSubmission>(() => OkAsync("POST Materials.Create", clerk, Upload($"/materials/{county}/create", MatrixRoutes.Pdf, "草稿.pdf", [.. create[..3], ("title", "范围测试草稿")])));
        var draft = await ScalarAsync(db => db.MaterialSubmissions.Where(m => m.RegionId == county && m.Title == "范围测试草稿").Select(m => m.Id).SingleAsync());
        await ChangesAsync<Core.Materials.MaterialSubmission>(async () => await OkAsync("POST Materials.Delete", clerk, await StepAsync(clerk, draft, "delete", ("confirmed", "true"))));
        await ChangesAsync<Core.Materials.MaterialSubmission>(() => OkAsync("POST Materials.Restore", clerk, Post($"/materials/{draft}/restore")));
    }

    /// <summary>Region changes (issue 17) on the new town, as the city admin: rename, close and reopen, move to 定襄县, split off a sibling, merge into it.</summary>
    private async Task RegionChangeStepsAsync(int townId, int dingxiang)
    {
        const string admin = "xz.admin";
        (string, string)[] change = [("Input.Reason", "范围测试：民政批复"), ("Input.Confirm", "true")];
        var thisYear = Portal.Clock.GetLocalNow().Year.ToString();
        await OkAsync("GET RegionChanges.History", admin, Get($"/admin/regions/{townId}/history"));
        await OkAsync("GET RegionChanges.Rename", admin, Get($"/admin/regions/{townId}/rename"));
        await OkAsync("POST RegionChanges.Rename", admin, Post($"/admin/regions/{townId}/rename", [("Input.Name", "秀容街道（更名）"), ("Input.FromYear", thisYear), .. change]));
        await OkAsync("GET RegionChanges.Close", admin, Get($"/admin/regions/{townId}/close"));
        await OkAsync("POST RegionChanges.Close", admin, Post($"/admin/regions/{townId}/close", [("Input.EffectiveOn", thisYear + "-01-01"), .. change]));
        await OkAsync("POST RegionChanges.Reopen", admin, Post($"/admin/regions/{townId}/reopen", ("reason", "范围测试：撤销有误")));
        await OkAsync("GET RegionChanges.Move", admin, Get($"/admin/regions/{townId}/move"));
        await OkAsync("POST RegionChanges.Move", admin, Post($"/admin/regions/{townId}/move", [("Input.OtherId", dingxiang.ToString()), .. change]));
        await OkAsync("GET RegionChanges.Split", admin, Get($"/admin/regions/{townId}/split"));
        await OkAsync("POST RegionChanges.Split", admin, Post($"/admin/regions/{townId}/split", [("Input.Name", "秀容二街道"), ("Input.Code", "140921-XR2"), ("Input.IsLocalCode", "true"), .. change]));
        var sibling = await Portal.RegionIdAsync("140921-XR2");
        await OkAsync("GET RegionChanges.Merge", admin, Get($"/admin/regions/{townId}/merge"));
        await OkAsync("POST RegionChanges.Merge", admin, Post($"/admin/regions/{townId}/merge", [("Input.OtherId", sibling.ToString()), ("Input.EffectiveOn", thisYear + "-01-01"), .. change]));
        await OkAsync("GET RegionChanges.Unmerge", admin, Get($"/admin/regions/{townId}/unmerge"));
        await OkAsync("POST RegionChanges.Unmerge", admin, Post($"/admin/regions/{townId}/unmerge", ("Reason", "范围测试：撤回合并"), ("Confirm", "true")));
    }

    private async Task<HttpResponseMessage> OkAsync(string route, string userName, MatrixRequest request)
    {
        var client = await World.ClientAsync(userName);
        if (!tokens.TryGetValue(userName, out var token))
        {
            tokens[userName] = token = await client.TokenFromAsync("/notifications");
        }

        var lastAudit = await ScalarAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
        var response = await request.SendAsync(client, token);
        var ok = request.Method == "GET" || PagePosts.Contains(route)
            ? response.StatusCode == HttpStatusCode.OK
            : response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.StartsWith("/account/login", StringComparison.Ordinal);
        if (ok)
        {
            succeeded[route] = succeeded.GetValueOrDefault(route) + 1;
            if (ExpectedAudit.TryGetValue(route, out var action))
            {
                var entries = await ScalarAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAudit && a.Action == action).ToListAsync());
                audited++;
                if (!entries.Any(a => AuditTrail.IsComplete(a, userName, Portal.Clock)))
                {
                    failed.Add($"{route} by {userName}: no complete {action} audit entry ({string.Join("; ", entries.Select(AuditTrail.Describe))})");
                }
            }
        }
        else
        {
            var page = response.Content.Headers.ContentType?.MediaType == "text/html" ? (await PortalClient.ParseAsync(response)).QuerySelector("main")?.TextContent.Trim() : null;
            failed.Add($"{route} by {userName}: {request} answered {(int)response.StatusCode} {page}");
        }

        return response;
    }

    /// <summary>The criteria editor on the county's draft, as the city admin: each form carries the stamp of the page it was read from.</summary>
    private async Task CriteriaStepsAsync(int draftId)
    {
        const string admin = "xz.admin";
        var url = $"/rules/drafts/{draftId}/criteria";
        async Task<(string, string)[]> StampedAsync(params (string, string)[] fields)
        {
            var page = await PortalClient.ParseAsync(await OkAsync("GET Criteria.Index", admin, Get(url + "?category=Coordinator")));
            return [("category", "Coordinator"), ("stamp", page.QuerySelector("input[name=stamp]")?.GetAttribute("value") ?? ""), .. fields];
        }

        (string, string)[] attested = [("Kind", "Attested"), ("Text", "范围测试条件"), ("Clause", "第一条")];
        await ChangesAsync<RuleSetDraft>(async () => await OkAsync("POST Criteria.Add", admin, Post(url + "/add", await StampedAsync(attested))));
        await ChangesAsync<RuleSetDraft>(async () => await OkAsync("POST Criteria.Add", admin, Post(url + "/add", await StampedAsync(attested))));
        await ChangesAsync<RuleSetDraft>(async () => await OkAsync("POST Criteria.Edit", admin, Post(url + "/edit", await StampedAsync([("path", "0.0"), .. attested[..2], ("Clause", "第二条")]))));
        await ChangesAsync<RuleSetDraft>(async () => await OkAsync("POST Criteria.Move", admin, Post(url + "/move", await StampedAsync(("path", "0.0"), ("direction", "down")))));
        await ChangesAsync<RuleSetDraft>(async () => await OkAsync("POST Criteria.Delete", admin, Post(url + "/delete", await StampedAsync(("path", "0.1")))));
        await ChangesAsync<RuleSetDraft>(async () => await OkAsync("POST Criteria.Clear", admin, Post(url + "/clear", await StampedAsync())));
    }

    /// <summary>Runs a step that reports its outcome only in a flash message, and fails unless the entity's table changed.</summary>
    private async Task ChangesAsync<TEntity>(Func<Task<HttpResponseMessage>> step)
    {
        await using var db = Portal.CreateDbContext();
        var table = DatabaseFingerprint.TableOf<TEntity>(db);
        var before = await DatabaseFingerprint.TableAsync(db, table);
        var response = await step();
        if (before == await DatabaseFingerprint.TableAsync(db, table))
        {
            failed.Add($"{response.RequestMessage} redirected but changed nothing in {table}");
        }
    }

    private async Task<T> ScalarAsync<T>(Func<Core.Data.HarmonyDbContext, Task<T>> query)
    {
        await using var db = Portal.CreateDbContext();
        return await query(db);
    }

    private async Task<string> SheetVersionAsync(string userName, long sheetId) =>
        (await (await World.ClientAsync(userName)).GetPageAsync($"/nominations/sheets/{sheetId}")).QuerySelector("[data-version]")!.GetAttribute("data-version")!;

    private async Task<MatrixRequest> SheetStepAsync(string userName, long sheetId, string action, params (string, string)[] fields) =>
        Post($"/nominations/sheets/{sheetId}/{action}", [("version", await SheetVersionAsync(userName, sheetId)), .. fields]);
}
