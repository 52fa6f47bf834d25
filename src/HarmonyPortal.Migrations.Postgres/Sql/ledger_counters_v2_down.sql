-- Puts back the insert, delete and update functions of ledger_counters_v1.sql, as they were (copied from it),
-- before the migration drops the "Unconfirmed" column they no longer write.

CREATE OR REPLACE FUNCTION ledger_row_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
    SELECT TG_ARGV[0], "RegionId", "Year", count(*) FROM new_rows GROUP BY "RegionId", "Year" ORDER BY "RegionId", "Year"
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count";
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ledger_row_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
    SELECT TG_ARGV[0], "RegionId", "Year", -count(*) FROM old_rows GROUP BY "RegionId", "Year" ORDER BY "RegionId", "Year"
    ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count";
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ledger_row_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
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
