namespace HarmonyPortal.Core.Audit;

/// <summary>The names of audited events, kept in one place so reports and tests agree.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked-out";
    public const string LoginThrottled = "login.throttled";
    public const string Logout = "logout";
    public const string SsoLoginSucceeded = "login.sso.succeeded";
    public const string SsoLoginRefused = "login.sso.refused";
    public const string AccessDenied = "access.denied";

    /// <summary>A lookup by a full ID number (list search, or a number checked against rows the user sees only masked); never holds the number.</summary>
    public const string AccessSearch = "access.search";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserPasswordChanged = "user.password-changed";
    public const string UserPasswordChangeFailed = "user.password-change-failed";
    public const string UserAdminActionRefused = "user.admin-action-refused";
    public const string UserTwoFactorEnabled = "user.two-factor-enabled";
    public const string UserTwoFactorDisabled = "user.two-factor-disabled";
    public const string UserTwoFactorRecoveryCodesRenewed = "user.two-factor-recovery-codes-renewed";
    public const string UserTwoFactorReset = "user.two-factor-reset";
    public const string LoginTwoFactorFailed = "login.two-factor-failed";
    public const string LoginRecoveryCodeUsed = "login.recovery-code-used";
    public const string RegionCreated = "region.created";
    public const string RegionUpdated = "region.updated";
    public const string RegionRenamed = "region.renamed";
    public const string RegionClosed = "region.closed";
    public const string RegionReopened = "region.reopened";
    public const string RegionMoved = "region.moved";
    public const string RegionMerged = "region.merged";
    public const string RegionMergeUndone = "region.merge-undone";
    public const string RegionSplit = "region.split";
    public const string MemberUnitCreated = "unit.created";
    public const string MemberUnitUpdated = "unit.updated";
    public const string MemberUnitHostChanged = "unit.host-changed";
    public const string MemberUnitRetired = "unit.retired";
    public const string MemberUnitRestored = "unit.restored";
    public const string LedgerCreated = "ledger.created";
    public const string LedgerUpdated = "ledger.updated";
    public const string LedgerDeleted = "ledger.deleted";
    public const string LedgerRestored = "ledger.restored";
    public const string LedgerPurged = "ledger.purged";
    public const string LedgerCarriedForward = "ledger.carried-forward";
    public const string LedgerConfirmed = "ledger.confirmed";
    public const string LedgerIdNumberViewed = "ledger.id-number-viewed";
    public const string LedgerImported = "ledger.imported";
    public const string LedgerExported = "ledger.exported";
    public const string LedgerDuplicateElsewhere = "ledger.duplicate-elsewhere";
    public const string LedgerImportProbing = "ledger.import-refused-probing";
    public const string LedgerImportErrorsDownloaded = "ledger.import-errors-downloaded";
    public const string LedgerReported = "ledger.reported";
    public const string LedgerReportReturned = "ledger.report-returned";
    public const string RuleSetVersionAdded = "ruleset.version-added";

    public const string RuleSetDraftSaved = "ruleset.draft-saved";

    public const string RuleSetDraftDiscarded = "ruleset.draft-discarded";
    public const string NominationCreated = "nomination.created";
    public const string NominationUpdated = "nomination.updated";
    public const string NominationDeleted = "nomination.deleted";
    public const string NominationEvidenceAdded = "nomination.evidence-added";
    public const string NominationEvidenceDownloaded = "nomination.evidence-downloaded";
    public const string IndicatorReported = "indicator.reported";
    public const string IndicatorEvidenceDownloaded = "indicator.evidence-downloaded";

    /// <summary>The level above accepted, returned or undid the acceptance of a region's indicator figure (issue 18).</summary>
    public const string IndicatorAccepted = "indicator.accepted";
    public const string IndicatorReturned = "indicator.returned";
    public const string IndicatorAcceptanceUndone = "indicator.acceptance-undone";
    public const string NominationAttestationConfirmed = "nomination.attestation-confirmed";
    public const string NominationAttestationRejected = "nomination.attestation-rejected";
    public const string DeadlineExtended = "sheet.deadline-extended";

    /// <summary>A region's material or indicator task got a later date (issue 18).</summary>
    public const string TaskDeadlineExtended = "task.deadline-extended";

    /// <summary>Materials (issue 18): made, changed, deleted, submitted, withdrawn, returned, accepted, acceptance undone, a file downloaded.</summary>
    public const string MaterialCreated = "material.created";
    public const string MaterialUpdated = "material.updated";
    public const string MaterialDeleted = "material.deleted";
    public const string MaterialRestored = "material.restored";
    public const string MaterialPurged = "material.purged";
    public const string MaterialSubmitted = "material.submitted";
    public const string MaterialWithdrawn = "material.withdrawn";
    public const string MaterialReturned = "material.returned";
    public const string MaterialAccepted = "material.accepted";
    public const string MaterialAcceptanceUndone = "material.acceptance-undone";
    public const string MaterialFileDownloaded = "material.file-downloaded";
    /// <summary>A material or indicator reminder went by email to a region's member-unit contacts (addresses masked in the details).</summary>
    public const string TaskReminderEmailed = "task.reminder-emailed";
    /// <summary>An admin put a failed email of the outbox back to be sent (issue 19).</summary>
    public const string EmailResent = "email.resent";
    /// <summary>The receiving level published an accepted 经验做法 or 典型案例 (issue 18), or withdrew it with a reason.</summary>
    public const string MaterialPublished = "material.published";
    public const string MaterialUnpublished = "material.unpublished";

    /// <summary>A file of a published material was downloaded from the published list.</summary>
    public const string MaterialPublishedFileDownloaded = "material.published-file-downloaded";
    public const string YearEndExportStarted = "year-end.export-started";
    public const string YearEndExportDownloaded = "year-end.export-downloaded";
    public const string PrintViewed = "print.viewed";
    public const string PrintPdf = "print.pdf";

    /// <summary>The audit log viewer (ADR 0020): a page read, an export, and the retention purge.</summary>
    public const string AuditViewed = "audit.viewed";
    public const string AuditExported = "audit.exported";
    public const string AuditPurged = "audit.purged";

    /// <summary>A workflow transition, e.g. <c>sheet.submit</c>, <c>sheet.return</c>, <c>sheet.publish</c>.</summary>
    public static string Sheet(Nominations.WorkflowAction action) => "sheet." + action.ToString().ToLowerInvariant();
}
