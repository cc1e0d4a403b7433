/** The SQLite store of snapshots, audit runs, findings and review decisions. */
export { DEFAULT_DB_PATH, migrate, openStore, resolveDbPath, type Store } from "./database.js";
export { MIGRATIONS, type Migration } from "./migrations.js";
export { forgetRun, latestRunId, NO_ORGANIZATION_KEY, recordRun, runFindings, snapshotHash, type RecordedFinding, type RecordedRun } from "./runs.js";
export { activeAcceptances, recordDecision, type ReviewDecision } from "./decisions.js";
