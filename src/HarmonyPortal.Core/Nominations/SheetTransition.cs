namespace HarmonyPortal.Core.Nominations;

/// <summary>One step of a sheet's (or a nominee's) timeline: who did what, when, from which status to which, and why.</summary>
public class SheetTransition
{
    public long Id { get; set; }

    public long SheetId { get; set; }

    /// <summary>Set when the step concerns one nominee (a decision or selection).</summary>
    public long? NominationId { get; set; }

    public WorkflowAction Action { get; set; }

    public SheetStatus FromStatus { get; set; }

    public SheetStatus ToStatus { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string ActorRegion { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The named transitions of the nomination workflow.</summary>
public enum WorkflowAction
{
    Submit = 1,
    Return = 2,
    Approve = 3,
    Forward = 4,
    Select = 5,
    Publish = 6,
    Reopen = 7,
    Decide = 8,
    Extend = 9,

    /// <summary>The selecting level takes back a published list (with a reason); it may publish again.</summary>
    Withdraw = 10,
}

public static class WorkflowActionNames
{
    public static string ToChinese(this WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "提交",
        WorkflowAction.Return => "退回",
        WorkflowAction.Approve => "审核通过",
        WorkflowAction.Forward => "上报",
        WorkflowAction.Select => "择优",
        WorkflowAction.Publish => "发布",
        WorkflowAction.Reopen => "重新打开",
        WorkflowAction.Decide => "逐人审核",
        WorkflowAction.Extend => "延期",
        WorkflowAction.Withdraw => "撤回发布",
        _ => action.ToString(),
    };
}
