using HarmonyPortal.Core.Audit;

namespace HarmonyPortal.Web.Tests.Security.Matrix;

/// <summary>What a complete audit entry holds: when, who, from where, on what, and how it ended.</summary>
public static class AuditTrail
{
    public static bool IsComplete(AuditEntry entry, string userName, TimeProvider clock, AuditOutcome outcome = AuditOutcome.Success) =>
        entry.UserName == userName
        && entry.IpAddress is { Length: > 0 }
        && entry.ObjectType is { Length: > 0 }
        && (entry.ObjectId ?? entry.Details) is { Length: > 0 }
        && entry.Outcome == outcome
        && Math.Abs((entry.AtUtc - clock.GetUtcNow().UtcDateTime).TotalMinutes) < 1;

    public static string Describe(AuditEntry e) =>
        $"{e.AtUtc:O} {e.UserName} {e.IpAddress ?? "no IP"} {e.ObjectType}:{e.ObjectId} {e.Outcome} {e.Details}";
}
