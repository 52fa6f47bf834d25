using HarmonyPortal.Core.Data;

namespace HarmonyPortal.Core.Notifications;

/// <summary>
/// The statement that writes one notification, or none when the user already has its dedup key (NULL keys never
/// conflict), without a unique violation: a violation would abort the caller's PostgreSQL transaction. It returns the
/// new row's id as one "Value" column (none when nothing was written), for the email written beside it.
/// </summary>
public static class NotificationInsert
{
    public static FormattableString UnlessDuplicate(
        DatabaseProvider provider, string userId, string title, string? body, string link, DateTime now, string? dedupKey) =>
        provider switch
        {
            // The same SQL on SQLite (3.24+) and PostgreSQL (9.5+).
            DatabaseProvider.Sqlite or DatabaseProvider.Postgres => $"""
                INSERT INTO "Notifications" ("UserId", "Title", "Body", "Link", "CreatedAtUtc", "DedupKey")
                VALUES ({userId}, {title}, {body}, {link}, {now}, {dedupKey})
                ON CONFLICT ("UserId", "DedupKey") DO NOTHING
                RETURNING "Id" AS "Value"
                """,
            // SQL Server has no ON CONFLICT: insert where no row has the key, the check holding a key-range lock so two
            // senders of the same key queue (the unique index is filtered to non-NULL keys, as on the other two).
            DatabaseProvider.SqlServer => $"""
                INSERT INTO [Notifications] ([UserId], [Title], [Body], [Link], [CreatedAtUtc], [DedupKey])
                OUTPUT INSERTED.[Id] AS [Value]
                SELECT {userId}, {title}, {body}, {link}, {now}, {dedupKey}
                WHERE {dedupKey} IS NULL OR NOT EXISTS (
                    SELECT 1 FROM [Notifications] WITH (UPDLOCK, HOLDLOCK) WHERE [UserId] = {userId} AND [DedupKey] = {dedupKey})
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
}
