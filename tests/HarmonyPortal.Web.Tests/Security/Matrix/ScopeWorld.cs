using System.Net;
using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Nominations.NominationFlow;

namespace HarmonyPortal.Web.Tests.Security.Matrix;

/// <summary>A city or county of the world with the records a route can name; a province has only its admin.</summary>
public sealed record RegionRecords(string Key, int RegionId, string Path, RegionLevel Level, string UserId)
{
    public long? RowId { get; init; }

    /// <summary>The region's host member unit.</summary>
    public int? UnitId { get; init; }
    public long? NominationId { get; init; }
    public long? EvidenceId { get; init; }
    public long? IndicatorEvidenceId { get; init; }

    /// <summary>A submitted material of the region (issue 18) and its file.</summary>
    public long? MaterialId { get; init; }
    public long? MaterialFileId { get; init; }
    public long? SheetId { get; init; }
    public long? NotificationId { get; init; }

    /// <summary>A failed email of the outbox addressed to the region (issue 19).</summary>
    public long? EmailId { get; init; }
    public Guid? JobId { get; init; }
    public string? ImportToken { get; init; }

    /// <summary>A row of the region's recycle bin.</summary>
    public long? DeletedEntryId { get; init; }

    /// <summary>A draft plan of the region (rules editor).</summary>
    public int? DraftId { get; init; }

    /// <summary>An accepted 典型案例 of the region, not published (issue 18's publication), and its file.</summary>
    public long? CaseMaterialId { get; init; }

    public long? CaseFileId { get; init; }

    /// <summary>Ids that name nothing: the same routes must answer these exactly as they answer a foreign record.</summary>
    public static RegionRecords Missing { get; } = new("missing", 987_654_321, "/987654321/", RegionLevel.County, "00000000-0000-0000-0000-000000000000")
    {
        RowId = 987_654_321, UnitId = 987_654_321, NominationId = 987_654_321, EvidenceId = 987_654_321, IndicatorEvidenceId = 987_654_321, MaterialId = 987_654_321, MaterialFileId = 987_654_321, SheetId = 987_654_321, NotificationId = 987_654_321, DraftId = 987_654_321, EmailId = 987_654_321,
        CaseMaterialId = 987_654_321, CaseFileId = 987_654_321,
        JobId = Guid.Parse("0badf00d-0000-4000-8000-000000000000"), ImportToken = "0badf00d00004000800000000000000a", DeletedEntryId = 987_654_321,
    };
}

public sealed record Actor(string UserName, RegionRecords Region, UserRole Role);

/// <summary>
/// Two provinces (山西, 河北), two cities each (忻州 and a new 大同; 唐山 and a new 秦皇岛), two counties each, users of
/// every role at every level, and in every city and county a ledger row, a nominee with evidence on the region's sheet,
/// a notification, a finished year-end job and an import error report. Built through the portal's own routes
/// where a user would (regions, users, rows, nominees, evidence, imports), straight in the database otherwise.
/// </summary>
public sealed class ScopeWorld : IDisposable
{
    public const int Year = 2022;

    private readonly PortalFactory portal;
    private readonly Dictionary<string, PortalClient> clients = [];

    private ScopeWorld(PortalFactory portal) => this.portal = portal;

    public List<RegionRecords> Regions { get; } = [];

    public List<Actor> Actors { get; } = [];

    public RegionRecords this[string key] => Regions.Single(r => r.Key == key);

    public static async Task<ScopeWorld> BuildAsync(PortalFactory portal)
    {
        portal.Clock.Set(Year, 7, 1);
        var world = new ScopeWorld(portal);
        await world.AddNewCityAsync("sx", "dt", "大同市", "140200", ("dtxr", "新荣区", "140212"), ("dtpc", "平城区", "140213"));
        await world.AddNewCityAsync("he", "qhd", "秦皇岛市", "130300", ("qhdhg", "海港区", "130302"), ("qhdsh", "山海关区", "130303"));
        string[][] provinces = [["sx", "xz", "xzxf", "xzdx", "dt", "dtxr", "dtpc"], ["he", "ts", "tsln", "tslb", "qhd", "qhdhg", "qhdsh"]];
        foreach (var keys in provinces)
        {
            await world.AddRegionAsync(keys[0], RegionLevel.Province, "admin", withRecords: false);
            foreach (var key in keys.Skip(1))
            {
                var level = key.Length <= 3 ? RegionLevel.City : RegionLevel.County;
                await world.AddRegionAsync(key, level, "clerk", withRecords: true);
            }
        }

        foreach (var region in world.Regions)
        {
            string[] roles = region.Level switch
            {
                RegionLevel.Province => ["admin", "reviewer"],
                RegionLevel.City => ["admin", "reviewer", "clerk"],
                _ => ["clerk"],
            };
            world.Actors.AddRange(roles.Select(r => new Actor($"{region.Key}.{r}", region, Enum.Parse<UserRole>(r, ignoreCase: true))));
        }

        if (portal is MatrixPortal { SeparateAdministrators: true })
        {
            await world.AddDutyAdministratorsAsync();
        }

        return world;
    }

