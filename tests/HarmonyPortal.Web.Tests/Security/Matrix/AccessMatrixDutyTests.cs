using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static HarmonyPortal.Web.Tests.Security.Matrix.MatrixRequest;

namespace HarmonyPortal.Web.Tests.Security.Matrix;

/// <summary>
/// 三员分立 (ADR 0020), with the switch on: every administration route belongs to exactly one duty, read from the route's
/// own policy; each route is tried by 忻州's 系统管理员, 安全管理员 and 审计管理员 — let through for the duty's holder,
/// refused (403, audited) for the other two — and by the 管理员 made before the switch, who keeps every duty.
/// </summary>
public abstract partial class AccessMatrixTests<TPortal>
{
    private static readonly Dictionary<string, AdminDuty> DutyPolicies = new()
    {
        [AccessPolicies.SystemDuty] = AdminDuty.System, [AccessPolicies.RegionDuty] = AdminDuty.System,
        [AccessPolicies.SecurityDuty] = AdminDuty.Security, [AccessPolicies.AuditDuty] = AdminDuty.Audit,
    };

    /// <summary>Routes acting on the user's own scope, as the menu or page requests them.</summary>
    private static readonly Dictionary<string, MatrixRequest> DutyOwnScope = new()
    {
        ["GET Users.Create"] = Get("/admin/users/create"),
        ["GET Regions.Index"] = Get("/admin/regions"),
        ["GET Emails.Index"] = Get("/admin/emails"),
        ["GET Drafts.Index"] = Get("/rules/drafts"),
        // A missing region is refused with 403 by the plan editor itself (as a foreign one is); 忻府区 with its years the wrong way round is refused by validation instead.
        ["POST Drafts.Create"] = Post("/rules/drafts", ("Input.RegionId", "{xzxf}"), ("Input.FromYear", "2097"), ("Input.ToYear", "2095"), ("Input.Start", "Blank")),
    };

    /// <summary>GETs whose record 忻府区 does not have (it has no plan version to restore): the holder gets past the role check to a 404.</summary>
    private static readonly HashSet<string> NoRecordInXinfu = ["GET Rules.Restore"];

    /// <summary>Every administration route with its duty, from the policies on the route (a route with two duties fails).</summary>
    private Dictionary<string, AdminDuty> AdministrationRoutes()
    {
        var routes = new Dictionary<string, AdminDuty>();
        foreach (var endpoint in Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
            {
                continue;
            }

            var duties = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
                .Where(DutyPolicies.ContainsKey).Select(p => DutyPolicies[p]).Distinct().ToList();
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? [];
            var key = $"{string.Join('|', methods)} {action.ControllerName}.{action.ActionName}";
            Assert.True(duties.Count <= 1, $"{key} belongs to {duties.Count} duties");
            if (duties.Count == 1)
            {
                routes[key] = duties[0];
            }
        }

        return routes;
    }

    [Fact]
    public async Task EveryAdministrationRoute_BelongsToOneDuty_LetThroughForItsHolder_RefusedForTheOtherTwo()
    {
        var routes = AdministrationRoutes();
        // Every page of the administration menus has a duty: users, units, e-mails, regions, the plan editor, the rules' writes, the audit log.
        string[] controllers = ["Users", "Units", "Emails", "Regions", "RegionChanges", "Drafts", "Grid", "Criteria", "Audit"];
        var missing = PortalEndpoint.All(Portal.Services).Where(e => controllers.Contains(e.Controller)).Select(e => e.Key)
            .Concat(["POST Rules.AddVersion", "GET Rules.Restore", "POST Rules.Restore"]).Except(routes.Keys).ToList();
        Assert.Empty(missing);

        var holders = ScopeWorld.DutyAdministrators.ToDictionary(d => d.Role, d => $"xz.{d.Suffix}");
        var xzxf = World["xzxf"];
        await using var db = Portal.CreateDbContext();
        string[] volatileTables = [DatabaseFingerprint.TableOf<AuditEntry>(db), DatabaseFingerprint.TableOf<AuthSession>(db)];
        var before = await DatabaseFingerprint.TakeAsync(db, volatileTables);
        var lastAudit = await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
        var wrong = new List<string>();
        var tried = 0;
        var refusals = 0;
        foreach (var (route, duty) in routes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            // GETs name 忻府区's records (inside 忻州); POSTs name records that do not exist, so that letting one through changes nothing.
            var request = DutyOwnScope.TryGetValue(route, out var own) ? own with { Form = own.Form.Select(f => (f.Item1, f.Item2.Replace("{xzxf}", xzxf.RegionId.ToString()))).ToArray() }
                : route.StartsWith("GET ", StringComparison.Ordinal) ? MatrixRoutes.Foreign[route](xzxf)
                : MatrixRoutes.Foreign[route](RegionRecords.Missing);
            Assert.NotNull(request);
            foreach (var (role, user) in holders.Append(new(UserRole.Admin, "xz.admin")))
            {
                var client = await World.ClientAsync(user);
                var response = await request.SendAsync(client, await client.TokenFromAsync("/"));
                tried++;
                var owner = role.Holds(duty);
                var refused = response.StatusCode == HttpStatusCode.Forbidden;
                refusals += refused ? 1 : 0;
                var ok = owner
                    ? !refused && (request.Method != "GET" || response.StatusCode == (NoRecordInXinfu.Contains(route) ? HttpStatusCode.NotFound : HttpStatusCode.OK))
                    : refused;
                if (!ok)
                {
                    wrong.Add($"{user} ({role}) {request} [{duty}] answered {(int)response.StatusCode}");
                }
            }
        }

        var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(db, volatileTables));
        var denials = await db.AuditEntries.AsNoTracking().CountAsync(a => a.Id > lastAudit && a.Action == AuditActions.AccessDenied);
        Output.WriteLine($"{Portal.Provider}: {routes.Count} administration routes ({string.Join(", ", routes.GroupBy(r => r.Value).Select(g => $"{g.Key}: {g.Count()}"))}); " +
            $"{tried} requests, {refusals} refused, {denials} access.denied entries; tables changed: {changed.Count}.");
        foreach (var line in wrong)
        {
            Output.WriteLine(line);
        }

        Assert.Empty(wrong);
        Assert.Empty(changed);
        Assert.Equal(routes.Count * 2, refusals);
        Assert.True(denials >= refusals, $"{denials} access.denied entries for {refusals} refusals");
    }
}
