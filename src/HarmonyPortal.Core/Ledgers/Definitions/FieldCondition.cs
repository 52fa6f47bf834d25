namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>
/// When a column is needed on a row (<see cref="ILedgerField.RequiredWhen"/>): another field of the row has a value
/// (是否有裁员计划 = 是), or, with <see cref="Value"/> null, is filled in at all (职业技能等级). The ledger's validator still
/// enforces the rule; the condition tells an import which rows a value chosen for a column the file lacks is meant for.
/// </summary>
/// <param name="FieldKey">The other field's key.</param>
/// <param name="Value">The value it must have (as the field's type: <c>true</c> for 是), or null for "any value".</param>
public sealed record FieldCondition(string FieldKey, object? Value = null)
{
    /// <summary>Whether the row's text for the other field (as read from a file) meets the condition; unreadable text does not.</summary>
    public bool Holds(ILedgerDefinition definition, IReadOnlyDictionary<string, string?> values)
    {
        var field = Field(definition);
        if (!FieldValues.TryParse(field, values.GetValueOrDefault(FieldKey), DateOnly.MaxValue, out var parsed, out _) || parsed is null)
        {
            return false;
        }

        return Value is null || Equals(parsed, Value);
    }

    /// <summary>The condition in the clerk's words: “是否有裁员计划”为“是”, or 填写了“职业技能等级”.</summary>
    public string Describe(ILedgerDefinition definition)
    {
        var field = Field(definition);
        return Value is null ? $"填写了“{field.Header}”" : $"“{field.Header}”为“{FieldValues.Format(field, Value)}”";
    }

    private ILedgerField Field(ILedgerDefinition definition) =>
        definition.Fields.FirstOrDefault(f => f.Key == FieldKey) ?? throw new InvalidOperationException($"{definition.Key}: no field {FieldKey}");
}
