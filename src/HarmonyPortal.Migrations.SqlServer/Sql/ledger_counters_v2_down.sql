-- Puts back the triggers of ledger_counters_v1.sql, as they were (copied from it, CREATE made ALTER), before
-- the migration drops the [Unconfirmed] column they no longer write.

GO
ALTER TRIGGER [Coordinators_LedgerRowCounts] ON [Coordinators]
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
ALTER TRIGGER [MediationOrganizations_LedgerRowCounts] ON [MediationOrganizations]
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
ALTER TRIGGER [Mediators_LedgerRowCounts] ON [Mediators]
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
ALTER TRIGGER [SocialOrganizations_LedgerRowCounts] ON [SocialOrganizations]
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
ALTER TRIGGER [HarmoniousEnterprises_LedgerRowCounts] ON [HarmoniousEnterprises]
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
ALTER TRIGGER [WageGuidanceEnterprises_LedgerRowCounts] ON [WageGuidanceEnterprises]
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
ALTER TRIGGER [NewEnterpriseServices_LedgerRowCounts] ON [NewEnterpriseServices]
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
ALTER TRIGGER [KeyEnterprises_LedgerRowCounts] ON [KeyEnterprises]
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
ALTER TRIGGER [PlanListEntries_LedgerRowCounts] ON [PlanListEntries]
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
ALTER TRIGGER [LargeEnterprises_LedgerRowCounts] ON [LargeEnterprises]
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
ALTER TRIGGER [TownsAndParks_LedgerRowCounts] ON [TownsAndParks]
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
