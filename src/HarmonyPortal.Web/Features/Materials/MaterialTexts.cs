using HarmonyPortal.Core.Materials;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>The history's wording of a material's steps.</summary>
public static class MaterialTexts
{
    public static string Action(MaterialAction action) => action switch
    {
        MaterialAction.Created => "创建",
        MaterialAction.Edited => "修改",
        MaterialAction.FileAdded => "上传附件",
        MaterialAction.FileRemoved => "删除附件",
        MaterialAction.Submitted => "提交",
        MaterialAction.Withdrawn => "撤回",
        MaterialAction.Returned => "退回",
        MaterialAction.Accepted => "接收",
        MaterialAction.AcceptanceUndone => "撤销接收",
        MaterialAction.Published => "发布",
        MaterialAction.Unpublished => "撤下发布",
        MaterialAction.Restored => "从回收站恢复",
        _ => "删除",
    };
}
