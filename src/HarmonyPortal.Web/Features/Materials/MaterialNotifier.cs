using HarmonyPortal.Core.Materials;
using HarmonyPortal.Web.Features.Notifications;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>
/// Tells the people concerned that a material moved: the reviewers of the level above when it is submitted, the
/// region's clerks when it is returned or accepted. The notifications join the step's unit of work.
/// </summary>
public sealed class MaterialNotifier(NotificationService notifications)
{
    public Task<int> SubmittedAsync(MaterialSubmission material, string regionName, int parentId, CancellationToken ct) =>
        Add(NotificationTarget.ReviewersOf(parentId), $"{regionName}提交了{Title(material)}，请审核", material, ct);

    public Task<int> ReturnedAsync(MaterialSubmission material, string reason, CancellationToken ct) =>
        Add(NotificationTarget.ClerksOf(material.RegionId), $"{Title(material)}被退回：{Shorten(reason)}", material, ct);

    public Task<int> AcceptedAsync(MaterialSubmission material, CancellationToken ct) =>
        Add(NotificationTarget.ClerksOf(material.RegionId), $"{Title(material)}已被上级接收", material, ct);

    private static string Title(MaterialSubmission material) => $"{material.Year} 年度材料“{Shorten(material.Title, 30)}”（{Shorten(material.TaskName, 20)}）";

    private static string Shorten(string text, int length = 40) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private Task<int> Add(NotificationTarget target, string title, MaterialSubmission material, CancellationToken ct) =>
        notifications.AddAsync(target, Shorten(title, Core.Notifications.Notification.TitleMaxLength), null, $"/materials/{material.Id}", null, ct);
}
