using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules.Editing;

public sealed class CriteriaEditsTests
{
    private static readonly RuleSet Empty = new("410000", "测试规划", "测试通知", 2021, 2023, [], new Dictionary<GoldCategory, CriterionNode>(), []);
    private static readonly RuleSet Shanxi = SeedRuleSets.Load("shanxi-2021.json");
    private static readonly RuleSet Jiyuan = SeedRuleSets.Load("jiyuan-2022.json");

    private static CriteriaInput Education(string value, string op = "atLeast") => new()
    {
        Kind = CriteriaInputKind.Automatic, Text = "具有大专及以上学历", Clause = "第二条第（一）项", Fact = "Education", Operator = op, Value = value,
    };

    private static CriteriaInput Attested(string text = "持有劳动关系协调员职业资格证书") => new()
    {
        Kind = CriteriaInputKind.Attested, Text = text, Clause = "第二条第（二）项",
    };

    private static RuleSet Ok(CriteriaEditResult result)
    {
        Assert.Empty(result.Errors);
        return result.RuleSet!;
    }

    private static CriteriaEditError Refused(CriteriaEditResult result)
    {
        Assert.Null(result.RuleSet);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void AddToEmptyCategory_TheCriterionBecomesTheCategorysCriteria_WithAGeneratedId()
    {
        var set = Ok(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, Education("大专")));

        var criterion = Assert.IsType<Criterion>(set.Criteria[GoldCategory.Coordinator]);
        Assert.Equal(new CriterionTest("Education", TestOperator.AtLeast, "大专"), criterion.Test);
        Assert.Matches("^c-[0-9a-f]{6}$", criterion.Id);
        Assert.Equal(("具有大专及以上学历", "第二条第（一）项"), (criterion.Text, criterion.Clause));
        Assert.Empty(Empty.Criteria);
    }

    [Fact]
    public void AddSecondAtTopLevel_BothAreRequired_InAnAllOfGroup()
    {
        var one = Ok(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, Education("大专")));
        var two = Ok(CriteriaEdits.Add(one, GoldCategory.Coordinator, "", Attested()));
        var three = Ok(CriteriaEdits.Add(two, GoldCategory.Coordinator, null, Attested("热爱协调劳动关系工作")));

        var top = Assert.IsType<CriterionGroup>(three.Criteria[GoldCategory.Coordinator]);
        Assert.Equal(GroupKind.All, top.Kind);
        Assert.Equal(["具有大专及以上学历", "持有劳动关系协调员职业资格证书", "热爱协调劳动关系工作"], top.Members.Cast<Criterion>().Select(c => c.Text));
        Assert.Equal(3, top.Members.Cast<Criterion>().Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void AddAnyOfGroupWithFirstMember_ThenASecondIntoIt()
    {
        var group = new CriteriaInput { Kind = CriteriaInputKind.AnyOf, Text = "具备下列条件之一", First = Education("大专") };
        var set = Ok(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, group));
        set = Ok(CriteriaEdits.Add(set, GoldCategory.Coordinator, "0", Attested()));

        var any = Assert.IsType<CriterionGroup>(set.Criteria[GoldCategory.Coordinator]);
        Assert.Equal((GroupKind.Any, "具备下列条件之一"), (any.Kind, any.Text));
        Assert.Equal(["Education", null], any.Members.Cast<Criterion>().Select(c => c.Test?.Fact));
    }

    [Fact]
    public void AddIntoNestedGroup_ByPath()
    {
        var before = Jiyuan.Criteria[GoldCategory.Coordinator];
        const string path = "0.2";
        Assert.Equal(GroupKind.Any, ((CriterionGroup)CriteriaPaths.Find(before, path)!).Kind);

        var set = Ok(CriteriaEdits.Add(Jiyuan, GoldCategory.Coordinator, path, Attested("新增的一项")));

        var nested = (CriterionGroup)CriteriaPaths.Find(set.Criteria[GoldCategory.Coordinator], path)!;
        Assert.Equal("新增的一项", ((Criterion)nested.Members[^1]).Text);
        Assert.Equal(((CriterionGroup)CriteriaPaths.Find(before, path)!).Members.Count + 1, nested.Members.Count);
    }

    [Fact]
    public void AddIntoACriterion_IsRefused()
    {
        var set = Ok(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, Education("大专")));

