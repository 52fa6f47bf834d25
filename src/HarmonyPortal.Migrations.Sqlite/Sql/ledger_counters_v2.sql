-- Ledger row counters, second version (docs/adr/0010, docs/adr/0042), SQLite: ledger_counters_v1.sql's three row
-- triggers per ledger table, replaced under the same names so that each upsert also keeps "Unconfirmed", the
-- counter's carried-forward rows still to confirm (待复核, "Status" = 2). The update trigger now also fires on a
-- change of "Status" (a confirmed row leaves the 待复核 count; its own count nets to zero). Then each counter's
-- "Unconfirmed" is filled from the rows through the ledger's partial index IX_*_Unconfirmed.
-- Run by the LedgerRowCountsUnconfirmed migration (inside its transaction); ledger_counters_v2_down.sql undoes it.
-- Edit through a new migration and a new file, never in place.

-- coordinators
DROP TRIGGER "Coordinators_LedgerRowCounts_insert";
DROP TRIGGER "Coordinators_LedgerRowCounts_delete";
DROP TRIGGER "Coordinators_LedgerRowCounts_update";

CREATE TRIGGER "Coordinators_LedgerRowCounts_insert" AFTER INSERT ON "Coordinators"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('coordinators', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "Coordinators_LedgerRowCounts_delete" AFTER DELETE ON "Coordinators"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('coordinators', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "Coordinators_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "Coordinators"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('coordinators', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('coordinators', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "Coordinators"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'coordinators' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- mediation-organizations
DROP TRIGGER "MediationOrganizations_LedgerRowCounts_insert";
DROP TRIGGER "MediationOrganizations_LedgerRowCounts_delete";
DROP TRIGGER "MediationOrganizations_LedgerRowCounts_update";

CREATE TRIGGER "MediationOrganizations_LedgerRowCounts_insert" AFTER INSERT ON "MediationOrganizations"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('mediation-organizations', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "MediationOrganizations_LedgerRowCounts_delete" AFTER DELETE ON "MediationOrganizations"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('mediation-organizations', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "MediationOrganizations_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "MediationOrganizations"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('mediation-organizations', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('mediation-organizations', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "MediationOrganizations"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'mediation-organizations' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- mediators
DROP TRIGGER "Mediators_LedgerRowCounts_insert";
DROP TRIGGER "Mediators_LedgerRowCounts_delete";
DROP TRIGGER "Mediators_LedgerRowCounts_update";

CREATE TRIGGER "Mediators_LedgerRowCounts_insert" AFTER INSERT ON "Mediators"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('mediators', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "Mediators_LedgerRowCounts_delete" AFTER DELETE ON "Mediators"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('mediators', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "Mediators_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "Mediators"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('mediators', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('mediators', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "Mediators"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'mediators' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- social-organizations
DROP TRIGGER "SocialOrganizations_LedgerRowCounts_insert";
DROP TRIGGER "SocialOrganizations_LedgerRowCounts_delete";
DROP TRIGGER "SocialOrganizations_LedgerRowCounts_update";

CREATE TRIGGER "SocialOrganizations_LedgerRowCounts_insert" AFTER INSERT ON "SocialOrganizations"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('social-organizations', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "SocialOrganizations_LedgerRowCounts_delete" AFTER DELETE ON "SocialOrganizations"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('social-organizations', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "SocialOrganizations_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "SocialOrganizations"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('social-organizations', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('social-organizations', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "SocialOrganizations"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'social-organizations' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- harmonious-enterprises
DROP TRIGGER "HarmoniousEnterprises_LedgerRowCounts_insert";
DROP TRIGGER "HarmoniousEnterprises_LedgerRowCounts_delete";
DROP TRIGGER "HarmoniousEnterprises_LedgerRowCounts_update";

CREATE TRIGGER "HarmoniousEnterprises_LedgerRowCounts_insert" AFTER INSERT ON "HarmoniousEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('harmonious-enterprises', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "HarmoniousEnterprises_LedgerRowCounts_delete" AFTER DELETE ON "HarmoniousEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('harmonious-enterprises', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "HarmoniousEnterprises_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "HarmoniousEnterprises"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('harmonious-enterprises', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('harmonious-enterprises', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "HarmoniousEnterprises"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'harmonious-enterprises' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- wage-guidance
DROP TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_insert";
DROP TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_delete";
DROP TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_update";

CREATE TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_insert" AFTER INSERT ON "WageGuidanceEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('wage-guidance', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_delete" AFTER DELETE ON "WageGuidanceEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('wage-guidance', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "WageGuidanceEnterprises"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('wage-guidance', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('wage-guidance', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "WageGuidanceEnterprises"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'wage-guidance' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- new-enterprise-services
DROP TRIGGER "NewEnterpriseServices_LedgerRowCounts_insert";
DROP TRIGGER "NewEnterpriseServices_LedgerRowCounts_delete";
DROP TRIGGER "NewEnterpriseServices_LedgerRowCounts_update";

CREATE TRIGGER "NewEnterpriseServices_LedgerRowCounts_insert" AFTER INSERT ON "NewEnterpriseServices"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('new-enterprise-services', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "NewEnterpriseServices_LedgerRowCounts_delete" AFTER DELETE ON "NewEnterpriseServices"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('new-enterprise-services', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "NewEnterpriseServices_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "NewEnterpriseServices"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('new-enterprise-services', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('new-enterprise-services', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "NewEnterpriseServices"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'new-enterprise-services' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- key-enterprises
DROP TRIGGER "KeyEnterprises_LedgerRowCounts_insert";
DROP TRIGGER "KeyEnterprises_LedgerRowCounts_delete";
DROP TRIGGER "KeyEnterprises_LedgerRowCounts_update";

CREATE TRIGGER "KeyEnterprises_LedgerRowCounts_insert" AFTER INSERT ON "KeyEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('key-enterprises', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "KeyEnterprises_LedgerRowCounts_delete" AFTER DELETE ON "KeyEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('key-enterprises', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "KeyEnterprises_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "KeyEnterprises"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('key-enterprises', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('key-enterprises', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "KeyEnterprises"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'key-enterprises' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- plan-lists
DROP TRIGGER "PlanListEntries_LedgerRowCounts_insert";
DROP TRIGGER "PlanListEntries_LedgerRowCounts_delete";
DROP TRIGGER "PlanListEntries_LedgerRowCounts_update";

CREATE TRIGGER "PlanListEntries_LedgerRowCounts_insert" AFTER INSERT ON "PlanListEntries"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('plan-lists', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "PlanListEntries_LedgerRowCounts_delete" AFTER DELETE ON "PlanListEntries"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('plan-lists', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "PlanListEntries_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "PlanListEntries"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('plan-lists', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('plan-lists', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "PlanListEntries"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'plan-lists' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- large-enterprises
DROP TRIGGER "LargeEnterprises_LedgerRowCounts_insert";
DROP TRIGGER "LargeEnterprises_LedgerRowCounts_delete";
DROP TRIGGER "LargeEnterprises_LedgerRowCounts_update";

CREATE TRIGGER "LargeEnterprises_LedgerRowCounts_insert" AFTER INSERT ON "LargeEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('large-enterprises', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "LargeEnterprises_LedgerRowCounts_delete" AFTER DELETE ON "LargeEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('large-enterprises', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "LargeEnterprises_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "LargeEnterprises"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('large-enterprises', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('large-enterprises', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "LargeEnterprises"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'large-enterprises' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

-- towns
DROP TRIGGER "TownsAndParks_LedgerRowCounts_insert";
DROP TRIGGER "TownsAndParks_LedgerRowCounts_delete";
DROP TRIGGER "TownsAndParks_LedgerRowCounts_update";

CREATE TRIGGER "TownsAndParks_LedgerRowCounts_insert" AFTER INSERT ON "TownsAndParks"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('towns', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "TownsAndParks_LedgerRowCounts_delete" AFTER DELETE ON "TownsAndParks"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('towns', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

CREATE TRIGGER "TownsAndParks_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year", "Status"
    ON "TownsAndParks"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year" OR OLD."Status" <> NEW."Status"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('towns', OLD."RegionId", OLD."Year",
            -1, -(OLD."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    VALUES ('towns', NEW."RegionId", NEW."Year",
            1, (NEW."Status" = 2))
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE
    SET "Count" = "Count" + excluded."Count", "Unconfirmed" = "Unconfirmed" + excluded."Unconfirmed";
END;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", COUNT(*) AS "Rows" FROM "TownsAndParks"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'towns' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";
