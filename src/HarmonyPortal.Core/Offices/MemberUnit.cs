using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Offices;

/// <summary>
/// A member unit (成员单位) of a region's tripartite office: 人社局, 总工会, 企联/企协, 工商联 by default, and whatever
/// else the region's notices name (商务局, 工业和信息化局, 工会联合会 …). Users belong to one unit of their region;
/// ledger rows and nominations record the unit responsible for them. A unit is retired, never deleted.
/// </summary>
public class MemberUnit : IRegionOwned
{
    public const int ShortNameMaxLength = 50;

    public const int NameMaxLength = 100;

    public int Id { get; set; }

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    /// <summary>Which of the four default parties this unit is, if any: lets defaults (the 人社 host) be found; null for added units.</summary>
    public Party? Kind { get; set; }

    /// <summary>Full name, e.g. 岳阳市工业和信息化局.</summary>
    public string Name { get; set; } = "";

    /// <summary>Short name, unique within the region, e.g. 工信局; what forms, lists and the header show.</summary>
    public string ShortName { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>True for the one unit of the region that hosts the tripartite office (usually 人社局).</summary>
    public bool HostsOffice { get; set; }

    /// <summary>The unit's contact for the office's business (赣州 lists one per party): shown to the level above next to overdue items, and reminders go to it.</summary>
    public string? ContactName { get; set; }

    /// <summary>The contact's office phone or mobile; masked like any phone where the reader may not see it.</summary>
    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>False once retired: kept for the users and rows that name it, offered for nothing new.</summary>
    public bool IsActive { get; set; } = true;
}
