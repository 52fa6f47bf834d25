using System.ComponentModel.DataAnnotations;
using FluentValidation;
using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Web.Features.Admin.Regions;

public sealed class RegionInput
{
    [Display(Name = "上级地区")]
    public int ParentId { get; set; }

    /// <summary>A code chosen from the national GB/T 2260 list under the parent's code; fills <see cref="Code"/> and <see cref="Name"/>.</summary>
    [Display(Name = "从国家行政区划列表选择")]
    public string? ListCode { get; set; }

    [Display(Name = "名称")]
    public string? Name { get; set; }

    [Display(Name = "区划代码")]
    public string? Code { get; set; }

    [Display(Name = "本地代码（功能区、乡镇街道）")]
    public bool IsLocalCode { get; set; }

    [Display(Name = "层级")]
    public RegionLevel Level { get; set; } = RegionLevel.County;

    [Display(Name = "排序")]
    public int SortOrder { get; set; }
}

public sealed class RegionInputValidator : AbstractValidator<RegionInput>
{
    public RegionInputValidator()
    {
        When(x => string.IsNullOrWhiteSpace(x.ListCode), () =>
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("名称：必须填写。");
            RuleFor(x => x.Code).NotEmpty().WithMessage("区划代码：必须填写。");
            RuleFor(x => x.Code).Matches(@"^\d{6}$").When(x => !x.IsLocalCode)
                .WithMessage("区划代码：GB/T 2260 代码须为 6 位数字；功能区或乡镇街道请勾选“本地代码”。");
        });
        RuleFor(x => x.ListCode).Matches(@"^\d{6}$").When(x => !string.IsNullOrWhiteSpace(x.ListCode))
            .WithMessage("从国家行政区划列表选择：取值无效。");
        RuleFor(x => x.Name).MaximumLength(50).WithMessage("名称：不能超过 50 个字符。");
        RuleFor(x => x.Code).Matches("^[0-9A-Z-]{2,20}$").When(x => x.IsLocalCode)
            .WithMessage("区划代码：本地代码只能由大写字母、数字和 - 组成，长度 2 到 20。");
        RuleFor(x => x.Level).IsInEnum().WithMessage("层级：取值无效。");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 9999).WithMessage("排序：须在 0 到 9999 之间。");
    }
}
