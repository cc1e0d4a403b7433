import { createHash } from "node:crypto";
import type { AuditResult } from "../findings/audit-result.js";
import type { Finding, FindingStatus } from "../findings/finding.js";
import type { Snapshot } from "../model/snapshot.js";
import { LakewardenError } from "../shared/errors.js";
import type { Store } from "./database.js";

/** Runs of the same organization are compared; runs without an organization share this key. */
export const NO_ORGANIZATION_KEY = "no-organization";

/** A finding's status in a recorded run, with when it was first and last seen. */
export interface RecordedFinding {
  findingId: string;
  status: FindingStatus;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** The record of one stored run: its findings with their status, and those resolved since the last run. */
export interface RecordedRun {
  runId: string;
  organizationKey: string;
  previousRunId?: string;
  findings: RecordedFinding[];
  resolved: RecordedFinding[];
}

interface PreviousRow {
  finding_id: string;
  status: FindingStatus;
  first_seen_at: string;
  last_seen_at: string;
  rule_id: string;
  severity: string;
  subject_kind: string;
  subject_id: string;
}

const PREVIOUS_COLUMNS = "finding_id, status, first_seen_at, last_seen_at, rule_id, severity, subject_kind, subject_id";

/** Computes the SHA-256 of a snapshot's JSON form, so runs of the same snapshot share one snapshot row. */
export function snapshotHash(snapshot: Snapshot): string {
  return createHash("sha256").update(JSON.stringify(snapshot)).digest("hex");
}

/**
 * Records an audit run and its findings in one transaction. Each finding's status compares with
 * the previous run of the same organization: `new` when that run did not have it, `open` when it
 * did (keeping its first-seen time), `accepted` for findings an exception accepted. Findings of
 * the previous run that are gone are recorded in this run as `resolved`.
 */
export function recordRun(db: Store, result: AuditResult, options: { snapshot?: Snapshot } = {}): RecordedRun {
  try {
    return recordRunInTransaction(db, result, options.snapshot);
  } catch (error) {
    throw new LakewardenError("store", `cannot record run ${result.runId} (${(error as Error).message})`, { cause: error });
  }
}

function recordRunInTransaction(db: Store, result: AuditResult, snapshot: Snapshot | undefined): RecordedRun {
  const organizationKey = result.organizationId ?? NO_ORGANIZATION_KEY;

  return db.transaction((): RecordedRun => {
    const snapshotId = snapshot ? recordSnapshot(db, snapshot, organizationKey) : null;
    const previous = db
      .prepare("SELECT id FROM audit_runs WHERE organization_key = ? ORDER BY sequence DESC LIMIT 1")
      .get(organizationKey) as { id: string } | undefined;
    // Each finding's JSON is read only for the findings that are gone: at 10,000 principals
    // reading every one took as long as writing them.
    const previousFindings = new Map(
      previous
        ? (db.prepare(`SELECT ${PREVIOUS_COLUMNS} FROM run_findings WHERE run_id = ? AND status != 'resolved'`).all(previous.id) as PreviousRow[]).map((row) => [row.finding_id, row])
        : [],
    );

    insertRun(db, result, organizationKey, snapshotId);

    const insert = db.prepare(`INSERT INTO run_findings
      (run_id, finding_id, rule_id, severity, subject_kind, subject_id, status, first_seen_at, last_seen_at, finding_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

    const recorded: RecordedFinding[] = [];
    const current = [...result.findings.map((finding) => ({ finding, accepted: false })), ...result.acceptedFindings.map((finding) => ({ finding, accepted: true }))];
    for (const { finding, accepted } of current) {
      const before = previousFindings.get(finding.id);
      let status: FindingStatus = before ? "open" : "new";
      if (accepted) status = "accepted";
      const entry = { findingId: finding.id, status, firstSeenAt: before?.first_seen_at ?? result.auditedAt, lastSeenAt: result.auditedAt };
      insert.run(result.runId, finding.id, finding.ruleId, finding.severity, finding.subject.kind, finding.subject.id, status, entry.firstSeenAt, entry.lastSeenAt, JSON.stringify(finding));
      recorded.push(entry);
    }

    const seen = new Set(current.map(({ finding }) => finding.id));
    const resolved: RecordedFinding[] = [];
    const findingJson = db.prepare("SELECT finding_json FROM run_findings WHERE run_id = ? AND finding_id = ?").pluck();
    for (const row of previousFindings.values()) {
      if (seen.has(row.finding_id)) continue;
      const entry = { findingId: row.finding_id, status: "resolved" as const, firstSeenAt: row.first_seen_at, lastSeenAt: row.last_seen_at };
      insert.run(result.runId, row.finding_id, row.rule_id, row.severity, row.subject_kind, row.subject_id, "resolved", entry.firstSeenAt, entry.lastSeenAt, findingJson.get(previous?.id, row.finding_id));
      resolved.push(entry);
    }

    return { runId: result.runId, organizationKey, ...(previous ? { previousRunId: previous.id } : {}), findings: recorded, resolved };
  })();
}

function recordSnapshot(db: Store, snapshot: Snapshot, organizationKey: string): number {
  const hash = snapshotHash(snapshot);
  const existing = db.prepare("SELECT id FROM snapshots WHERE hash = ?").get(hash) as { id: number } | undefined;
  if (existing) return existing.id;

  const inserted = db
    .prepare(`INSERT INTO snapshots (hash, collected_at, source_kind, source_path, organization_key, account_count, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(hash, snapshot.collectedAt, snapshot.source.kind, snapshot.source.path ?? null, organizationKey, snapshot.accounts.length, new Date().toISOString());
  return Number(inserted.lastInsertRowid);
}

function insertRun(db: Store, result: AuditResult, organizationKey: string, snapshotId: number | null): void {
  const sequence = ((db.prepare("SELECT MAX(sequence) AS last FROM audit_runs").get() as { last: number | null }).last ?? 0) + 1;
  db.prepare(`INSERT INTO audit_runs
    (id, sequence, organization_key, snapshot_id, audited_at, collected_at, source_kind, source_path, account_count, principal_count, counts_json, controls_json, coverage_gaps_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    result.runId,
    sequence,
    organizationKey,
    snapshotId,
    result.auditedAt,
    result.collectedAt,
    result.source.kind,
    result.source.path ?? null,
    result.accountCount,
    result.principalCount,
    JSON.stringify(result.countsBySeverity),
    JSON.stringify(result.controls),
    JSON.stringify(result.coverageGaps),
  );
}

/** Lists the findings recorded for a run, with their status, in the order they were recorded. */
export function runFindings(db: Store, runId: string): Array<RecordedFinding & { finding: Finding }> {
  const rows = db.prepare("SELECT * FROM run_findings WHERE run_id = ? ORDER BY rowid").all(runId) as (PreviousRow & { finding_json: string })[];
  return rows.map((row) => ({
    findingId: row.finding_id,
    status: row.status,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    finding: JSON.parse(row.finding_json) as Finding,
  }));
}

/** Returns the most recent run id of an organization, or undefined when it has none. */
export function latestRunId(db: Store, organizationKey: string): string | undefined {
  const row = db.prepare("SELECT id FROM audit_runs WHERE organization_key = ? ORDER BY sequence DESC LIMIT 1").get(organizationKey) as { id: string } | undefined;
  return row?.id;
}

/**
 * Removes a run and its findings, for an audit whose report could not be written: the store
 * then holds only runs whose report exists. The snapshot row stays, since other runs may share it.
 */
export function forgetRun(db: Store, runId: string): void {
  db.transaction(() => {
    db.prepare("DELETE FROM run_findings WHERE run_id = ?").run(runId);
    db.prepare("DELETE FROM audit_runs WHERE id = ?").run(runId);
  })();
}
