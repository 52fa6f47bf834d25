-- Ledger row counters (docs/adr/0010), SQL Server: one AFTER INSERT, UPDATE, DELETE trigger per ledger table, named as
-- SqlServerModel.CounterTriggerName declares it to EF, in the table's schema (EF's default: the user's). SQL Server
-- triggers fire once per statement with the inserted and deleted tables, so an import's multi-row INSERT updates each
-- (region, year) counter once, like PostgreSQL's statement triggers. Rows in inserted count +1 and rows in deleted -1
-- for their (region, year); an UPDATE that keeps a row's region and year nets to zero and is skipped. The counters are
-- updated, then the missing ones inserted, under UPDLOCK and HOLDLOCK (key-range locks), so two writers of a new
-- (ledger, region, year) queue instead of colliding; no MERGE. TRUNCATE fires no trigger: clear a ledger with DELETE.
-- CREATE TRIGGER must begin its batch: each GO-separated batch below is run as EXEC(N'...') by MigrationSql, so the
-- idempotent script (which wraps statements in IF ... BEGIN ... END) stays valid.
-- Run by the Initial migration (docs/adr/0029); edit through a new migration and a new file, never in place.

GO
CREATE TRIGGER [Coordinators_LedgerRowCounts] ON [Coordinators]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'coordinators';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'coordinators', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'coordinators');
END
GO
CREATE TRIGGER [MediationOrganizations_LedgerRowCounts] ON [MediationOrganizations]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'mediation-organizations';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'mediation-organizations', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'mediation-organizations');
END
GO
CREATE TRIGGER [Mediators_LedgerRowCounts] ON [Mediators]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'mediators';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'mediators', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'mediators');
END
GO
CREATE TRIGGER [SocialOrganizations_LedgerRowCounts] ON [SocialOrganizations]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'social-organizations';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'social-organizations', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'social-organizations');
END
GO
CREATE TRIGGER [HarmoniousEnterprises_LedgerRowCounts] ON [HarmoniousEnterprises]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'harmonious-enterprises';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'harmonious-enterprises', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'harmonious-enterprises');
END
GO
CREATE TRIGGER [WageGuidanceEnterprises_LedgerRowCounts] ON [WageGuidanceEnterprises]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'wage-guidance';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'wage-guidance', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'wage-guidance');
END
GO
CREATE TRIGGER [NewEnterpriseServices_LedgerRowCounts] ON [NewEnterpriseServices]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'new-enterprise-services';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'new-enterprise-services', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'new-enterprise-services');
END
GO
CREATE TRIGGER [KeyEnterprises_LedgerRowCounts] ON [KeyEnterprises]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'key-enterprises';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'key-enterprises', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'key-enterprises');
END
GO
CREATE TRIGGER [PlanListEntries_LedgerRowCounts] ON [PlanListEntries]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'plan-lists';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'plan-lists', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'plan-lists');
END
GO
CREATE TRIGGER [LargeEnterprises_LedgerRowCounts] ON [LargeEnterprises]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'large-enterprises';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'large-enterprises', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'large-enterprises');
END
GO
CREATE TRIGGER [TownsAndParks_LedgerRowCounts] ON [TownsAndParks]
AFTER INSERT, UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
    INSERT INTO @deltas ([Year], [RegionId], [Delta])
    SELECT [Year], [RegionId], SUM([Delta])
    FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
          UNION ALL
          SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
    GROUP BY [Year], [RegionId]
    HAVING SUM([Delta]) <> 0;
    IF @@ROWCOUNT = 0 RETURN;

    UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
    FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
    JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'towns';

    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
    SELECT N'towns', [d].[RegionId], [d].[Year], [d].[Delta]
    FROM @deltas AS [d]
    WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                      WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'towns');
END
