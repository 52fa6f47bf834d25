namespace HarmonyPortal.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,

    /// <summary>Microsoft SQL Server 2022 (or 2019+); checked by parsing its migration script only (docs/adr/0013).</summary>
    SqlServer,
}
