namespace HarmonyPortal.Core.Rules.Checking;

/// <summary>An error refuses the plan (the upload is not saved, <c>rules check</c> exits 1); a warning is shown and accepted.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
}

/// <summary>What the checker found in a plan: where (a JSON path such as $.tasks[2].quotas[0].min), why in Chinese, and how grave.</summary>
public sealed record RuleFinding(string Path, string Message, FindingSeverity Severity)
{
    public bool IsError => Severity == FindingSeverity.Error;

    public override string ToString() => IsError ? $"{Path}：{Message}" : $"{Path}：（警告）{Message}";
}
