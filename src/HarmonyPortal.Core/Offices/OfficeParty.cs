using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Offices;

/// <summary>
/// One of the four parties of the tripartite office of a region. City bureaus that hold quotas
/// themselves (Yueyang's 市人社局, 市总工会, 市工商联) are the city's office parties.
/// </summary>
public class OfficeParty
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    public Party Party { get; set; }

    /// <summary>Full name, e.g. 岳阳市总工会.</summary>
    public string Name { get; set; } = "";

    /// <summary>Short name as the notices use it at that level, e.g. 市总工会.</summary>
    public string ShortName { get; set; } = "";

    /// <summary>True where the office hosts the tripartite office (usually 人社局).</summary>
    public bool HostsOffice { get; set; }
}
