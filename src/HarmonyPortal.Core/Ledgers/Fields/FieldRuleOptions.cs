using FluentValidation;

namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// Lets <c>.WithName("联系电话")</c> follow a <see cref="FieldRules"/> rule. FluentValidation's
/// <c>Custom</c> hands back a conditions-only builder, so without this an optional field (no
/// <c>NotEmpty</c> before it to carry the name) could only be named in English by its property.
/// </summary>
public static class FieldRuleOptions
{
    /// <summary>Sets the rule's display name, used as the "{字段名}" of every message of that rule.</summary>
    /// <exception cref="ArgumentException">The builder does not come from FluentValidation's <c>RuleFor</c>.</exception>
    public static IRuleBuilderOptionsConditions<T, TProperty> WithName<T, TProperty>(
        this IRuleBuilderOptionsConditions<T, TProperty> rule, string name)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (rule is not IRuleBuilderOptions<T, TProperty> options)
        {
            throw new ArgumentException("Only a builder from FluentValidation's RuleFor can be named.", nameof(rule));
        }

        options.WithName(name);
        return rule;
    }
}
