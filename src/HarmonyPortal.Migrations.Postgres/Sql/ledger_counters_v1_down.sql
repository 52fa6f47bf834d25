-- Drops what ledger_counters_v1.sql created that dropping the ledger tables leaves behind: its functions.
DROP FUNCTION ledger_row_counts_inserted();
DROP FUNCTION ledger_row_counts_deleted();
DROP FUNCTION ledger_row_counts_updated();
DROP FUNCTION ledger_row_counts_truncated();
