namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>What a node of the criteria tree is to become.</summary>
public enum CriteriaInputKind
{
    /// <summary>A group met when all its members are ("须同时满足").</summary>
    AllOf,

    /// <summary>A group met when any one member is ("满足其中一项即可").</summary>
    AnyOf,

    /// <summary>A criterion the portal decides from the ledger.</summary>
    Automatic,

    /// <summary>A criterion a reviewer confirms from the evidence the clerk supplies.</summary>
    Attested,
}

/// <summary>
/// A node as typed into the editor's form, every field as text so that what was typed can be shown again. A new
/// group comes with its first member (<see cref="First"/>): a rule file has no empty groups.
/// </summary>
public sealed record CriteriaInput
{
    public CriteriaInputKind Kind { get; init; }

    /// <summary>The notice's wording of the criterion, or a group's heading (optional).</summary>
    public string? Text { get; init; }

    /// <summary>Where the notice says it (第二条第（一）项).</summary>
    public string? Clause { get; init; }

    /// <summary>For an automatic test: the ledger fact's key (Education …).</summary>
    public string? Fact { get; init; }

    /// <summary>For an automatic test: atLeast, atMost, isTrue or noneWithinYears.</summary>
    public string? Operator { get; init; }

    /// <summary>For an automatic test: the level's name, the percentage, the number of people or years.</summary>
    public string? Value { get; init; }

    public string? FromYear { get; init; }

    public string? ToYear { get; init; }

    /// <summary>For a new group: its first member.</summary>
    public CriteriaInput? First { get; init; }

    public bool IsGroup => Kind is CriteriaInputKind.AllOf or CriteriaInputKind.AnyOf;

    /// <summary>The node as it stands, for an edit form.</summary>
    public static CriteriaInput Of(CriterionNode node) => node switch
    {
        CriterionGroup g => new CriteriaInput { Kind = g.Kind == GroupKind.All ? CriteriaInputKind.AllOf : CriteriaInputKind.AnyOf, Text = g.Text, FromYear = Year(g.FromYear), ToYear = Year(g.ToYear) },
        Criterion c => new CriteriaInput
        {
            Kind = c.Test is null ? CriteriaInputKind.Attested : CriteriaInputKind.Automatic,
            Text = c.Text,
            Clause = c.Clause,
            Fact = c.Test?.Fact,
            Operator = c.Test is { } t ? CriteriaFacts.OperatorKey(t.Operator) : null,
            Value = c.Test?.Value,
            FromYear = Year(c.FromYear),
            ToYear = Year(c.ToYear),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static string? Year(int? year) => year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A refused edit: the form field (Text, Value, First.Fact …, or Path for the node itself) and why, in Chinese.</summary>
public sealed record CriteriaEditError(string Field, string Message);

/// <summary>The rule set after an edit, or the errors and no rule set.</summary>
public sealed record CriteriaEditResult(RuleSet? RuleSet, IReadOnlyList<CriteriaEditError> Errors)
{
    public bool Succeeded => RuleSet is not null;

    public static CriteriaEditResult Ok(RuleSet set) => new(set, []);

    public static CriteriaEditResult Refused(IReadOnlyList<CriteriaEditError> errors) => new(null, errors);

    public static CriteriaEditResult Refused(string field, string message) => new(null, [new CriteriaEditError(field, message)]);
}
