/**
 * The store's schema, as ordered migrations. A migration is never edited once released: a
 * change to the schema is a new migration at the end.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "runs and findings",
    sql: `
      CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        collected_at TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        source_path TEXT,
        organization_key TEXT NOT NULL,
        account_count INTEGER NOT NULL,
        recorded_at TEXT NOT NULL
      );

      CREATE TABLE audit_runs (
        id TEXT PRIMARY KEY,
        sequence INTEGER NOT NULL UNIQUE,
        organization_key TEXT NOT NULL,
        snapshot_id INTEGER REFERENCES snapshots(id),
        audited_at TEXT NOT NULL,
        collected_at TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        source_path TEXT,
        account_count INTEGER NOT NULL,
        principal_count INTEGER NOT NULL,
        counts_json TEXT NOT NULL,
        controls_json TEXT NOT NULL,
        coverage_gaps_json TEXT NOT NULL
      );
      CREATE INDEX audit_runs_by_organization ON audit_runs(organization_key, sequence);

      CREATE TABLE run_findings (
        run_id TEXT NOT NULL REFERENCES audit_runs(id),
        finding_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('new', 'open', 'resolved', 'accepted')),
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        finding_json TEXT NOT NULL,
        PRIMARY KEY (run_id, finding_id)
      );
      CREATE INDEX run_findings_by_finding ON run_findings(finding_id);

      CREATE TABLE review_decisions (
        id INTEGER PRIMARY KEY,
        organization_key TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        subject_pattern TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'revoke')),
        justification TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        expires_on TEXT,
        decided_at TEXT NOT NULL
      );

      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        organization_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        payload_json TEXT NOT NULL
      );

      CREATE TABLE alert_deliveries (
        id INTEGER PRIMARY KEY,
        alert_id INTEGER NOT NULL REFERENCES alerts(id),
        target TEXT NOT NULL,
        attempted_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed', 'gave-up')),
        http_status INTEGER,
        error TEXT
      );
    `,
  },
];
