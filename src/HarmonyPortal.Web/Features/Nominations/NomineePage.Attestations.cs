namespace HarmonyPortal.Web.Features.Nominations;

public sealed partial record NomineePage
{
    /// <summary>Whether the user is the reviewer who confirms or rejects the nominee's attested conditions now.</summary>
    public bool CanReviewAttestations { get; init; }
}
