using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Scope;

namespace HarmonyPortal.Web.Features.Audit;

/// <summary>Records audit entries with the acting user, its region and its IP address.</summary>
public sealed class AuditLog(HarmonyDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private const int DetailsMaxLength = 4000;

    /// <summary>Adds an entry to the current unit of work; it is saved with the change it describes.</summary>
    public void Add(string action, AuditOutcome outcome, string? objectType = null, string? objectId = null,
        string? details = null, UserScope? actor = null, string? userName = null, int? regionId = null) =>
        db.AuditEntries.Add(Entry(action, outcome, objectType, objectId, details, actor, userName, regionId));

    /// <summary>An entry as <see cref="Add"/> would record it, not added to the unit of work (for bulk inserts).</summary>
    public AuditEntry Entry(string action, AuditOutcome outcome, string? objectType = null, string? objectId = null,
        string? details = null, UserScope? actor = null, string? userName = null, int? regionId = null)
    {
        var context = http.HttpContext;
        actor ??= context is null ? null : UserScope.FromPrincipal(context.User);
        // A named user (the account of a sign-in attempt) is the subject, not whoever the browser is signed in as.
        if (userName is not null && actor?.UserName != userName)
        {
            actor = null;
        }

        return new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = actor?.UserId,
            UserName = userName ?? actor?.UserName,
            RegionId = regionId ?? actor?.RegionId,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            Outcome = outcome,
            // The column holds 4,000 characters: a longer text (a reason quoted in full) is cut, never refused by the database.
            Details = details is { Length: > DetailsMaxLength } ? details[..(DetailsMaxLength - 1)] + "…" : details,
        };
    }

    /// <summary>Adds and saves at once, for events that are not part of another change (logins, denials).</summary>
    public async Task RecordAsync(string action, AuditOutcome outcome, string? objectType = null, string? objectId = null,
        string? details = null, string? userName = null, int? regionId = null, CancellationToken ct = default)
    {
        Add(action, outcome, objectType, objectId, details, userName: userName, regionId: regionId);
        await db.SaveChangesAsync(ct);
    }
}
