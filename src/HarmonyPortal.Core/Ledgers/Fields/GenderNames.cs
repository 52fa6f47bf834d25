namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>The Chinese words the ledgers and their printed forms use for <see cref="Gender"/>.</summary>
public static class GenderNames
{
    public static string ToChinese(this Gender g) => g switch
    {
        Gender.Male => "男",
        Gender.Female => "女",
        _ => g.ToString(),
    };
}