    /// <summary>The signed-in client of a user of the world, kept for the life of the fixture.</summary>
    public async Task<PortalClient> ClientAsync(string userName)
    {
        if (!clients.TryGetValue(userName, out var client))
        {
            client = await portal.SignedInClientAsync(userName);
            clients[userName] = client;
        }

        return client;
    }

    /// <summary>
    /// Up to three regions of the world (the farthest first) that are neither in the actor's subtree nor above it: the nearest (the sibling
    /// county, or a county of the sibling city), the sibling city, and a county of the other province; a province
    /// gets the other province, its first city and a county of it.
    /// </summary>
    public IReadOnlyList<RegionRecords> ForeignTo(Actor actor, int most)
    {
        var own = actor.Region;
        var province = Regions.First(r => r.Level == RegionLevel.Province && own.Path.StartsWith(r.Path, StringComparison.Ordinal));
        var other = Regions.First(r => r.Level == RegionLevel.Province && r != province);
        bool Foreign(RegionRecords r) => !r.Path.StartsWith(own.Path, StringComparison.Ordinal) && !own.Path.StartsWith(r.Path, StringComparison.Ordinal);
        bool In(RegionRecords r, RegionRecords root) => r.Path.StartsWith(root.Path, StringComparison.Ordinal);
        var otherCounty = Regions.Last(r => r.Level == RegionLevel.County && In(r, other));
        RegionRecords?[] candidates = own.Level == RegionLevel.Province
            ? [other, Regions.First(r => r.Level == RegionLevel.City && In(r, other)), otherCounty]
            :
            [
                Regions.FirstOrDefault(r => r.Level == RegionLevel.County && Foreign(r) && ParentPath(r) == ParentPath(own))
                    ?? Regions.Last(r => r.Level == RegionLevel.County && Foreign(r) && In(r, province)),
                Regions.First(r => r.Level == RegionLevel.City && Foreign(r) && In(r, province)),
                otherCounty,
            ];
        return candidates.OfType<RegionRecords>().Where(Foreign).Distinct().Reverse().Take(most).ToList();
    }

    private static string ParentPath(RegionRecords r) => r.Path[..(r.Path.TrimEnd('/').LastIndexOf('/') + 1)];

    private async Task AddNewCityAsync(string province, string key, string name, string code, params (string Key, string Name, string Code)[] counties)
    {
        var admin = await ClientAsync(province + ".admin");
        var token = await admin.TokenFromAsync("/admin/regions");
        async Task<int> RegionAsync(int parentId, string regionName, string regionCode, RegionLevel level)
        {
            var created = await admin.PostAsync("/admin/regions/create", token, ("Input.ParentId", parentId.ToString()), ("Input.Name", regionName),
                ("Input.Code", regionCode), ("Input.IsLocalCode", "false"), ("Input.Level", level.ToString()));
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"region {regionName}: {(await PortalClient.ParseAsync(created)).QuerySelector("main")?.TextContent}");
            return await portal.RegionIdAsync(regionCode);
        }

        async Task UserAsync(string userName, int regionId, UserRole role)
        {
            await CreateUserAsync(admin, token, userName, regionId, role);
        }

        var cityId = await RegionAsync(await portal.RegionIdAsync(province == "sx" ? "140000" : "130000"), name, code, RegionLevel.City);
        foreach (var role in new[] { UserRole.Admin, UserRole.Reviewer, UserRole.Clerk })
        {
            await UserAsync($"{key}.{role.ToString().ToLowerInvariant()}", cityId, role);
        }

