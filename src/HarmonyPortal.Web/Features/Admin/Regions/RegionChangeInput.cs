using FluentValidation;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Admin.Regions;

/// <summary>What an administrator types for a region change (rename, close, move, merge, split); kept when refused.</summary>
public sealed class RegionChangeInput
{
    public string? Name { get; set; }

    public string? Code { get; set; }

    public bool IsLocalCode { get; set; }

    /// <summary>The first year a new name applies (rename).</summary>
    public int? FromYear { get; set; }

    /// <summary>The day a closure, merge or split takes effect.</summary>
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>The new parent (move) or the region merged into (merge).</summary>
    public int? OtherId { get; set; }

    /// <summary>Towns that go to the new region (split).</summary>
    public List<int> TownIds { get; set; } = [];

    /// <summary>Users who go to the new region (split).</summary>
    public List<string> UserIds { get; set; } = [];

    public string? Reason { get; set; }

    /// <summary>The confirmation box: nothing changes without it.</summary>
    public bool Confirm { get; set; }
}

public enum RegionChangeAction
{
    Rename,
    Close,
    Move,
    Merge,
    Split,
}

/// <summary>A change form: the region, what was typed, the choices offered and, for a merge, what it would move.</summary>
public sealed record RegionChangePage(
    Region Region,
    RegionChangeAction Action,
    RegionChangeInput Input,
    IReadOnlyList<RegionOption> Choices,
    IReadOnlyList<(int Id, string Name)> Towns,
    IReadOnlyList<(string Id, string Label)> Users,
    MergePlan? Plan = null)
{
    public string Title => Action switch
    {
        RegionChangeAction.Rename => "更名",
        RegionChangeAction.Close => "撤销",
        RegionChangeAction.Move => "调整上级",
        RegionChangeAction.Merge => "并入其他地区",
        _ => "拆分设立新地区",
    };

    public string Path => Action.ToString().ToLowerInvariant();
}

/// <summary>A region's history page: its former names and its change log.</summary>
public sealed record RegionHistoryPage(Region Region, string? MergedIntoName, IReadOnlyList<RegionName> Names, IReadOnlyList<RegionChange> Changes, IReadOnlyDictionary<int, string> OtherNames, bool CanChange);

/// <summary>
/// The reason every region change records (ADR 0015): required, at most 500 characters. The confirmation box stays
/// with the service, because a merge without it answers its confirmation page with the plan.
/// </summary>
public sealed class RegionChangeInputValidator : AbstractValidator<RegionChangeInput>
{
    public RegionChangeInputValidator() =>
        RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("原因：必须填写（如民政部门批复文号）。")
            .Must(r => r!.Trim().Length <= RegionChange.ReasonMaxLength).WithMessage($"原因：不能超过 {RegionChange.ReasonMaxLength} 个字符。");
}