        Assert.Equal(new CriteriaEditError("Path", "只能在分组中添加条件"), Refused(CriteriaEdits.Add(set, GoldCategory.Coordinator, "0", Attested())));
    }

    [Fact]
    public void NewGroupWithoutFirstMember_IsRefused()
    {
        var error = Refused(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, new CriteriaInput { Kind = CriteriaInputKind.AllOf }));

        Assert.Equal("First.Kind", error.Field);
        Assert.Contains("至少要有一项", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FactOfAnotherLedger_IsRefused_NamingTheCategory()
    {
        var input = Education("65") with { Fact = "SuccessRate" };

        var error = Refused(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, input));

        Assert.Equal(new CriteriaEditError("Fact", "“调解成功率”不是金牌协调员台账的字段"), error);
    }

    [Fact]
    public void UnknownFact_IsRefused()
    {
        Assert.Equal(new CriteriaEditError("Fact", "请从列表中选择台账字段"), Refused(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, Education("大专") with { Fact = "Age" })));
    }

    [Fact]
    public void OperatorTheFactDoesNotSupport_IsRefused()
    {
        var error = Refused(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, Education("大专", op: "isTrue")));

        Assert.Equal(new CriteriaEditError("Operator", "“学历”只能按以下方式判断：不低于、不高于"), error);
    }

    [Theory]
    [InlineData(GoldCategory.Coordinator, "Education", "atLeast", "大学生", "“大学生”不是学历的选项，可选：小学及以下、初中、高中、中专、大专、本科、硕士研究生、博士研究生")]
    [InlineData(GoldCategory.Coordinator, "Education", "atLeast", "", "请选择学历")]
    [InlineData(GoldCategory.Coordinator, "SkillLevel", "atLeast", "五级", "“五级”不是职业技能等级的选项，可选：劳动关系协调员（四级）、劳动关系协调员（三级）、劳动关系协调师（二级）、高级劳动关系协调师（一级）")]
    [InlineData(GoldCategory.MediationOrganization, "SuccessRate", "atLeast", "120", "“120”不是有效的调解成功率：应为 0 到 100 之间的数（百分比），如 65")]
    [InlineData(GoldCategory.MediationOrganization, "SuccessRate", "atLeast", "六成五", "“六成五”不是有效的调解成功率：应为 0 到 100 之间的数（百分比），如 65")]
    [InlineData(GoldCategory.SocialOrganization, "CertifiedCoordinators", "atLeast", "2.5", "“2.5”不是有效的持证协调员人数：应为不小于 1 的整数")]
    [InlineData(GoldCategory.SocialOrganization, "ViolationOrPunishment", "noneWithinYears", "0", "“0”不是有效的年数：应为 1 到 100 之间的整数")]
    [InlineData(GoldCategory.SocialOrganization, "CertifiedCoordinators", "atLeast", null, "请填写持证协调员人数（人）")]
    public void ThresholdNotValidForTheFact_IsRefused(GoldCategory category, string fact, string op, string? value, string message)
    {
        var input = new CriteriaInput { Kind = CriteriaInputKind.Automatic, Text = "原文", Clause = "第一条", Fact = fact, Operator = op, Value = value };

        Assert.Equal(new CriteriaEditError("Value", message), Refused(CriteriaEdits.Add(Empty, category, null, input)));
    }

    [Theory]
    [InlineData(GoldCategory.Coordinator, "SkillLevel", "atMost", "三级", "劳动关系协调员（三级）")]
    [InlineData(GoldCategory.MediationOrganization, "SuccessRate", "atLeast", "65%", "65")]
    [InlineData(GoldCategory.SocialOrganization, "CertifiedCoordinators", "atLeast", "3", "3")]
    [InlineData(GoldCategory.SocialOrganization, "ViolationOrPunishment", "noneWithinYears", "3", "3")]
    [InlineData(GoldCategory.SocialOrganization, "LegallyRegistered", "isTrue", "随便", null)]
    public void ValidThreshold_IsStoredOnTheFactsScale_AndTheReaderWouldAcceptIt(GoldCategory category, string fact, string op, string value, string? stored)
    {
        var input = new CriteriaInput { Kind = CriteriaInputKind.Automatic, Text = "原文", Clause = "第一条", Fact = fact, Operator = op, Value = value };

        var test = ((Criterion)Ok(CriteriaEdits.Add(Empty, category, null, input)).Criteria[category]).Test!;

        Assert.Equal(stored, test.Value);
        if (stored is not null && test.Operator != TestOperator.NoneWithinYears)
        {
            Assert.NotNull(LedgerFacts.Required(fact, stored));
        }
    }

    [Theory]
    [InlineData("2020", null, "FromYear", "起始年份 2020 不在规划期 2021–2023 年内")]
    [InlineData(null, "2024", "ToYear", "截止年份 2024 不在规划期 2021–2023 年内")]
    [InlineData("二〇二二", null, "FromYear", "起始年份“二〇二二”应为四位数字，如 2021")]
    [InlineData("2023", "2022", "ToYear", "截止年份 2022 早于起始年份 2023")]
    public void YearsOutsideThePlanOrReversed_AreRefused(string? from, string? to, string field, string message)
    {
        Assert.Equal(new CriteriaEditError(field, message), Refused(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, Attested() with { FromYear = from, ToYear = to })));
    }

    [Fact]
    public void YearsInThePlan_AreKept()
    {
        var criterion = (Criterion)Ok(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, Attested() with { FromYear = "2022", ToYear = "2022年" })).Criteria[GoldCategory.Coordinator];

        Assert.Equal((2022, 2022), (criterion.FromYear, criterion.ToYear));
    }

    [Fact]
    public void EmptyWordingAndClause_AreRefused_EachAtItsField()
    {
        var result = CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, new CriteriaInput { Kind = CriteriaInputKind.Attested, Text = "  " });

        Assert.Null(result.RuleSet);
        Assert.Equal(["Text", "Clause"], result.Errors.Select(e => e.Field));
        Assert.Equal("请填写条件的原文（通知中的表述）", result.Errors[0].Message);
    }

    [Fact]
    public void ErrorsOfAGroupsFirstMember_AreAtItsFields()
    {
        var group = new CriteriaInput { Kind = CriteriaInputKind.AnyOf, First = Education("大专") with { Fact = "SuccessRate" } };

        Assert.Equal(new CriteriaEditError("First.Fact", "“调解成功率”不是金牌协调员台账的字段"), Refused(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, group)));
    }

    [Fact]
    public void EditCriterion_KeepsItsId_AndChangesTheTest()
    {
        var set = Ok(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, Attested()));
        var id = ((Criterion)set.Criteria[GoldCategory.Coordinator]).Id;

        set = Ok(CriteriaEdits.Edit(set, GoldCategory.Coordinator, "0", Education("本科") with { Text = "本科及以上" }));

        var edited = (Criterion)set.Criteria[GoldCategory.Coordinator];
        Assert.Equal((id, "本科及以上", "本科"), (edited.Id, edited.Text, edited.Test?.Value));
    }

    [Fact]
    public void EditGroup_ChangesKindAndHeading_KeepsMembers()
    {
        var shanxiTop = (CriterionGroup)Shanxi.Criteria[GoldCategory.Coordinator];

        var set = Ok(CriteriaEdits.Edit(Shanxi, GoldCategory.Coordinator, "0", new CriteriaInput { Kind = CriteriaInputKind.AnyOf, Text = "之一" }));

        var top = (CriterionGroup)set.Criteria[GoldCategory.Coordinator];
        Assert.Equal((GroupKind.Any, "之一"), (top.Kind, top.Text));
        Assert.Same(shanxiTop.Members, top.Members);
        Assert.Equal(GroupKind.All, shanxiTop.Kind);
    }

    [Fact]
    public void EditGroupIntoCriterion_IsRefused_AndInvalidEditLeavesNothingChanged()
    {
        Assert.Equal("Kind", Refused(CriteriaEdits.Edit(Shanxi, GoldCategory.Coordinator, "0", Attested())).Field);
        Assert.Equal("Value", Refused(CriteriaEdits.Edit(Shanxi, GoldCategory.Coordinator, "0.0", Education("研究生以上"))).Field);
        Assert.Equal("Path", Refused(CriteriaEdits.Edit(Shanxi, GoldCategory.Coordinator, "0.99", Attested())).Field);
        Assert.Equal("Path", Refused(CriteriaEdits.Edit(Shanxi, GoldCategory.Coordinator, "x", Attested())).Field);
    }

    [Fact]
    public void Delete_RemovesTheNode_AndTheTopNodeLeavesTheCategoryWithoutCriteria()
    {
        var top = (CriterionGroup)Shanxi.Criteria[GoldCategory.MediationOrganization];

        var set = Ok(CriteriaEdits.Delete(Shanxi, GoldCategory.MediationOrganization, "0.1"));
        Assert.Equal(top.Members.Where((_, i) => i != 1), ((CriterionGroup)set.Criteria[GoldCategory.MediationOrganization]).Members);

        set = Ok(CriteriaEdits.Delete(set, GoldCategory.MediationOrganization, "0"));
        Assert.False(set.Criteria.ContainsKey(GoldCategory.MediationOrganization));
        Assert.True(set.Criteria.ContainsKey(GoldCategory.Coordinator));
    }

    [Fact]
    public void DeleteOnlyMemberOfAGroup_IsRefused()
    {
        var set = Ok(CriteriaEdits.Add(Empty, GoldCategory.Coordinator, null, new CriteriaInput { Kind = CriteriaInputKind.AnyOf, First = Attested() }));

        Assert.Equal(new CriteriaEditError("Path", "这是该分组中唯一的一项：请删除整个分组，或先在分组中添加另一项"), Refused(CriteriaEdits.Delete(set, GoldCategory.Coordinator, "0.0")));
    }

    [Fact]
    public void MoveUpAndDown_SwapsWithTheNeighbour_AndRefusesAtTheEdges()
    {
        var top = (CriterionGroup)Shanxi.Criteria[GoldCategory.MediationOrganization];

        var down = (CriterionGroup)Ok(CriteriaEdits.Move(Shanxi, GoldCategory.MediationOrganization, "0.0", +1)).Criteria[GoldCategory.MediationOrganization];
        Assert.Equal([top.Members[1], top.Members[0]], down.Members.Take(2));
        var up = (CriterionGroup)Ok(CriteriaEdits.Move(Shanxi, GoldCategory.MediationOrganization, "0.1", -1)).Criteria[GoldCategory.MediationOrganization];
        Assert.Equal(down.Members, up.Members);

        Assert.Equal("已是分组中的第一项，不能上移", Refused(CriteriaEdits.Move(Shanxi, GoldCategory.MediationOrganization, "0.0", -1)).Message);
        Assert.Equal("已是分组中的最后一项，不能下移", Refused(CriteriaEdits.Move(Shanxi, GoldCategory.MediationOrganization, $"0.{top.Members.Count - 1}", +1)).Message);
        Assert.Equal("最上层的条件不能移动", Refused(CriteriaEdits.Move(Shanxi, GoldCategory.MediationOrganization, "0", +1)).Message);
    }

    [Fact]
    public void Clear_LeavesTheCategoryWithoutCriteria()
    {
        var set = Ok(CriteriaEdits.Clear(Shanxi, GoldCategory.Coordinator));

        Assert.Null(set.CriteriaFor(GoldCategory.Coordinator, 2022));
        Assert.NotNull(set.CriteriaFor(GoldCategory.MediationOrganization, 2022));
    }

    [Fact]
    public void FactsOffered_AreThoseOfTheCategorysLedger_WithChineseLabels()
    {
        Assert.Equal(["学历", "持有劳动关系协调员职业技能等级证书", "职业技能等级", "现正在担任劳动关系协调员或专职集体协商指导员", "曾获称号：金牌劳动关系协调员"],
            CriteriaFacts.For(Empty, GoldCategory.Coordinator).Select(f => f.Label));
        Assert.Equal(["调解成功率", "曾获称号：金牌劳动人事争议调解组织"], CriteriaFacts.For(Empty, GoldCategory.MediationOrganization).Select(f => f.Label));
        Assert.Equal(["持证协调员人数", "依法登记（有统一社会信用代码）", "违法违规和信用惩戒记录", "曾获称号：金牌协调劳动关系社会组织"],
            CriteriaFacts.For(Empty, GoldCategory.SocialOrganization).Select(f => f.Label));
    }

    [Fact]
    public void Describe_ReadsTheTestInChinese()
    {
        Assert.Equal("学历不低于大专", CriteriaFacts.Describe(new CriterionTest("Education", TestOperator.AtLeast, "大专")));
        Assert.Equal("调解成功率不低于 65%", CriteriaFacts.Describe(new CriterionTest("SuccessRate", TestOperator.AtLeast, "65")));
        Assert.Equal("近 3 年内无违法违规和信用惩戒记录", CriteriaFacts.Describe(new CriterionTest("ViolationOrPunishment", TestOperator.NoneWithinYears, "3")));
        Assert.Equal("持证协调员人数不少于 3人", CriteriaFacts.Describe(new CriterionTest("CertifiedCoordinators", TestOperator.AtLeast, "3")));
        Assert.Equal("依法登记（有统一社会信用代码）", CriteriaFacts.Describe(new CriterionTest("LegallyRegistered", TestOperator.IsTrue, null)));
    }
}
