namespace HarmonyPortal.Core.Rules;

/// <summary>Where an attested condition stands: evidence supplied by the clerk, then confirmed or rejected by a reviewer.</summary>
public enum AttestationState
{
    Pending = 0,
    Confirmed = 1,
    Rejected = 2,
}

/// <summary>The clerk's evidence for one attested criterion and the reviewer's decision on it.</summary>
public sealed record AttestationReview(string Evidence, AttestationState State, string? Reviewer, DateOnly? ReviewedOn, string? Reason)
{
    public static string StateName(AttestationState? state) => state switch
    {
        AttestationState.Confirmed => "已确认",
        AttestationState.Rejected => "未予确认",
        AttestationState.Pending => "待审核确认",
        _ => "未提供证明材料",
    };
}
