using FluentValidation;
using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>劳动人事争议调解组织调解员情况表 (附件5); each mediator belongs to an organisation of the same region and year.</summary>
public sealed class MediatorLedger : PersonLedger<Mediator>
{
    public override string Key => "mediators";

    public override string Title => "劳动人事争议调解组织调解员情况表";

    public override string Source => "附件5";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        .. PersonFields("任职调解员时间", "联系电话"),
        Field(r => r.OrganizationName, "所属调解组织", required: true, width: 28, inList: true, hint: "填写本地区本年度调解组织台账中的名称", added: true),
    ];

    protected override IValidator<Mediator> CreateValidator(DateOnly today)
    {
        var v = new InlineValidator<Mediator>();
        AddPersonRules(v, today);
        return v;
    }

    protected override System.Linq.Expressions.Expression ListValue(System.Linq.Expressions.ParameterExpression row, ILedgerField field) =>
        field.Key == nameof(Mediator.OrganizationName)
            ? System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Property(row, nameof(Mediator.MediationOrganization)), nameof(MediationOrganization.Name))
            : base.ListValue(row, field);

    public override async Task LoadReferencesAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct)
    {
        var mediator = (Mediator)row;
        mediator.OrganizationName = await db.Set<MediationOrganization>()
            .Where(o => o.Id == mediator.MediationOrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct);
    }

    public override bool ChecksReadTheDatabase => true;

    public override async Task<IReadOnlyList<FieldError>> ResolveAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct)
    {
        var mediator = (Mediator)row;
        var id = await db.Set<MediationOrganization>()
            .Where(o => o.RegionId == row.RegionId && o.Year == row.Year && o.Name == mediator.OrganizationName)
            .Select(o => (long?)o.Id)
            .FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return [new FieldError(nameof(Mediator.OrganizationName),
                $"所属调解组织：本地区 {row.Year} 年度调解组织台账中没有“{mediator.OrganizationName}”，请先登记该调解组织")];
        }

        mediator.MediationOrganizationId = id.Value;
        return [];
    }
}