        foreach (var county in counties)
        {
            await UserAsync(county.Key + ".clerk", await RegionAsync(cityId, county.Name, county.Code, RegionLevel.County), UserRole.Clerk);
        }
    }

    /// <summary>
    /// Creates a user through the admin's form. With 三员分立 on (ADR 0020) a 管理员 can no longer be given: such an
    /// account is made as a reviewer and turned into a 管理员 in the database, as one made before the switch was turned on.
    /// </summary>
    private async Task CreateUserAsync(PortalClient admin, string token, string userName, int regionId, UserRole role)
    {
        var given = role == UserRole.Admin && portal is MatrixPortal { SeparateAdministrators: true } ? UserRole.Reviewer : role;
        var created = await admin.PostAsync("/admin/users/create", token, ("Input.UserName", userName), ("Input.Password", PortalClient.DemoPassword),
            ("Input.DisplayName", userName), ("Input.RegionId", regionId.ToString()), ("Input.Role", given.ToString()));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"user {userName}: {(await PortalClient.ParseAsync(created)).QuerySelector("main")?.TextContent}");
        // As if the user had replaced the admin's initial password with its own at the first sign-in (PasswordChangeTests).
        await using var db = portal.CreateDbContext();
        await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, false).SetProperty(x => x.Role, role));
    }

    /// <summary>
    /// 三员分立 (ADR 0020): a 系统管理员, a 安全管理员 and a 审计管理员 of 忻州, given their roles by the province's 管理员
    /// through the form (the switch is on in the matrix portals).
    /// </summary>
    private async Task AddDutyAdministratorsAsync()
    {
        var admin = await ClientAsync("sx.admin");
        var token = await admin.TokenFromAsync("/admin/users");
        var xz = this["xz"];
        foreach (var (suffix, role) in DutyAdministrators)
        {
            await CreateUserAsync(admin, token, $"xz.{suffix}", xz.RegionId, role);
            Actors.Add(new Actor($"xz.{suffix}", xz, role));
        }
    }

    /// <summary>The user-name suffixes of the three separated administrators of a region.</summary>
    public static readonly (string Suffix, UserRole Role)[] DutyAdministrators =
        [("sysadmin", UserRole.SystemAdmin), ("secadmin", UserRole.SecurityAdmin), ("auditadmin", UserRole.AuditAdmin)];

    private async Task AddRegionAsync(string key, RegionLevel level, string role, bool withRecords)
    {
        await using var db = portal.CreateDbContext();
        var user = await db.Users.AsNoTracking().Include(u => u.Region).SingleAsync(u => u.UserName == $"{key}.{role}");
        var host = await db.MemberUnits.AsNoTracking().Where(u => u.RegionId == user.RegionId && u.HostsOffice).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        var region = new RegionRecords(key, user.RegionId, user.Region.Path, level, user.Id) { UnitId = host };
        if (withRecords)
        {
            region = await RecordsAsync(region, user.UserName!);
        }

        Regions.Add(region);
    }

    private async Task<RegionRecords> RecordsAsync(RegionRecords region, string clerkName)
    {
        var clerk = await ClientAsync(clerkName);
        var rowId = await LedgerRowAsync(clerk, GoldCategory.Coordinator, Year, "范围测试" + region.Key);
        var nominationId = await NominateAsync(clerk, GoldCategory.Coordinator, rowId);
        var uploaded = await clerk.Http.PostAsync($"/nominations/{nominationId}/evidence", MatrixRequest.Multipart(await clerk.TokenFromAsync("/nominations"), MatrixRoutes.Pdf, "表彰文件.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var refused = await LedgerWorkbooks.UploadAsync(clerk, "coordinators", LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders,
            LedgerWorkbooks.Person("1", "", "123", "男", "昨天")), year: Year);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        await using var db = portal.CreateDbContext();
        var nomination = await db.Nominations.AsNoTracking().Include(n => n.Evidence).SingleAsync(n => n.Id == nominationId);
        var notification = new Notification { UserId = region.UserId, Title = "范围测试通知", Link = "/ledgers", CreatedAtUtc = DateTime.UtcNow };
        var job = new ExportJob
        {
            Id = Guid.NewGuid(), UserId = region.UserId, RegionId = region.RegionId, Year = Year, Status = ExportJobStatus.Done,
            CreatedAtUtc = DateTime.UtcNow, FinishedAtUtc = DateTime.UtcNow,
        };
        var indicator = new Core.Indicators.IndicatorReport
        {
            RegionId = region.RegionId, JurisdictionRegionId = region.RegionId, TaskId = "scope-indicator", Year = Year, Label = "范围测试指标", Unit = "人",
            RuleSetVersionId = await db.RuleSetVersions.Select(v => v.Id).FirstAsync(), Value = 1, ReportedById = region.UserId, ReportedBy = clerkName, ReportedAtUtc = DateTime.UtcNow,
        };
        indicator.Evidence.Add(new Core.Indicators.IndicatorEvidence { FileName = "范围测试.pdf", ContentType = "application/pdf", Size = MatrixRoutes.Pdf.Length, Sha256 = "", Content = MatrixRoutes.Pdf });
        var material = new Core.Materials.MaterialSubmission
        {
            RegionId = region.RegionId, JurisdictionRegionId = region.RegionId, TaskId = "scope-material", Year = Year, RuleSetVersionId = indicator.RuleSetVersionId,
            TaskName = "范围测试材料", Title = "范围测试材料", Status = Core.Materials.ReviewStatus.Submitted, CreatedById = region.UserId, CreatedBy = clerkName,
            CreatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow, SubmittedBy = clerkName,
        };
        material.Files.Add(new Core.Materials.MaterialFile { FileName = "范围测试.pdf", ContentType = "application/pdf", Size = MatrixRoutes.Pdf.Length, Sha256 = "", Content = MatrixRoutes.Pdf, AddedAtUtc = DateTime.UtcNow });
        var code = await db.Regions.Where(r => r.Id == region.RegionId).Select(r => r.Code).SingleAsync();
        var draft = new Core.Rules.RuleSetDraft
        {
            RegionId = region.RegionId, FromYear = 2090, ToYear = 2092, Origin = "范围测试",
            Json = Core.Rules.RuleSetWriter.Write(Core.Rules.Editing.PlanStart.Blank(code, "范围测试规划", 2090, 2092)), UpdatedAtUtc = DateTime.UtcNow,
        };
        var deleted = new DeletedLedgerRow
        {
            Ledger = "coordinators", RowId = 900_000_000 + region.RegionId, RegionId = region.RegionId, Year = Year, Name = "范围测试已删除", Values = "{}",
            DeletedAtUtc = DateTime.UtcNow, DeletedBy = clerkName,
        };
        var typicalCase = new Core.Materials.MaterialSubmission
        {
            RegionId = region.RegionId, JurisdictionRegionId = region.RegionId, TaskId = "scope-case", Year = Year, RuleSetVersionId = indicator.RuleSetVersionId,
            TaskName = "范围测试典型案例", Kind = Core.Rules.MaterialKind.TypicalCase, Title = "范围测试典型案例" + region.Key, Status = Core.Materials.ReviewStatus.Accepted,
            CreatedById = region.UserId, CreatedBy = clerkName, CreatedAtUtc = DateTime.UtcNow, SubmittedAtUtc = DateTime.UtcNow, SubmittedBy = clerkName, ReviewedBy = "范围测试",
        };
        typicalCase.Files.Add(new Core.Materials.MaterialFile { FileName = "范围测试案例.pdf", ContentType = "application/pdf", Size = MatrixRoutes.Pdf.Length, Sha256 = "", Content = MatrixRoutes.Pdf, AddedAtUtc = DateTime.UtcNow });
        var email = new Core.Notifications.EmailOutbox
        {
            To = $"scope.{region.Key}@example.cn", Subject = "范围测试邮件", Body = "范围测试", RegionId = region.RegionId, CreatedAtUtc = DateTime.UtcNow,
            NextAttemptAtUtc = DateTime.UtcNow, Attempts = 4, FailedAtUtc = DateTime.UtcNow, LastError = "无法连接邮件服务器（ConnectionRefused）",
        };
        db.AddRange(notification, job, indicator, material, draft, deleted, typicalCase, email);
        await db.SaveChangesAsync();
        var token = Directory.GetFiles(Path.Combine(portal.DataDirectory, "imports"), region.UserId + "-*.xlsx", SearchOption.AllDirectories)
            .Select(f => Path.GetFileNameWithoutExtension(f)[(region.UserId.Length + 1)..]).Single();
        return region with
        {
            RowId = rowId, NominationId = nominationId, EvidenceId = nomination.Evidence.Single().Id, IndicatorEvidenceId = indicator.Evidence.Single().Id, SheetId = nomination.SheetId,
            MaterialId = material.Id, MaterialFileId = material.Files.Single().Id,
            NotificationId = notification.Id, EmailId = email.Id, JobId = job.Id, ImportToken = token, DraftId = draft.Id, DeletedEntryId = deleted.Id,
            CaseMaterialId = typicalCase.Id, CaseFileId = typicalCase.Files.Single().Id,
        };
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}
