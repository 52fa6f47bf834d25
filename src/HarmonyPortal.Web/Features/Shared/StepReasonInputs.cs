using FluentValidation;
using HarmonyPortal.Core.Input;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>
/// The reason typed with an official step. Each step has its own input type, so that the one validation filter
/// (ADR 0015) names the reason as the form does (退回原因, 撤销原因…) under the one rule of <see cref="StepReasons"/>.
/// </summary>
public abstract class StepReasonInput
{
    public string? Reason { get; set; }

    /// <summary>The reason as kept (trimmed); valid once the validator passed.</summary>
    public string Why => (Reason ?? "").Trim();

    /// <summary>The reason with the validator's refusal, for a service that checks the object (scope, status) first.</summary>
    public StepReason Checked(ModelStateDictionary state) =>
        new(Why, state.IsValid ? null : string.Join("；", state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
}

/// <summary>A typed reason and, when <see cref="Infrastructure.ValidationFilter"/>'s validator refused it, why (in Chinese).</summary>
public sealed record StepReason(string Why, string? Refusal);

/// <summary>退回 (a sheet, a material, an indicator report): the reason is required.</summary>
public sealed class ReturnReasonInput : StepReasonInput;

/// <summary>撤销接收 (a material, an indicator report).</summary>
public sealed class UndoAcceptanceReasonInput : StepReasonInput;

/// <summary>撤回 a submitted material to draft.</summary>
public sealed class WithdrawReasonInput : StepReasonInput;

/// <summary>撤回发布 (a published list, a published material).</summary>
public sealed class UnpublishReasonInput : StepReasonInput;

/// <summary>重新打开 an approved or forwarded sheet.</summary>
public sealed class ReopenReasonInput : StepReasonInput;

/// <summary>An admin's 重置两步验证 of another user.</summary>
public sealed class TwoFactorResetReasonInput : StepReasonInput;

/// <summary>恢复 an earlier version of a plan's rules as the newest.</summary>
public sealed class RuleRestoreReasonInput : StepReasonInput;

/// <summary>恢复 a closed region (撤销 undone).</summary>
public sealed class RegionReopenReasonInput : StepReasonInput;

/// <summary>撤回合并 of a region merged into another, with the confirmation box of its confirmation page.</summary>
public sealed class RegionMergeUndoReasonInput : StepReasonInput
{
    public bool Confirm { get; set; }
}

/// <summary>A decision with an opinion: the reason is optional when the answer is yes, required when it is no.</summary>
public abstract class DecisionReasonInput : StepReasonInput
{
    public abstract bool Yes { get; }
}

/// <summary>The city's 通过 / 不通过 of one nominee.</summary>
public sealed class NomineeDecisionInput : DecisionReasonInput
{
    public bool Approve { get; set; }

    public override bool Yes => Approve;
}

/// <summary>The selecting level's 入选 / 未入选 of one nominee.</summary>
public sealed class NomineeSelectionInput : DecisionReasonInput
{
    public bool Select { get; set; }

    public override bool Yes => Select;
}

/// <summary>The level above's 确认 / 不予确认 of one attested condition.</summary>
public sealed class AttestationReviewInput : DecisionReasonInput
{
    public bool Confirm { get; set; }

    public override bool Yes => Confirm;
}

/// <summary>One rule for the reason of every step; the subclasses only name it as their form does.</summary>
public abstract class StepReasonValidator<T> : AbstractValidator<T>
    where T : StepReasonInput
{
    /// <param name="what">The reason's name on the form, required.</param>
    /// <param name="whenYes">For a decision: the optional opinion's name when the answer is yes; null when a yes keeps no reason.</param>
    protected StepReasonValidator(string what, string? whenYes = null) =>
        RuleFor(x => x.Reason).Custom((reason, context) =>
        {
            var yes = context.InstanceToValidate is DecisionReasonInput { Yes: true };
            if (!(yes && whenYes is null) && StepReasons.Refusal(yes ? whenYes! : what, reason, required: !yes) is { } refusal)
            {
                context.AddFailure(refusal);
            }
        });
}

public sealed class ReturnReasonInputValidator() : StepReasonValidator<ReturnReasonInput>("退回原因");

public sealed class UndoAcceptanceReasonInputValidator() : StepReasonValidator<UndoAcceptanceReasonInput>("撤销原因");

public sealed class WithdrawReasonInputValidator() : StepReasonValidator<WithdrawReasonInput>("撤回原因");

public sealed class UnpublishReasonInputValidator() : StepReasonValidator<UnpublishReasonInput>("撤回发布的原因");

public sealed class TwoFactorResetReasonInputValidator() : StepReasonValidator<TwoFactorResetReasonInput>("重置原因");

public sealed class RuleRestoreReasonInputValidator() : StepReasonValidator<RuleRestoreReasonInput>("恢复原因");

public sealed class RegionReopenReasonInputValidator() : StepReasonValidator<RegionReopenReasonInput>("恢复原因");

public sealed class RegionMergeUndoReasonInputValidator() : StepReasonValidator<RegionMergeUndoReasonInput>("撤回原因");

public sealed class ReopenReasonInputValidator() : StepReasonValidator<ReopenReasonInput>("重新打开的原因");

public sealed class NomineeDecisionInputValidator() : StepReasonValidator<NomineeDecisionInput>("不通过的理由", whenYes: "审核意见");

public sealed class NomineeSelectionInputValidator() : StepReasonValidator<NomineeSelectionInput>("未入选的理由", whenYes: "择优意见");

public sealed class AttestationReviewInputValidator() : StepReasonValidator<AttestationReviewInput>("不予确认的理由");
