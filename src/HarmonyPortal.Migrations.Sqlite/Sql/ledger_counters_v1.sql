-- Ledger row counters (docs/adr/0010), SQLite: three row triggers per ledger table upsert +1 or -1 into
-- "LedgerRowCounts" per (year, region, ledger key). SQLite has no statement triggers.
-- A later migration that rebuilds a ledger table (SQLite's way of altering a column or a constraint) drops that
-- table's triggers: it must create them again (LedgerRowCountTriggerTests would notice).
-- Run by the Initial migration (docs/adr/0029); edit through a new migration and a new file, never in place.

-- coordinators
CREATE TRIGGER "Coordinators_LedgerRowCounts_insert" AFTER INSERT ON "Coordinators"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('coordinators', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "Coordinators_LedgerRowCounts_delete" AFTER DELETE ON "Coordinators"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('coordinators', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "Coordinators_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "Coordinators"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('coordinators', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('coordinators', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- mediation-organizations
CREATE TRIGGER "MediationOrganizations_LedgerRowCounts_insert" AFTER INSERT ON "MediationOrganizations"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('mediation-organizations', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "MediationOrganizations_LedgerRowCounts_delete" AFTER DELETE ON "MediationOrganizations"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('mediation-organizations', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "MediationOrganizations_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "MediationOrganizations"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('mediation-organizations', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('mediation-organizations', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- mediators
CREATE TRIGGER "Mediators_LedgerRowCounts_insert" AFTER INSERT ON "Mediators"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('mediators', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "Mediators_LedgerRowCounts_delete" AFTER DELETE ON "Mediators"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('mediators', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "Mediators_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "Mediators"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('mediators', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('mediators', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- social-organizations
CREATE TRIGGER "SocialOrganizations_LedgerRowCounts_insert" AFTER INSERT ON "SocialOrganizations"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('social-organizations', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "SocialOrganizations_LedgerRowCounts_delete" AFTER DELETE ON "SocialOrganizations"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('social-organizations', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "SocialOrganizations_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "SocialOrganizations"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('social-organizations', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('social-organizations', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- harmonious-enterprises
CREATE TRIGGER "HarmoniousEnterprises_LedgerRowCounts_insert" AFTER INSERT ON "HarmoniousEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('harmonious-enterprises', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "HarmoniousEnterprises_LedgerRowCounts_delete" AFTER DELETE ON "HarmoniousEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('harmonious-enterprises', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "HarmoniousEnterprises_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "HarmoniousEnterprises"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('harmonious-enterprises', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('harmonious-enterprises', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- wage-guidance
CREATE TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_insert" AFTER INSERT ON "WageGuidanceEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('wage-guidance', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_delete" AFTER DELETE ON "WageGuidanceEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('wage-guidance', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "WageGuidanceEnterprises_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "WageGuidanceEnterprises"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('wage-guidance', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('wage-guidance', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- new-enterprise-services
CREATE TRIGGER "NewEnterpriseServices_LedgerRowCounts_insert" AFTER INSERT ON "NewEnterpriseServices"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('new-enterprise-services', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "NewEnterpriseServices_LedgerRowCounts_delete" AFTER DELETE ON "NewEnterpriseServices"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('new-enterprise-services', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "NewEnterpriseServices_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "NewEnterpriseServices"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('new-enterprise-services', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('new-enterprise-services', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- key-enterprises
CREATE TRIGGER "KeyEnterprises_LedgerRowCounts_insert" AFTER INSERT ON "KeyEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('key-enterprises', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "KeyEnterprises_LedgerRowCounts_delete" AFTER DELETE ON "KeyEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('key-enterprises', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "KeyEnterprises_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "KeyEnterprises"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('key-enterprises', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('key-enterprises', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- plan-lists
CREATE TRIGGER "PlanListEntries_LedgerRowCounts_insert" AFTER INSERT ON "PlanListEntries"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('plan-lists', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "PlanListEntries_LedgerRowCounts_delete" AFTER DELETE ON "PlanListEntries"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('plan-lists', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "PlanListEntries_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "PlanListEntries"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('plan-lists', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('plan-lists', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- large-enterprises
CREATE TRIGGER "LargeEnterprises_LedgerRowCounts_insert" AFTER INSERT ON "LargeEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('large-enterprises', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "LargeEnterprises_LedgerRowCounts_delete" AFTER DELETE ON "LargeEnterprises"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('large-enterprises', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "LargeEnterprises_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "LargeEnterprises"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('large-enterprises', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('large-enterprises', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

-- towns
CREATE TRIGGER "TownsAndParks_LedgerRowCounts_insert" AFTER INSERT ON "TownsAndParks"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('towns', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER "TownsAndParks_LedgerRowCounts_delete" AFTER DELETE ON "TownsAndParks"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('towns', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
END;

CREATE TRIGGER "TownsAndParks_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "TownsAndParks"
WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('towns', OLD."RegionId", OLD."Year", -1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + -1;
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('towns', NEW."RegionId", NEW."Year", 1) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + 1;
END;
