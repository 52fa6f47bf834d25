using System.Security.Cryptography;
using System.Text;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>A form of the criteria page that failed: which one (add a criterion or a group under a node, edit, delete, move), what was typed, why.</summary>
public sealed record CriteriaFailedForm(string Form, string Path, CriteriaInput Input, IReadOnlyList<CriteriaEditError> Errors)
{
    public IEnumerable<string> ErrorsOf(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message);
}

/// <summary>The criteria of one gold category of a draft plan as the editor shows them.</summary>
public sealed record CriteriaPage(RuleDraftState State, GoldCategory Category, CriteriaFailedForm? Failed = null)
{
    public static readonly IReadOnlyList<GoldCategory> Categories = [GoldCategory.Coordinator, GoldCategory.SocialOrganization, GoldCategory.MediationOrganization];

    /// <summary>The top form (adding to a category's top level) is addressed by this instead of a node's path.</summary>
    public const string TopPath = "";

    public RuleSet RuleSet => State.RuleSet;

    public int DraftId => State.Draft.Id;

    public CriterionNode? Root => RuleSet.Criteria.GetValueOrDefault(Category);

    public IReadOnlyList<CriteriaFact> Facts => CriteriaFacts.For(RuleSet, Category);

    /// <summary>Whether the top node is an "all of" group in force throughout: adding at the top level then adds to it.</summary>
    public bool TopIsAllOf => Root is CriterionGroup { Kind: GroupKind.All, FromYear: null, ToYear: null };

    /// <summary>The draft as it was when the page was shown: a form posted after the draft changed is refused, its paths may be stale.</summary>
    public string Stamp => StampOf(State.Draft);

    /// <summary>A digest of the draft's content (not its time: two saves may share a clock tick).</summary>
    public static string StampOf(RuleSetDraft draft) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(draft.Json)))[..16];

    public static string CategoryName(GoldCategory category) => EligibilityCard.CategoryName(category);

    /// <summary>What the page says when the category has no criteria in this plan.</summary>
    public string NoCriteriaNotice => RuleSet.Inherits.Criteria && State.Region.Level != RegionLevel.Province
        ? "本规划未规定，沿用上级规划的条件"
        : "未设置条件：推荐表将注明没有适用条件";

    /// <summary>The failed form with this name at this node, if it is the one that failed.</summary>
    public CriteriaFailedForm? FailedAt(string form, string path) =>
        Failed is { } f && f.Form == form && (f.Path == path || (f.Path == TopPath && TopIsAllOf && path == CriteriaPaths.Root)) ? f : null;

    public static string GroupHeading(CriterionGroup group) => group.Kind == GroupKind.All ? "须同时满足以下全部条件" : "满足以下其中一项即可";

    /// <summary>"2022 年起", "至 2022 年", "仅 2022 年", "2022–2023 年"; empty when in force throughout the plan.</summary>
    public static string Years(CriterionNode node) => (node.FromYear, node.ToYear) switch
    {
        (null, null) => "",
        ({ } f, null) => $"{f} 年起适用",
        (null, { } t) => $"适用至 {t} 年",
        ({ } f, { } t) when f == t => $"仅 {f} 年适用",
        ({ } f, { } t) => $"{f}–{t} 年适用",
    };

    public static string OperatorLabel(string key) => key switch
    {
        "atLeast" => "不低于 / 不少于（≥）",
        "atMost" => "不高于（≤）",
        "isTrue" => "是",
        "isFalse" => "否",
        "held" => "此前年度已获该称号",
        "notHeld" => "此前年度未获该称号",
        _ => "若干年内无记录",
    };

    public static readonly IReadOnlyList<string> OperatorKeys = ["atLeast", "atMost", "isTrue", "isFalse", "noneWithinYears", "held", "notHeld"];

    /// <summary>An id for a form field unique on the page: form, node and field.</summary>
    public static string FieldId(string form, string path, string field) => $"{form}-{(path.Length == 0 ? "top" : path.Replace('.', '-'))}-{field.Replace('.', '-')}";
}

/// <summary>A node of the tree with its place among its group's members (for the move buttons).</summary>
public sealed record CriteriaNodeView(CriteriaPage Page, CriterionNode Node, string Path, int Index, int Count);

/// <summary>The fields of a criterion or of a group in one form, named with <see cref="Prefix"/> ("First." for a new group's first member).</summary>
public sealed record CriteriaFieldsView(CriteriaPage Page, string Form, string Path, string Prefix, CriteriaInput Input, CriteriaFailedForm? Failed)
{
    public string Id(string field) => CriteriaPage.FieldId(Form, Path, Prefix + field);

    public string Name(string field) => Prefix + field;

    public IReadOnlyList<string> ErrorsOf(string field) => Failed?.ErrorsOf(Prefix + field).ToList() ?? [];

    public string Invalid(string field) => ErrorsOf(field).Count > 0 ? " is-invalid" : "";
}
