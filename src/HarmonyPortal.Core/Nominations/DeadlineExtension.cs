using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Core.Nominations;

/// <summary>A later deadline granted to one region by the level above, with the reason.</summary>
public class DeadlineExtension
{
    public long Id { get; set; }

    public int RegionId { get; set; }

    public GoldCategory Category { get; set; }

    public int Year { get; set; }

    public int Batch { get; set; }

    public DateOnly NewDate { get; set; }

    public string Reason { get; set; } = "";

    public string GrantedBy { get; set; } = "";

    public DateTime GrantedAtUtc { get; set; }
}
