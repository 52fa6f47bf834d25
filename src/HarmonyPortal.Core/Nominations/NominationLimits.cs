namespace HarmonyPortal.Core.Nominations;

public static class NominationLimits
{
    public const int NarrativeMinLength = 20;

    public const int NarrativeMaxLength = 4000;

    public const int ReasonMaxLength = 500;
}
