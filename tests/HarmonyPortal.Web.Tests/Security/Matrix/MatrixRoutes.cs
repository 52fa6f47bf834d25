using static HarmonyPortal.Web.Tests.Security.Matrix.MatrixRequest;

namespace HarmonyPortal.Web.Tests.Security.Matrix;

/// <summary>
/// Every route of the portal, by the key <see cref="TestSupport.PortalEndpoint"/> gives it, in one of three classes:
/// routes that can name another region's record (with the request that names it), routes that act only on the
/// user's own region or subtree (no parameter can point elsewhere), and routes outside any scope.
/// A route missing here fails the matrix, so a new one cannot be forgotten.
/// </summary>
public static class MatrixRoutes
{
    private const string Ledger = "/ledgers/coordinators";
    /// <summary>The smallest file the evidence upload takes for a PDF.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
    private static readonly (string, string)[] Gold = [("category", "Coordinator"), ("year", "2022"), ("batch", "0")];

    public static IReadOnlyDictionary<string, Func<RegionRecords, MatrixRequest?>> Foreign { get; } = new Dictionary<string, Func<RegionRecords, MatrixRequest?>>
    {
        ["GET Ledgers.List"] = t => Get($"{Ledger}?regionId={t.RegionId}&year=2022"),
        ["GET Ledgers.Details"] = t => t.RowId is { } id ? Get($"{Ledger}/{id}?reveal=true") : null,
        ["GET Ledgers.Edit"] = t => t.RowId is { } id ? Get($"{Ledger}/{id}/edit") : null,
        ["POST Ledgers.Edit"] = t => t.RowId is { } id ? Post($"{Ledger}/{id}/edit", [("version", "1"), .. Ledgers.LedgerForms.Coordinator("篡改")]) : null,
        ["GET RecycleBin.ConfirmDelete"] = t => t.RowId is { } id ? Get($"{Ledger}/{id}/delete") : null,
        ["POST RecycleBin.Delete"] = t => t.RowId is { } id ? Post($"{Ledger}/{id}/delete", ("version", "1"), ("confirmed", "true")) : null,
        ["POST RecycleBin.Restore"] = t => t.DeletedEntryId is { } id ? Post($"{Ledger}/recycle-bin/{id}/restore", ("year", "2022")) : null,
        ["GET Ledgers.History"] = t => t.RowId is { } id ? Get($"{Ledger}/{id}/history") : null,
        ["GET Ledgers.Export"] = t => Get($"{Ledger}/export?regionId={t.RegionId}&year=2022"),
        ["GET Ledgers.ImportErrors"] = t => t.ImportToken is { } token ? Get($"{Ledger}/import/{token}") : null,
        ["POST Nominations.Create"] = t => t.RowId is { } id ? Post("/nominations/create", [.. Gold, ("ledgerRowId", id.ToString()), ("narrative", "越权推荐越权推荐越权推荐越权推荐越权推荐")]) : null,
        ["GET Nominations.Nominee"] = t => t.NominationId is { } id ? Get($"/nominations/{id}") : null,
        ["POST Nominations.Narrative"] = t => t.NominationId is { } id ? Post($"/nominations/{id}/narrative", ("narrative", "篡改后的主要事迹篡改后的主要事迹篡改后的主要事迹")) : null,
        ["POST Nominations.Attest"] = t => t.NominationId is { } id ? Post($"/nominations/{id}/attest", ("criterionId", "honor"), ("evidence", "篡改")) : null,
        ["POST Nominations.Evidence"] = t => t.NominationId is { } id ? Upload($"/nominations/{id}/evidence", Pdf, "越权.pdf") : null,
        ["GET Nominations.EvidenceFile"] = t => t.EvidenceId is { } e ? Get($"/nominations/{t.NominationId}/evidence/{e}") : null,
        ["POST Nominations.RemoveEvidence"] = t => t.EvidenceId is { } e ? Post($"/nominations/{t.NominationId}/evidence/{e}/delete") : null,
        ["POST Nominations.Delete"] = t => t.NominationId is { } id ? Post($"/nominations/{id}/delete") : null,
        ["POST Nominations.Decide"] = t => t.NominationId is { } id ? Post($"/nominations/{id}/decide", ("approve", "true"), ("reason", "越权")) : null,
        ["POST Nominations.Select"] = t => t.NominationId is { } id ? Post($"/nominations/{id}/select", ("select", "true"), ("reason", "越权")) : null,
        ["POST Nominations.ReviewAttestation"] = t => t.NominationId is { } id ? Post($"/nominations/{id}/attest/review", ("criterionId", "honor"), ("confirm", "true")) : null,
        ["GET Nominations.Sheet"] = t => t.SheetId is { } id ? Get($"/nominations/sheets/{id}") : null,
        ["POST Nominations.Submit"] = t => t.SheetId is { } id ? Post($"/nominations/sheets/{id}/submit", ("version", "0"), ("confirmed", "true")) : null,
        ["GET Nominations.ConfirmSubmit"] = t => t.SheetId is { } id ? Get($"/nominations/sheets/{id}/submit") : null,
        ["POST Nominations.Return"] = t => t.SheetId is { } id ? Post($"/nominations/sheets/{id}/return", ("version", "0"), ("reason", "越权退回")) : null,
        ["POST Nominations.Approve"] = t => t.SheetId is { } id ? Post($"/nominations/sheets/{id}/approve", ("version", "0")) : null,
        ["POST Nominations.Forward"] = t => t.SheetId is { } id ? Post($"/nominations/sheets/{id}/forward", ("version", "0")) : null,
        ["POST Nominations.Reopen"] = t => t.SheetId is { } id ? Post($"/nominations/sheets/{id}/reopen", ("version", "0"), ("reason", "越权重开")) : null,
        ["POST Nominations.BulkApprove"] = t => t.SheetId is { } id ? Post("/nominations/bulk-approve", [.. Gold, ("items", $"{id}:0")]) : null,
        ["POST Nominations.Extend"] = t => Post("/nominations/extend", [.. Gold, ("regionId", t.RegionId.ToString()), ("newDate", "2022-12-31"), ("reason", "越权延期")]),
        ["POST Notifications.Open"] = t => t.NotificationId is { } id ? Post($"/notifications/{id}/read") : null,
        ["GET Printables.Nomination"] = t => t.NominationId is { } id ? Get($"/print/nominations/{id}") : null,
        ["GET Printables.NominationPdf"] = t => t.NominationId is { } id ? Get($"/print/nominations/{id}.pdf") : null,
        ["GET Printables.Sheet"] = t => t.SheetId is { } id ? Get($"/print/sheets/{id}") : null,
        ["GET Printables.SheetPdf"] = t => t.SheetId is { } id ? Get($"/print/sheets/{id}.pdf") : null,
        ["GET Reporting.Index"] = t => Get($"/reporting?regionId={t.RegionId}&year=2022"),
        ["POST Reporting.Report"] = t => Post($"/reporting/{t.RegionId}/report", ("year", "2022"), ("confirmed", "true")),
        ["POST Reporting.ReturnReport"] = t => Post($"/reporting/{t.RegionId}/return", ("year", "2022"), ("reason", "越权退回")),
        ["GET Indicators.Index"] = t => Get($"/indicators?regionId={t.RegionId}&year=2022"),
        ["POST Indicators.Report"] = t => Upload($"/indicators/{t.RegionId}/report", Pdf, "越权.pdf", ("year", "2022"), ("jurisdictionRegionId", t.RegionId.ToString()), ("taskId", "scope-indicator"), ("value", "99")),
        ["GET Indicators.EvidenceFile"] = t => t.IndicatorEvidenceId is { } e ? Get($"/indicators/evidence/{e}") : null,
        ["GET Materials.Index"] = t => Get($"/materials?regionId={t.RegionId}&year=2022"),
        ["POST Materials.Create"] = t => Upload($"/materials/{t.RegionId}/create", Pdf, "越权.pdf", ("year", "2022"), ("jurisdictionRegionId", t.RegionId.ToString()), ("taskId", "scope-material"), ("title", "越权")),
        ["GET Materials.Details"] = t => t.MaterialId is { } id ? Get($"/materials/{id}") : null,
        ["POST Materials.Edit"] = t => t.MaterialId is { } id ? Upload($"/materials/{id}/edit", Pdf, "越权.pdf", ("version", "0"), ("title", "越权")) : null,
        ["POST Materials.Delete"] = t => t.MaterialId is { } id ? Post($"/materials/{id}/delete", ("version", "0"), ("confirmed", "true")) : null,
        ["POST Materials.Restore"] = t => t.MaterialId is { } id ? Post($"/materials/{id}/restore") : null,
        ["POST Materials.Submit"] = t => t.MaterialId is { } id ? Post($"/materials/{id}/submit", ("version", "0"), ("confirmed", "true")) : null,
        ["POST Materials.Withdraw"] = t => t.MaterialId is { } id ? Post($"/materials/{id}/withdraw", ("version", "0"), ("reason", "越权撤回"), ("confirmed", "true")) : null,
        ["POST Materials.Accept"] = t => t.MaterialId is { } id ? Post($"/materials/{id}/accept", ("version", "0"), ("confirmed", "true")) : null,
        ["POST Materials.Return"] = t => t.MaterialId is { } id ? Post($"/materials/{id}/return", ("version", "0"), ("reason", "越权退回"), ("confirmed", "true")) : null,
        ["POST Materials.UndoAcceptance"] = t => t.MaterialId is { } id ? Post($"/materials/{id}/undo-accept", ("version", "0"), ("reason", "越权撤销"), ("confirmed", "true")) : null,
        ["GET Materials.Download"] = t => t.MaterialFileId is { } f ? Get($"/materials/files/{f}") : null,
        ["GET Materials.Review"] = t => Get($"/materials/review?regionId={t.RegionId}&year=2022"),
        ["POST Materials.Extend"] = t => Post("/materials/review/extend", ("regionId", t.RegionId.ToString()), ("jurisdictionRegionId", t.RegionId.ToString()), ("taskId", "scope-material"),
            ("year", "2022"), ("newDate", "2099-12-31"), ("reason", "越权延期")),
        ["GET IndicatorReview.Review"] = t => Get($"/indicators/review?regionId={t.RegionId}&year=2022"),
        ["POST IndicatorReview.Accept"] = t => Post($"/indicators/{t.RegionId}/accept", ("reportId", "1"), ("confirmed", "true")),
        ["POST IndicatorReview.Return"] = t => Post($"/indicators/{t.RegionId}/return", ("reportId", "1"), ("reason", "越权退回"), ("confirmed", "true")),
        ["POST IndicatorReview.UndoAccept"] = t => Post($"/indicators/{t.RegionId}/undo-accept", ("reportId", "1"), ("reason", "越权撤销"), ("confirmed", "true")),
        ["POST IndicatorReview.Extend"] = t => Post($"/indicators/{t.RegionId}/extend", ("year", "2022"), ("jurisdictionRegionId", t.RegionId.ToString()), ("taskId", "scope-indicator"),
            ("newDate", "2022-12-31"), ("reason", "越权延期")),
        ["GET Rules.Details"] = t => Get($"/rules/{t.RegionId}"),
        ["GET Rules.Download"] = t => Get($"/rules/{t.RegionId}/versions/1.json"),
        ["POST Rules.AddVersion"] = t => Post($"/rules/{t.RegionId}", ("json", "{}"), ("comment", "越权")),
        ["GET Rules.Restore"] = t => Get($"/rules/{t.RegionId}/versions/1/restore"),
        ["POST Rules.Restore"] = t => Post($"/rules/{t.RegionId}/versions/1/restore", ("reason", "越权恢复")),
        ["GET Drafts.New"] = t => Get($"/rules/drafts/new?regionId={t.RegionId}"),
        ["POST Drafts.Create"] = t => Post("/rules/drafts", ("Input.RegionId", t.RegionId.ToString()), ("Input.FromYear", "2095"), ("Input.ToYear", "2097"), ("Input.Start", "Blank")),
        ["GET Drafts.Basics"] = t => t.DraftId is { } d ? Get($"/rules/drafts/{d}") : null,
        ["POST Drafts.SaveBasics"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/basics", ("Input.Name", "越权"), ("Input.Source", "越权"), ("Input.ToYear", "2092")) : null,
        ["GET Drafts.Tasks"] = t => t.DraftId is { } d ? Get($"/rules/drafts/{d}/tasks") : null,
        ["POST Drafts.SaveTask"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/tasks", ("Input.Name", "越权"), ("Input.Kind", "DisplayOnly"), ("Input.Lead", "人社局"), ("Input.DisplayReason", "越权")) : null,
        ["POST Drafts.DeleteTask"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/tasks/0/delete") : null,
        ["POST Drafts.MoveTask"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/tasks/0/move?by=1") : null,
        ["GET Drafts.Deadlines"] = t => t.DraftId is { } d ? Get($"/rules/drafts/{d}/deadlines") : null,
        ["POST Drafts.AddDeadline"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/deadlines", ("Input.TaskIndex", "0"), ("Input.Date", "2090-11-15")) : null,
        ["POST Drafts.ChangeDeadline"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/deadlines/0/0", ("date", "2090-11-15")) : null,
        ["POST Drafts.DeleteDeadline"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/deadlines/0/0/delete") : null,
        ["GET Drafts.Publish"] = t => t.DraftId is { } d ? Get($"/rules/drafts/{d}/publish") : null,
        ["POST Drafts.Publish"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/publish", ("confirmed", "true"), ("comment", "越权")) : null,
        ["GET Grid.Show"] = t => t.DraftId is { } d ? Get($"/rules/drafts/{d}/grid") : null,
        ["POST Grid.Save"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/grid") : null,
        ["GET Grid.Download"] = t => t.DraftId is { } d ? Get($"/rules/drafts/{d}/grid.xlsx") : null,
        ["POST Grid.Upload"] = t => t.DraftId is { } d ? Upload($"/rules/drafts/{d}/grid.xlsx", Pdf, "越权.xlsx") : null,
        ["POST Drafts.Discard"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/discard", ("confirmed", "true")) : null,
        ["GET Criteria.Index"] = t => t.DraftId is { } d ? Get($"/rules/drafts/{d}/criteria?category=Coordinator") : null,
        ["POST Criteria.Add"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/criteria/add", ("category", "Coordinator"), ("Kind", "Attested"), ("Text", "越权"), ("Clause", "越权")) : null,
        ["POST Criteria.Edit"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/criteria/edit", ("category", "Coordinator"), ("path", "0"), ("Kind", "Attested"), ("Text", "越权"), ("Clause", "越权")) : null,
        ["POST Criteria.Delete"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/criteria/delete", ("category", "Coordinator"), ("path", "0")) : null,
        ["POST Criteria.Move"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/criteria/move", ("category", "Coordinator"), ("path", "0.0"), ("direction", "down")) : null,
        ["POST Criteria.Clear"] = t => t.DraftId is { } d ? Post($"/rules/drafts/{d}/criteria/clear", ("category", "Coordinator")) : null,
        ["GET YearEnd.Status"] = t => t.JobId is { } id ? Get($"/year-end/exports/{id}") : null,
        ["GET YearEnd.Download"] = t => t.JobId is { } id ? Get($"/year-end/exports/{id}/download") : null,
        ["GET Dashboard.Index"] = t => Get($"/dashboard?regionId={t.RegionId}&year=2022"),
        // Published 典型案例 (issue 18): a region's list is read along its chain and subtree, so a foreign region's list is 404; the
        // world's cases are accepted but not published (a published one is read by the publisher's whole subtree, by design).
        ["GET MaterialPublication.Index"] = t => Get($"/materials/published?regionId={t.RegionId}&year=2022"),
        ["GET MaterialPublication.Pdf"] = t => Get($"/materials/published.pdf?regionId={t.RegionId}&year=2022"),
        ["POST MaterialPublication.Publish"] = t => t.CaseMaterialId is { } id ? Post($"/materials/published/{id}/publish", ("confirmed", "true")) : null,
        ["POST MaterialPublication.Unpublish"] = t => t.CaseMaterialId is { } id ? Post($"/materials/published/{id}/unpublish", ("reason", "越权撤回"), ("confirmed", "true")) : null,
        ["GET MaterialPublication.File"] = t => t.CaseFileId is { } id ? Get($"/materials/published/files/{id}") : null,
        ["GET Users.Index"] = t => Get($"/admin/users?regionId={t.RegionId}"),
        ["POST Users.Create"] = t => Post("/admin/users/create", [.. Profile(t), ("Input.UserName", "intruder" + t.RegionId), ("Input.Password", "Intrude#2026")]),
        ["GET Users.Edit"] = t => Get($"/admin/users/{t.UserId}/edit"),
        ["POST Users.Edit"] = t => Post($"/admin/users/{t.UserId}/edit", Profile(t)),
        ["POST Users.Disable"] = t => Post($"/admin/users/{t.UserId}/disable"),
        ["POST Users.Enable"] = t => Post($"/admin/users/{t.UserId}/enable"),
        ["POST Users.ResetPassword"] = t => Post($"/admin/users/{t.UserId}/reset-password"),
        ["GET Regions.Create"] = t => Get($"/admin/regions/create?parentId={t.RegionId}"),
        ["POST Regions.Create"] = t => Post("/admin/regions/create", Region(t)),
        ["GET Regions.Edit"] = t => Get($"/admin/regions/{t.RegionId}/edit"),
        ["POST Regions.Edit"] = t => Post($"/admin/regions/{t.RegionId}/edit", Region(t)),
        ["GET RegionChanges.History"] = t => Get($"/admin/regions/{t.RegionId}/history"),
        ["GET RegionChanges.Rename"] = t => Get($"/admin/regions/{t.RegionId}/rename"),
        ["POST RegionChanges.Rename"] = t => Post($"/admin/regions/{t.RegionId}/rename", [("Input.Name", "越权更名"), ("Input.FromYear", "2022"), .. RegionChange()]),
        ["GET RegionChanges.Close"] = t => Get($"/admin/regions/{t.RegionId}/close"),
        ["POST RegionChanges.Close"] = t => Post($"/admin/regions/{t.RegionId}/close", [("Input.EffectiveOn", "2022-01-01"), .. RegionChange()]),
        ["POST RegionChanges.Reopen"] = t => Post($"/admin/regions/{t.RegionId}/reopen", ("reason", "越权恢复")),
        ["GET RegionChanges.Move"] = t => Get($"/admin/regions/{t.RegionId}/move"),
        ["POST RegionChanges.Move"] = t => Post($"/admin/regions/{t.RegionId}/move", [("Input.OtherId", t.RegionId.ToString()), .. RegionChange()]),
        ["GET RegionChanges.Merge"] = t => Get($"/admin/regions/{t.RegionId}/merge"),
        ["POST RegionChanges.Merge"] = t => Post($"/admin/regions/{t.RegionId}/merge", [("Input.OtherId", t.RegionId.ToString()), ("Input.EffectiveOn", "2022-01-01"), .. RegionChange()]),
        ["GET RegionChanges.Split"] = t => Get($"/admin/regions/{t.RegionId}/split"),
        ["POST RegionChanges.Split"] = t => Post($"/admin/regions/{t.RegionId}/split", [("Input.Name", "越权拆分"), ("Input.Code", "X-S" + t.RegionId), ("Input.IsLocalCode", "true"), .. RegionChange()]),
        ["GET Units.Index"] = t => Get($"/admin/units?regionId={t.RegionId}"),
        ["POST Units.Create"] = t => Post("/admin/units/create", [("regionId", t.RegionId.ToString()), .. Unit()]),
        ["GET Units.Edit"] = t => t.UnitId is { } id ? Get($"/admin/units/{id}/edit") : null,
        ["POST Units.Edit"] = t => t.UnitId is { } id ? Post($"/admin/units/{id}/edit", Unit()) : null,
        ["POST Units.Host"] = t => t.UnitId is { } id ? Post($"/admin/units/{id}/host") : null,
        ["GET Units.Retire"] = t => t.UnitId is { } id ? Get($"/admin/units/{id}/retire") : null,
        ["POST Units.Retire"] = t => t.UnitId is { } id ? Post($"/admin/units/{id}/retire", ("confirm", "true")) : null,
        ["POST Units.Restore"] = t => t.UnitId is { } id ? Post($"/admin/units/{id}/restore") : null,
        ["GET Emails.Resend"] = t => t.EmailId is { } id ? Get($"/admin/emails/{id}/resend") : null,
        ["POST Emails.Resend"] = t => t.EmailId is { } id ? Post($"/admin/emails/{id}/resend", ("confirm", "true")) : null,
        // 审计日志 (ADR 0020): the region filter names a region; one outside the reader's subtree is 404.
        ["GET Audit.Index"] = t => Get($"/audit?regionId={t.RegionId}"),
        ["GET Audit.Export"] = t => Get($"/audit/export?regionId={t.RegionId}"),
    };

    public static IReadOnlyDictionary<string, string> OwnScope { get; } = new Dictionary<string, string>
    {
        ["GET Home.Index"] = "the user's own subtree",
        ["GET Ledgers.Index"] = "counts of the user's subtree",
        ["GET RecycleBin.Index"] = "the deleted rows of the user's subtree",
        ["GET Ledgers.Create"] = "an empty form",
        ["POST Ledgers.Create"] = "always the user's region (ExtraFields tests)",
        ["POST Ledgers.CarryForward"] = "the user's region only",
        ["POST Ledgers.Confirm"] = "the user's region's 待复核 rows only: a region filter naming another region confirms nothing",
        ["GET Ledgers.Template"] = "an empty workbook",
        ["GET Ledgers.Import"] = "an empty form",
        ["POST Ledgers.Import"] = "always the user's region",
        ["POST Ledgers.ImportConfirm"] = "the user's own upload in the user's region (another user's token finds nothing)",
        ["GET Nominations.Index"] = "the user's subtree",
        ["GET Publication.ConfirmPublish"] = "what POST Nominations.Publish would list, checked the same way, nothing saved",
        ["POST Publication.Withdraw"] = "the selecting level's own published list: a province's city sheets, or the user's own city or county sheet",
        ["POST Nominations.Publish"] = "the selecting level's list: a province's forwarded city sheets, or the user's own city or county sheet (CitySelectionTests)",
        ["GET Notifications.Index"] = "the user's own notifications",
        ["POST Notifications.ReadAll"] = "the user's own notifications",
        ["GET Printables.Published"] = "the user's subtree",
        ["GET Printables.PublishedPdf"] = "the user's subtree",
        ["GET Rules.Index"] = "the jurisdictions above and below the user",
        ["GET Drafts.Index"] = "the drafts of the user's subtree",
        ["GET YearEnd.Index"] = "the user's own jobs",
        ["POST YearEnd.Start"] = "the user's region",
        ["GET Users.Create"] = "an empty form",
        ["GET Regions.Index"] = "the user's subtree",
        ["GET Materials.Rollup"] = "the materials owed in the user's subtree",
        ["GET IndicatorReview.Rollup"] = "the indicator figures owed in the user's subtree",
        ["GET Emails.Index"] = "the unsent emails of the admin's subtree",
    };

    public static IReadOnlyDictionary<string, string> Unscoped { get; } = new Dictionary<string, string>
    {
        ["GET Account.Login"] = "anonymous",
        ["POST Account.Login"] = "anonymous (lockout tests)",
        ["POST Account.Logout"] = "ends the caller's own session",
        ["GET Account.ChangePassword"] = "the caller's own password",
        ["POST Account.ChangePassword"] = "the caller's own password (current one required)",
        ["* Error.Show"] = "status-code pages, text only",
        ["* /health"] = "anonymous health check",
        ["GET Rules.Schema"] = "the rule file format, the same for every signed-in user",
    };

    private static (string, string)[] Profile(RegionRecords t) =>
        [("Input.DisplayName", "越权"), ("Input.RegionId", t.RegionId.ToString()), ("Input.Role", "Admin")];

    private static (string, string)[] Unit() => [("Input.ShortName", "越权局"), ("Input.Name", "越权局全称"), ("Input.SortOrder", "1"),
        ("Input.ContactName", "越权"), ("Input.ContactPhone", "13907970000"), ("Input.ContactEmail", "intruder@example.cn")];

    private static (string, string)[] RegionChange() => [("Input.Reason", "越权"), ("Input.Confirm", "true")];

    private static (string, string)[] Region(RegionRecords t) =>
        [("Input.ParentId", t.RegionId.ToString()), ("Input.Name", "越权地区"), ("Input.Code", "X-" + t.RegionId), ("Input.IsLocalCode", "true"), ("Input.Level", "Town")];
}
