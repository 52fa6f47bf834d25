-- Ledger row counters, second version (docs/adr/0010, docs/adr/0042), PostgreSQL: the insert, delete and update
-- functions of ledger_counters_v1.sql replaced in place (the triggers call them by name and stay as they are), so
-- that each grouped upsert also keeps "Unconfirmed", the counter's carried-forward rows still to confirm (待复核,
-- "Status" = 2). The update function now also counts rows whose status changed (a confirmed row leaves the 待复核
-- count; its own count nets to zero). Then each counter's "Unconfirmed" is filled from the rows through the ledger's
-- partial index IX_*_Unconfirmed. The truncate function is unchanged (it deletes the ledger's counters).
-- Run by the LedgerRowCountsUnconfirmed migration (inside its transaction); ledger_counters_v2_down.sql puts the
-- v1 functions back. Edit through a new migration and a new file, never in place.

CREATE OR REPLACE FUNCTION ledger_row_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    SELECT TG_ARGV[0], "RegionId", "Year", count(*), count(*) FILTER (WHERE "Status" = 2)
    FROM new_rows GROUP BY "RegionId", "Year" ORDER BY "RegionId", "Year"
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count",
        "Unconfirmed" = "LedgerRowCounts"."Unconfirmed" + excluded."Unconfirmed";
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ledger_row_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    SELECT TG_ARGV[0], "RegionId", "Year", -count(*), -count(*) FILTER (WHERE "Status" = 2)
    FROM old_rows GROUP BY "RegionId", "Year" ORDER BY "RegionId", "Year"
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count",
        "Unconfirmed" = "LedgerRowCounts"."Unconfirmed" + excluded."Unconfirmed";
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ledger_row_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT o."RegionId" AS old_region, o."Year" AS old_year, o."Status" AS old_status,
               n."RegionId" AS new_region, n."Year" AS new_year, n."Status" AS new_status
        FROM old_rows o JOIN new_rows n ON n."Id" = o."Id"
        WHERE o."RegionId" <> n."RegionId" OR o."Year" <> n."Year" OR o."Status" <> n."Status"),
    deltas AS (
        SELECT new_region AS region_id, new_year AS row_year, 1 AS delta,
               CASE WHEN new_status = 2 THEN 1 ELSE 0 END AS unconfirmed FROM changed
        UNION ALL
        SELECT old_region, old_year, -1, CASE WHEN old_status = 2 THEN -1 ELSE 0 END FROM changed)
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count", "Unconfirmed")
    SELECT TG_ARGV[0], region_id, row_year, sum(delta), sum(unconfirmed) FROM deltas GROUP BY region_id, row_year
    HAVING sum(delta) <> 0 OR sum(unconfirmed) <> 0 ORDER BY region_id, row_year
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count",
        "Unconfirmed" = "LedgerRowCounts"."Unconfirmed" + excluded."Unconfirmed";
    RETURN NULL;
END $$;

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "Coordinators"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'coordinators' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "MediationOrganizations"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'mediation-organizations' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "Mediators"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'mediators' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "SocialOrganizations"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'social-organizations' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "HarmoniousEnterprises"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'harmonious-enterprises' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "WageGuidanceEnterprises"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'wage-guidance' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "NewEnterpriseServices"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'new-enterprise-services' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "KeyEnterprises"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'key-enterprises' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "PlanListEntries"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'plan-lists' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "LargeEnterprises"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'large-enterprises' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";

UPDATE "LedgerRowCounts" AS c SET "Unconfirmed" = u."Rows"
FROM (SELECT "RegionId", "Year", count(*) AS "Rows" FROM "TownsAndParks"
      WHERE "Status" = 2 GROUP BY "RegionId", "Year") AS u
WHERE c."Ledger" = 'towns' AND c."RegionId" = u."RegionId" AND c."Year" = u."Year";
