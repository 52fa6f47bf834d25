using FluentValidation;
using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>The person columns of 附件3 and 附件5 in the forms' order, and the rules they share.</summary>
public abstract class PersonLedger<TRow> : LedgerDefinition<TRow>
    where TRow : PersonRow, new()
{
    protected static IEnumerable<ILedgerField> PersonFields(string servingHeader, string phoneHeader, string? workUnitHint = null) =>
    [
        Field(r => r.Name, "姓名", required: true, max: 20, width: 10, inList: true),
        Field(r => r.Gender, "性别", FieldKind.Gender, width: 6, inList: true),
        Field(r => r.Ethnicity, "民族", FieldKind.Ethnicity, required: true, width: 8),
        Field(r => r.IdNumber, "身份证号码", FieldKind.IdNumber, width: 22, inList: true),
        Field(r => r.WorkUnit, "工作单位", required: true, width: 24, inList: true, hint: workUnitHint),
        Field(r => r.Position, "职务", max: 50, width: 12),
        Field(r => r.Education, "学历", FieldKind.Enum, width: 10),
        Field(r => r.ServingSince, servingHeader, FieldKind.Date, width: 14),
        Field(r => r.Phone, phoneHeader, FieldKind.Phone, required: true, width: 16),
    ];

    /// <summary>The same person once per ledger and year, wherever they were entered.</summary>
    protected override System.Linq.Expressions.Expression<Func<TRow, string>> Identity => r => r.IdNumberHash;

    protected override bool IdentityIsRegional => false;

    /// <summary>Rows whose hash is any of the number's hashes: rows not yet re-hashed after an algorithm switch are found too (ADR 0022).</summary>
    protected override System.Linq.Expressions.Expression<Func<TRow, bool>>? IdNumberFilter(IReadOnlyList<string> hashes)
    {
        var candidates = hashes.ToList();
        return r => candidates.Contains(r.IdNumberHash);
    }

    protected override IReadOnlyList<string> IdentityAliases(TRow row) => row.IdNumberHashAliases;

    protected static void AddPersonRules(AbstractValidator<TRow> validator, DateOnly today)
    {
        validator.RuleFor(r => r.Gender)
            .Must((r, gender) => !IdNumber.TryParse(r.IdNumber, today, out var info, out _) || info.Gender == gender)
            .WithMessage(r => $"性别：与身份证号码不符（号码显示为{(r.Gender == Gender.Male ? "女" : "男")}）");
        validator.RuleFor(r => r.ServingSince)
            .Must((r, since) => !IdNumber.TryParse(r.IdNumber, today, out var info, out _) || since >= info!.BirthDate.AddYears(16))
            .WithMessage("任职时间：早于本人年满 16 周岁的日期，请核对");
    }
}
