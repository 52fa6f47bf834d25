namespace HarmonyPortal.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
