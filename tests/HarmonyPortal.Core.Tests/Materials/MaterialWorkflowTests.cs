using HarmonyPortal.Core.Materials;
using Xunit;

namespace HarmonyPortal.Core.Tests.Materials;

/// <summary>When a material may be submitted: by the due date, or late once it was returned; with at least one file.</summary>
public sealed class MaterialWorkflowTests
{
    private static readonly DateOnly Due = new(2023, 8, 31);

    private static MaterialSubmission Material(ReviewStatus status, int files = 1)
    {
        var material = new MaterialSubmission { Title = "忻州市总结材料", Status = status };
        material.Files.AddRange(Enumerable.Range(0, files).Select(_ => new MaterialFile()));
        return material;
    }

    [Fact]
    public void ADraft_IsSubmittedUpToTheDueDate_AndRefusedTheDayAfter()
    {
        Assert.Null(MaterialWorkflow.SubmitRefusal(Material(ReviewStatus.Draft), false, Due, Due));
        Assert.Equal("报送期限：截止日期 2023-08-31 已过（今天 2023-09-01），不能提交。请联系上一级审核员延期后再提交",
            MaterialWorkflow.SubmitRefusal(Material(ReviewStatus.Draft), false, Due, Due.AddDays(1)));
        Assert.Null(MaterialWorkflow.SubmitRefusal(Material(ReviewStatus.Draft), false, null, Due.AddDays(100)));
    }

    [Fact]
    public void AReturnedMaterial_MayComeBackLate_EvenAfterAWithdrawal()
    {
        Assert.Null(MaterialWorkflow.SubmitRefusal(Material(ReviewStatus.Returned), MaterialWorkflow.WasReturned(Material(ReviewStatus.Returned)), Due, Due.AddDays(5)));
        var withdrawn = Material(ReviewStatus.Draft);
        withdrawn.Events.Add(new MaterialEvent { Action = MaterialAction.Returned });
        Assert.True(MaterialWorkflow.WasReturned(withdrawn));
        Assert.Null(MaterialWorkflow.SubmitRefusal(withdrawn, MaterialWorkflow.WasReturned(withdrawn), Due, Due.AddDays(5)));
    }

    [Fact]
    public void WithoutFiles_OrAlreadySubmitted_ItIsRefused()
    {
        Assert.Equal("附件：提交前须上传至少 1 个文件", MaterialWorkflow.SubmitRefusal(Material(ReviewStatus.Draft, files: 0), false, Due, Due));
        Assert.Contains("已接收，不能再次提交", MaterialWorkflow.SubmitRefusal(Material(ReviewStatus.Accepted), false, Due, Due));
        Assert.Contains("只有已提交、尚未审核的材料可以撤回", MaterialWorkflow.WithdrawRefusal(Material(ReviewStatus.Accepted)));
        Assert.Contains("已发布，请先撤下发布", MaterialWorkflow.UndoAcceptanceRefusal(new MaterialSubmission { Title = "典型案例", Status = ReviewStatus.Accepted, PublishedAtUtc = DateTime.UtcNow }));
    }

    [Fact]
    public void TooManyFiles_AreRefusedWithTheCounts()
    {
        Assert.Null(MaterialFileCheck.CountRefusal(4, 6));
        Assert.Equal("附件：每份材料最多 10 个文件，已有 4 个，本次选择了 7 个。请合并后上传", MaterialFileCheck.CountRefusal(4, 7));
    }
}
