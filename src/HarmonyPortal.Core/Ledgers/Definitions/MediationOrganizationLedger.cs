using FluentValidation;
using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>劳动人事争议调解组织情况表 (附件4) plus the year's cases received and settled.</summary>
public sealed class MediationOrganizationLedger : LedgerDefinition<MediationOrganization>
{
    public override string Key => "mediation-organizations";

    public override string Title => "劳动人事争议调解组织情况表";

    public override string Source => "附件4";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        Field(r => r.TownName, "所属乡镇街道", max: 50, width: 14, inList: true),
        Field(r => r.Name, "调解组织名称", required: true, width: 28, inList: true),
        Field(r => r.Nature, "调解组织性质", FieldKind.Enum, width: 30, inList: true),
        Field(r => r.Address, "地址", required: true, width: 28),
        Field(r => r.EstablishedOn, "成立时间", FieldKind.Date, width: 12),
        Field(r => r.LeaderName, "负责人", required: true, max: 20, width: 10),
        Field(r => r.MediatorCount, "调解员人数", FieldKind.WholeNumber, width: 10, inList: true),
        Field(r => r.ContactName, "联系人", required: true, max: 20, width: 10),
        Field(r => r.ContactPhone, "联系电话", FieldKind.Phone, required: true, width: 16),
        Field(r => r.CasesReceived, "本年度受理案件数", FieldKind.WholeNumber, width: 12, inList: true, added: true),
        Field(r => r.CasesSettled, "本年度调解成功数", FieldKind.WholeNumber, width: 12, inList: true, added: true),
    ];

    public override ILedgerField? KindField => Fields.Single(f => f.Key == nameof(MediationOrganization.Nature));

    protected override IValidator<MediationOrganization> CreateValidator(DateOnly today)
    {
        var v = new InlineValidator<MediationOrganization>();
        v.RuleFor(r => r.CasesSettled).LessThanOrEqualTo(r => r.CasesReceived)
            .WithMessage(r => $"本年度调解成功数：{r.CasesSettled} 件，不能多于本年度受理案件数 {r.CasesReceived} 件");
        return v;
    }

    public override async Task<string?> CannotDeleteAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct)
    {
        var mediators = await db.Set<Mediator>().CountAsync(m => m.MediationOrganizationId == row.Id, ct);
        return mediators == 0 ? null : $"该调解组织下还有 {mediators} 名调解员，请先删除或调整调解员台账。";
    }
}
