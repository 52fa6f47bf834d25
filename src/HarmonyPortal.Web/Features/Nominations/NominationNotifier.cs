using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Web.Features.Notifications;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// Tells the people concerned that a sheet moved: the reviewers above on submission and forwarding, the
/// sheet's own office on return, approval and publication. The notifications join the transition's unit of work.
/// </summary>
public sealed class NominationNotifier(NotificationService notifications, GoldRuleLookup rules)
{
    public Task<int> SubmittedAsync(NominationSheet sheet, CancellationToken ct) =>
        Add(NotificationTarget.ReviewersOf(sheet.Region.ParentId!.Value), $"{sheet.Region.Name}提交了{Title(sheet)}推荐表，请审核", sheet, ct);

    public Task<int> ReturnedAsync(NominationSheet sheet, string reason, CancellationToken ct) =>
        Add(Office(sheet), $"{Title(sheet)}推荐表被退回：{Shorten(reason)}", sheet, ct);

    public Task<int> ApprovedAsync(NominationSheet sheet, int approved, CancellationToken ct) =>
        Add(Office(sheet), $"{Title(sheet)}推荐表已审核通过，通过 {approved} 名", sheet, ct);

    public Task<int> ForwardedAsync(NominationSheet sheet, int count, CancellationToken ct) =>
        Add(NotificationTarget.ReviewersOf(sheet.Region.ParentId!.Value), $"{sheet.Region.Name}上报了{Title(sheet)}推荐表（{count} 名），请择优", sheet, ct);

    public Task<int> PublishedAsync(NominationSheet sheet, int selected, CancellationToken ct) =>
        Add(Office(sheet), $"{Title(sheet)}名单已发布，本{(SheetWorkflow.IsCitySheet(sheet.Region) ? "市" : "地区")}入选 {selected} 名", sheet, ct);

    /// <summary>A city (or county) that confers the honour published its list: the reviewers above receive it (报省 / 报市).</summary>
    public Task<int> ReportedAsync(NominationSheet sheet, int selected, CancellationToken ct) =>
        Add(NotificationTarget.ReviewersOf(sheet.Region.ParentId!.Value),
            $"{sheet.Region.Name}发布了{Title(sheet)}名单（入选 {selected} 名）并报{(SheetWorkflow.IsCitySheet(sheet.Region) ? "省" : "市")}，请查阅", sheet, ct);

    /// <summary>A published list was withdrawn: the sheet's office (a county on the list, a city of a province's list) hears why.</summary>
    public Task<int> WithdrawnAsync(NominationSheet sheet, string reason, CancellationToken ct) =>
        Add(Office(sheet), $"{Title(sheet)}名单已撤回发布：{Shorten(reason)}", sheet, ct);

    /// <summary>A city or county withdrew the list it had published and reported: the reviewers above hear why.</summary>
    public Task<int> WithdrawnAboveAsync(NominationSheet sheet, string reason, CancellationToken ct) =>
        Add(NotificationTarget.ReviewersOf(sheet.Region.ParentId!.Value), $"{sheet.Region.Name}撤回了已发布的{Title(sheet)}名单：{Shorten(reason)}", sheet, ct);

    /// <summary>A county sheet is the county clerks' work; a city sheet is the city reviewers'.</summary>
    private static NotificationTarget Office(NominationSheet sheet) =>
        SheetWorkflow.IsCitySheet(sheet.Region) ? NotificationTarget.ReviewersOf(sheet.RegionId) : NotificationTarget.ClerksOf(sheet.RegionId);

    /// <summary>The sheet's title; an office-defined honour is named by its task id here, which <see cref="Add"/> replaces with the plan's title.</summary>
    private static string Title(NominationSheet sheet) =>
        $"{sheet.Year} 年度{GoldRules.BatchName(sheet.Batch)}{(Core.Rules.OfficeHonour.Is(sheet.HonourTaskId) ? sheet.HonourTaskId : GoldRules.CategoryName(sheet.Category))}";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";

    private async Task<int> Add(NotificationTarget target, string title, NominationSheet sheet, CancellationToken ct)
    {
        if (Core.Rules.OfficeHonour.Is(sheet.HonourTaskId))
        {
            title = title.Replace(sheet.HonourTaskId, (await rules.ForAsync(sheet.Region, sheet, ct)).Title, StringComparison.Ordinal);
        }

        return await notifications.AddAsync(target, title, null, $"/nominations/sheets/{sheet.Id}", null, ct);
    }
}
