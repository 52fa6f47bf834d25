-- Ledger row counters, second version (docs/adr/0010, docs/adr/0042), SQL Server: each ledger table's trigger of
-- ledger_counters_v1.sql altered in place (same name, same table, same AFTER INSERT, UPDATE, DELETE), so that it also
-- keeps "Unconfirmed", the counter's carried-forward rows still to confirm (待复核, [Status] = 2): rows in inserted
-- add 1 to it when their status is 2 and rows in deleted subtract 1, so a confirmation (an UPDATE of the status)
-- moves one row out of it while the count nets to zero. A (region, year) whose count and 待复核 count both net to
-- zero is skipped. Then each counter's [Unconfirmed] is filled from the rows through the ledger's filtered index.
-- Kept parallel to the SQLite and PostgreSQL files; no SQL Server engine runs in the tests (docs/adr/0013), the
-- script is only parsed (SqlServerMigrationScriptTests). Each GO-separated batch runs as EXEC(N'...') (MigrationSql).
-- Run by the LedgerRowCountsUnconfirmed migration; ledger_counters_v2_down.sql puts the v1 triggers back.
-- Edit through a new migration and a new file, never in place.

GO
ALTER TRIGGER [Coordinators_LedgerRowCounts] ON [Coordinators]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'coordinators';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'coordinators', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'coordinators');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [Coordinators]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'coordinators';

GO
ALTER TRIGGER [MediationOrganizations_LedgerRowCounts] ON [MediationOrganizations]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'mediation-organizations';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'mediation-organizations', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'mediation-organizations');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [MediationOrganizations]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'mediation-organizations';

GO
ALTER TRIGGER [Mediators_LedgerRowCounts] ON [Mediators]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'mediators';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'mediators', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'mediators');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [Mediators]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'mediators';

GO
ALTER TRIGGER [SocialOrganizations_LedgerRowCounts] ON [SocialOrganizations]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'social-organizations';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'social-organizations', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'social-organizations');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [SocialOrganizations]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'social-organizations';

GO
ALTER TRIGGER [HarmoniousEnterprises_LedgerRowCounts] ON [HarmoniousEnterprises]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'harmonious-enterprises';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'harmonious-enterprises', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'harmonious-enterprises');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [HarmoniousEnterprises]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'harmonious-enterprises';

GO
ALTER TRIGGER [WageGuidanceEnterprises_LedgerRowCounts] ON [WageGuidanceEnterprises]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'wage-guidance';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'wage-guidance', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'wage-guidance');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [WageGuidanceEnterprises]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'wage-guidance';

GO
ALTER TRIGGER [NewEnterpriseServices_LedgerRowCounts] ON [NewEnterpriseServices]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'new-enterprise-services';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'new-enterprise-services', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'new-enterprise-services');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [NewEnterpriseServices]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'new-enterprise-services';

GO
ALTER TRIGGER [KeyEnterprises_LedgerRowCounts] ON [KeyEnterprises]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'key-enterprises';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'key-enterprises', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'key-enterprises');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [KeyEnterprises]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'key-enterprises';

GO
ALTER TRIGGER [PlanListEntries_LedgerRowCounts] ON [PlanListEntries]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'plan-lists';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'plan-lists', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'plan-lists');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [PlanListEntries]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'plan-lists';

GO
ALTER TRIGGER [LargeEnterprises_LedgerRowCounts] ON [LargeEnterprises]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'large-enterprises';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'large-enterprises', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'large-enterprises');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [LargeEnterprises]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'large-enterprises';

GO
ALTER TRIGGER [TownsAndParks_LedgerRowCounts] ON [TownsAndParks]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL,
        [UnconfirmedDelta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta], [UnconfirmedDelta])
    SELECT [Year], [RegionId], SUM([Delta]), SUM([UnconfirmedDelta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta], CASE WHEN [Status] = 2 THEN 1 ELSE 0 END AS [UnconfirmedDelta]
          FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1, CASE WHEN [Status] = 2 THEN -1 ELSE 0 END FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0 OR SUM([UnconfirmedDelta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta], [Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d]
        ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'towns';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count], [Unconfirmed])
    SELECT N'towns', [d].[RegionId], [d].[Year], [d].[Delta], [d].[UnconfirmedDelta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId]
                          AND [c].[Ledger] = N'towns');
END
GO
UPDATE [c] SET [Unconfirmed] = [u].[Rows]
FROM [LedgerRowCounts] AS [c]
JOIN (SELECT [RegionId], [Year], COUNT(*) AS [Rows] FROM [TownsAndParks]
      WHERE [Status] = 2 GROUP BY [RegionId], [Year]) AS [u]
    ON [c].[RegionId] = [u].[RegionId] AND [c].[Year] = [u].[Year]
WHERE [c].[Ledger] = N'towns';
