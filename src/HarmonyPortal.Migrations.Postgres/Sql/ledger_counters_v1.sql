-- Ledger row counters (docs/adr/0010), PostgreSQL: statement-level triggers over the transition tables, the ledger's
-- key as the trigger's argument: one grouped upsert per statement, so a 100,000-row import or COPY updates each
-- (region, year) counter once, in key order. Transition tables rule out a column list, so the update trigger fires on
-- every UPDATE and counts only rows that moved. TRUNCATE clears the ledger's counters.
-- Run by the Initial migration (docs/adr/0029); edit through a new migration and a new file, never in place.

CREATE FUNCTION ledger_row_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
    SELECT TG_ARGV[0], "RegionId", "Year", count(*) FROM new_rows GROUP BY "RegionId", "Year" ORDER BY "RegionId", "Year"
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count";
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_row_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
    SELECT TG_ARGV[0], "RegionId", "Year", -count(*) FROM old_rows GROUP BY "RegionId", "Year" ORDER BY "RegionId", "Year"
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count";
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_row_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH moved AS (
        SELECT o."RegionId" AS old_region, o."Year" AS old_year, n."RegionId" AS new_region, n."Year" AS new_year
        FROM old_rows o JOIN new_rows n ON n."Id" = o."Id"
        WHERE o."RegionId" <> n."RegionId" OR o."Year" <> n."Year"),
    deltas AS (
        SELECT new_region AS region_id, new_year AS row_year, 1 AS delta FROM moved
        UNION ALL
        SELECT old_region, old_year, -1 FROM moved)
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
    SELECT TG_ARGV[0], region_id, row_year, sum(delta) FROM deltas GROUP BY region_id, row_year HAVING sum(delta) <> 0 ORDER BY region_id, row_year
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count";
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_row_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "LedgerRowCounts" WHERE "Ledger" = TG_ARGV[0];
    RETURN NULL;
END $$;

-- coordinators
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "Coordinators"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('coordinators');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "Coordinators"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('coordinators');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "Coordinators"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('coordinators');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "Coordinators"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('coordinators');

-- mediation-organizations
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "MediationOrganizations"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('mediation-organizations');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "MediationOrganizations"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('mediation-organizations');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "MediationOrganizations"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('mediation-organizations');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "MediationOrganizations"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('mediation-organizations');

-- mediators
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "Mediators"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('mediators');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "Mediators"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('mediators');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "Mediators"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('mediators');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "Mediators"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('mediators');

-- social-organizations
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "SocialOrganizations"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('social-organizations');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "SocialOrganizations"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('social-organizations');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "SocialOrganizations"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('social-organizations');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "SocialOrganizations"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('social-organizations');

-- harmonious-enterprises
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "HarmoniousEnterprises"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('harmonious-enterprises');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "HarmoniousEnterprises"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('harmonious-enterprises');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "HarmoniousEnterprises"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('harmonious-enterprises');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "HarmoniousEnterprises"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('harmonious-enterprises');

-- wage-guidance
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "WageGuidanceEnterprises"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('wage-guidance');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "WageGuidanceEnterprises"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('wage-guidance');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "WageGuidanceEnterprises"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('wage-guidance');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "WageGuidanceEnterprises"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('wage-guidance');

-- new-enterprise-services
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "NewEnterpriseServices"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('new-enterprise-services');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "NewEnterpriseServices"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('new-enterprise-services');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "NewEnterpriseServices"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('new-enterprise-services');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "NewEnterpriseServices"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('new-enterprise-services');

-- key-enterprises
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "KeyEnterprises"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('key-enterprises');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "KeyEnterprises"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('key-enterprises');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "KeyEnterprises"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('key-enterprises');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "KeyEnterprises"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('key-enterprises');

-- plan-lists
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "PlanListEntries"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('plan-lists');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "PlanListEntries"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('plan-lists');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "PlanListEntries"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('plan-lists');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "PlanListEntries"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('plan-lists');

-- large-enterprises
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "LargeEnterprises"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('large-enterprises');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "LargeEnterprises"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('large-enterprises');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "LargeEnterprises"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('large-enterprises');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "LargeEnterprises"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('large-enterprises');

-- towns
CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "TownsAndParks"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('towns');
CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "TownsAndParks"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('towns');
CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "TownsAndParks"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('towns');
CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "TownsAndParks"
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('towns');
