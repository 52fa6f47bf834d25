using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>Wires the portal together; each concern has its own Add…/Use… file beside this one.</summary>
public static class PortalSetup
{
    public static WebApplicationBuilder AddHarmonyPortal(this WebApplicationBuilder builder)
    {
        OwnerOnlyFiles.RestrictUmask(); // before the first folder, log or key file is made
        var options = PortalOptions.Read(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(options);
        builder.AddPortalLogging(options);

        // The region subtree cache's interceptors notice saved region changes (issue 21, RegionSubtreeCache).
        builder.Services.AddSingleton<Features.Shared.RegionSubtreeCache>();
        builder.Services.AddSingleton<Features.Shared.RouteLinks>();
        // Pooled (issue 21, ADR 0043): a request takes a reset context from the pool instead of building the options
        // and EF's services anew; the context holds no state of its own beyond what EF resets.
        builder.Services.AddDbContextPool<HarmonyDbContext>((sp, o) => o
            .UseHarmonyProvider(options.Provider, options.ConnectionString)
            .AddInterceptors(sp.GetRequiredService<Features.Shared.RegionSubtreeCache>().Interceptors));
        builder.Services.AddHealthChecks().AddDbContextCheck<HarmonyDbContext>("database");

        builder.Services.AddDataProtection()
            .SetApplicationName("HarmonyPortal")
            .PersistProtectedKeys(builder.Configuration, options);
        builder.AddPersonalFiles();

        builder.AddPortalSecurity();
        Features.Account.SingleSignOn.SsoSetup.AddSingleSignOn(builder);
        builder.Services.AddAuthorization(AccessPolicies.Add);

        // Render Chinese as characters, not numeric entities (the encoder still escapes markup).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(sp =>
            UserScope.FromPrincipal(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new())
            ?? throw new InvalidOperationException("UserScope is only available to signed-in users."));
        builder.Services.AddScoped<Features.Audit.AuditLog>();
        builder.Services.AddScoped<Features.Admin.Users.UserAdminService>();
        builder.Services.AddSingleton(AdministratorSeparation.Read(builder.Configuration));
        builder.Services.AddSingleton(Features.Audit.Viewer.AuditRetention.Read(builder.Configuration));
        builder.Services.AddScoped<Features.Audit.Viewer.AuditViewer>();
        builder.Services.AddScoped<Features.Audit.Viewer.AuditRetentionPurge>();
        Jobs.JobSetup.AddPortalJob<Features.Audit.Viewer.AuditRetentionJob>(builder.Services);
        builder.Services.AddScoped<Features.Admin.Regions.RegionAdminService>();
        builder.Services.AddScoped<Features.Admin.Regions.RegionChangeService>();
        builder.Services.AddScoped<Features.Admin.Regions.RegionMergeService>();
        builder.Services.AddScoped<Features.Admin.Regions.RegionMergeUndoService>();
        builder.Services.AddScoped<Features.Admin.Units.UnitAdminService>();
        builder.Services.AddSingleton(PersonalDataKey.FromConfiguration(
            builder.Configuration["PersonalData:HmacKey"], options.KeysDirectory, PersonalDataAlgorithms.Parse(builder.Configuration["PersonalData:Algorithm"])));
        builder.Services.AddSingleton<PersonalDataProtector>();
        builder.Services.AddScoped<Features.Ledgers.LedgerWriteService>();
        builder.Services.AddScoped<Features.Ledgers.IdNumberLookups>();
        builder.Services.AddScoped<Features.Ledgers.LedgerQueryService>();
        builder.Services.AddScoped<Features.Ledgers.LedgerCarryForward>();
        builder.Services.AddScoped<Features.Ledgers.LedgerImportService>();
        builder.Services.AddScoped<Features.Ledgers.LedgerImportUpdates>();
        builder.Services.AddScoped<Features.Ledgers.ImportUploads>();
        builder.Services.AddSingleton(Features.Ledgers.LedgerImportOptions.Read(builder.Configuration));
        builder.Services.AddScoped<Features.Ledgers.LedgerExportService>();
        builder.Services.AddScoped<HarmonyPortal.Core.Ledgers.LedgerRollup>();
        builder.Services.AddScoped<Features.Ledgers.RecycleBin.LedgerRecycleBin>();
        builder.Services.AddScoped<Features.Ledgers.RecycleBin.RecycleBinPurge>();
        builder.Services.AddSingleton(Features.Ledgers.RecycleBin.RecycleBinOptions.Read(builder.Configuration));
        Jobs.JobSetup.AddPortalJob<Features.Ledgers.RecycleBin.RecycleBinPurgeJob>(builder.Services);
        builder.Services.AddScoped<HarmonyPortal.Core.Rules.RuleSetCatalog>();
        builder.Services.AddScoped<Features.Rules.RuleSetAdminService>();
        builder.Services.AddScoped<Features.Rules.RulesPageBuilder>();
        builder.Services.AddScoped<Features.Rules.PlanlessJurisdictions>();
        builder.Services.AddScoped<Features.Rules.Drafts.RuleDraftService>();
        builder.Services.AddScoped<Features.Rules.Drafts.DraftPublishing>();
        builder.Services.AddScoped<HarmonyPortal.Core.Rules.TaskQuotas>();
        builder.Services.AddScoped<Features.Rules.TaskProgressService>();
        builder.Services.AddScoped<Features.Rules.Drafts.PlanImpactService>();
        builder.Services.AddScoped<HarmonyPortal.Core.Rules.EligibilityService>();
        builder.Services.AddScoped<Features.Indicators.IndicatorService>();
        builder.Services.AddScoped<Features.Indicators.IndicatorFigures>();
        builder.Services.AddScoped<Features.Indicators.IndicatorReviewService>();
        builder.Services.AddScoped<Features.Indicators.IndicatorNotifier>();
        builder.Services.AddScoped<Features.Materials.ExpectedSubmissions>();
        builder.Services.AddScoped<Features.Materials.TaskExtensionService>();
        builder.Services.AddScoped<Features.Materials.MaterialQueries>();
        builder.Services.AddScoped<Features.Materials.MaterialSteps>();
        builder.Services.AddScoped<Features.Materials.MaterialSubmitterService>();
        builder.Services.AddScoped<Features.Materials.MaterialReviewService>();
        builder.Services.AddScoped<Features.Materials.MaterialNotifier>();
        builder.Services.AddScoped<Features.Materials.Reminders.MaterialReminders>();
        builder.Services.AddScoped<Features.Offices.UnitContacts.UnitContactService>();
        builder.Services.AddScoped<HarmonyPortal.Core.Nominations.GoldRuleLookup>();
        builder.Services.AddScoped<Features.Nominations.SheetChecks>();
        builder.Services.AddScoped<HarmonyPortal.Core.Nominations.HonourHistoryLookup>();
        builder.Services.AddScoped<Features.Nominations.HonoursSelectedHere>();
        builder.Services.AddScoped<Features.Nominations.NominationService>();
        builder.Services.AddSingleton(Features.Nominations.EvidenceOptions.Read(builder.Configuration));
        builder.Services.AddScoped<Features.Nominations.NominationQueryService>();
        builder.Services.AddScoped<Features.Nominations.SheetWorkflowService>();
        builder.Services.AddScoped<Features.Nominations.DeadlineExtensionService>();
        builder.Services.AddScoped<Features.Nominations.NominationNotifier>();
        builder.Services.AddScoped<Features.Nominations.DeadlineReminders>();
        if (builder.Configuration.GetValue("Notifications:Reminders:Enabled", true))
        {
            Jobs.JobSetup.AddPortalJob<Features.Nominations.DeadlineReminderJob>(builder.Services);
            Jobs.JobSetup.AddPortalJob<Features.Materials.Reminders.MaterialReminderJob>(builder.Services);
        }
        builder.AddPortalNotifications();
        builder.Services.AddScoped<Features.Print.PrintQueryService>();
        builder.Services.AddScoped<Features.Print.ViewRenderer>();
        builder.Services.AddSingleton<Features.Print.PrintStyles>();
        builder.Services.AddSingleton<Features.Print.PdfRenderer>();
        builder.Services.AddScoped<Features.Print.PdfPrinting>();
        builder.Services.AddScoped<HarmonyPortal.Core.Reporting.ReportingDeadlines>();
        builder.Services.AddScoped<Features.Reporting.ReportingPageService>();
        builder.Services.AddScoped<Features.Reporting.LedgerReportingService>();
        builder.Services.AddScoped<HarmonyPortal.Core.Reporting.LedgerYearLock>();
        builder.Services.AddScoped<Features.Ledgers.LedgerConfirmation>();
        builder.Services.AddScoped<Features.Dashboard.DashboardService>();
        builder.Services.AddScoped<Features.Coverage.CoverageService>();
        builder.Services.AddScoped<Features.Materials.Publication.PublicationService>();
        builder.AddBackgroundJobs();
        builder.AddYearEndExports();
        builder.Services.AddPortalValidation();

        builder.Services
            .AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                mvc.Filters.Add<ScopeExceptionFilter>();
                mvc.Filters.Add<InputErrorFilter>();
                mvc.Filters.Add<ValidationFilter>(); // after InputErrorFilter: unreadable values are answered before rules run
            })
            .AddRazorOptions(razor => razor.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        return builder;
    }

    public static WebApplication UseHarmonyPortal(this WebApplication app)
    {
        app.UsePortalForwardedHeaders();
        app.UsePortalRequestLogging();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<Features.Account.PasswordChangeGate>();
        app.UseMiddleware<Features.Account.TwoFactor.TwoFactorGate>();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        if (app.Configuration.GetValue<bool>(BenchPlaintext.Setting))
        {
            // The floor the ledger-list benchmark compares against (issue 7); never mapped unless configured.
            app.MapGet(BenchPlaintext.Path, () => Results.Text(BenchPlaintext.Body)).AllowAnonymous();
        }

        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        return app;
    }
}
