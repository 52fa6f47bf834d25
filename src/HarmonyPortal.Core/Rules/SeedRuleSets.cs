namespace HarmonyPortal.Core.Rules;

/// <summary>The rule sets encoded from the seed notices, shipped inside the assembly as JSON files.</summary>
public static class SeedRuleSets
{
    public static IReadOnlyList<string> Names { get; } =
        typeof(SeedRuleSets).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Select(n => n["rules/".Length..]).Order().ToList();

    public static string Json(string name)
    {
        using var stream = typeof(SeedRuleSets).Assembly.GetManifestResourceStream("rules/" + name)
            ?? throw new ArgumentException($"No seed rule set named {name}.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static RuleSet Load(string name)
    {
        var (ruleSet, errors) = RuleSetReader.Read(Json(name));
        return ruleSet ?? throw new InvalidOperationException($"Seed rule set {name} is invalid: {string.Join("; ", errors)}");
    }
}
