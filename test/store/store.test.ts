import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/findings/audit-result.js";
import type { Finding } from "../../src/findings/finding.js";
import {
  activeAcceptances,
  migrate,
  MIGRATIONS,
  openStore,
  recordDecision,
  recordRun,
  resolveDbPath,
  runFindings,
  type ReviewDecision,
  type Store,
} from "../../src/store/index.js";

function finding(id: string): Finding {
  return {
    id: `rule-a:${id}`,
    ruleId: "rule-a",
    title: "t",
    severity: "high",
    subject: { kind: "principal", id },
    summary: "s",
    evidence: [],
    remediation: "r",
    controls: [],
  };
}

function audit(runId: string, auditedAt: string, ids: string[], options: { organizationId?: string; accepted?: string[] } = {}): AuditResult {
  return {
    runId,
    auditedAt,
    collectedAt: auditedAt,
    organizationId: options.organizationId ?? "o-one",
    source: { kind: "import", path: "x" },
    accountCount: 1,
    principalCount: 1,
    findings: ids.map(finding),
    acceptedFindings: (options.accepted ?? []).map(finding),
    countsBySeverity: { critical: 0, high: ids.length, medium: 0, low: 0, info: 0 },
    grants: [],
    subscribers: [],
    controls: [],
    coverageGaps: [],
  };
}

let folder: string;
let db: Store;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "lw-store-"));
  db = openStore(join(folder, "lakewarden.db"));
});

afterEach(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

const statusOf = (runId: string) => Object.fromEntries(runFindings(db, runId).map((entry) => [entry.findingId, entry.status]));

describe("finding status across runs", () => {
  beforeEach(() => {
    recordRun(db, audit("run-1", "2026-12-01T00:00:00Z", ["a", "b"]));
    recordRun(db, audit("run-2", "2026-12-08T00:00:00Z", ["b", "c"]));
    recordRun(db, audit("run-3", "2026-12-15T00:00:00Z", ["c"], { accepted: ["b"] }));
  });

  it("marks everything new in the first run", () => {
    expect(statusOf("run-1")).toEqual({ "rule-a:a": "new", "rule-a:b": "new" });
  });

  it("marks open, new and resolved in the second run", () => {
    expect(statusOf("run-2")).toEqual({ "rule-a:b": "open", "rule-a:c": "new", "rule-a:a": "resolved" });
  });

  it("marks accepted and open in the third run", () => {
    expect(statusOf("run-3")).toEqual({ "rule-a:c": "open", "rule-a:b": "accepted" });
  });

  it("keeps the first-seen time of an open finding", () => {
    const entry = runFindings(db, "run-2").find((each) => each.findingId === "rule-a:b");
    expect([entry?.firstSeenAt, entry?.lastSeenAt]).toEqual(["2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z"]);
  });

  it("keeps the last-seen time of a resolved finding", () => {
    const entry = runFindings(db, "run-2").find((each) => each.findingId === "rule-a:a");
    expect(entry?.lastSeenAt).toBe("2026-12-01T00:00:00Z");
  });

  it("carries a resolved finding's record", () => {
    const before = runFindings(db, "run-1").find((each) => each.findingId === "rule-a:a");
    const resolved = runFindings(db, "run-2").find((each) => each.findingId === "rule-a:a");
    expect(resolved?.finding).toEqual(before?.finding);
  });

  it("does not resolve a finding twice", () => {
    recordRun(db, audit("run-4", "2026-12-22T00:00:00Z", []));
    expect(statusOf("run-4")).toEqual({ "rule-a:c": "resolved", "rule-a:b": "resolved" });
  });

  it("compares only runs of the same organization", () => {
    const recorded = recordRun(db, audit("other-1", "2026-12-16T00:00:00Z", ["c"], { organizationId: "o-two" }));
    expect([recorded.findings[0]?.status, recorded.resolved]).toEqual(["new", []]);
  });
});

describe("store file", () => {
  it("records nothing of a failed run", () => {
    recordRun(db, audit("run-1", "2026-12-01T00:00:00Z", ["a"]));
    expect(() => recordRun(db, audit("run-1", "2026-12-02T00:00:00Z", ["b"]))).toThrow(/cannot record run run-1/);
    expect(statusOf("run-1")).toEqual({ "rule-a:a": "new" });
  });

  it("uses WAL", () => {
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("applies migrations once", () => {
    expect(migrate(db)).toEqual([]);
  });

  it("reopens a migrated file without changes", () => {
    db.close();
    db = openStore(join(folder, "lakewarden.db"));
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").all() as { version: number }[];
    expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((entry) => entry.version));
  });

  it("applies a later migration in order", () => {
    const later = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: "test column", sql: "ALTER TABLE alerts ADD COLUMN note TEXT" }];
    expect(migrate(db, later)).toEqual([MIGRATIONS.length + 1]);
  });

  it("lets readers read while a write is open", () => {
    recordRun(db, audit("run-1", "2026-12-01T00:00:00Z", ["a"]));
    const readers = [openStore(join(folder, "lakewarden.db"), { readonly: true }), openStore(join(folder, "lakewarden.db"), { readonly: true })];
    const count = (reader: Store) => (reader.prepare("SELECT COUNT(*) AS n FROM audit_runs").get() as { n: number }).n;

    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO alerts (organization_key, kind, subject_id, created_at, payload_json) VALUES ('o', 'k', 's', 't', '{}')").run();
    recordRun(db, audit("run-2", "2026-12-08T00:00:00Z", ["a"]));
    const during = readers.map(count);
    db.exec("COMMIT");
    const after = readers.map(count);
    for (const reader of readers) reader.close();

    expect([during, after]).toEqual([[1, 1], [2, 2]]);
  });
});

describe("store path", () => {
  it.each([
    ["the option", "x.db", { LAKEWARDEN_DB: "env.db" }, "x.db"],
    ["the environment", undefined, { LAKEWARDEN_DB: "env.db" }, "env.db"],
    ["the default", undefined, {}, "./lakewarden.db"],
  ])("comes from %s", (_name, option, environment, expected) => {
    expect(resolveDbPath(option, environment)).toBe(expected);
  });
});

describe("review decisions", () => {
  const accept: ReviewDecision = {
    organizationKey: "o-one",
    ruleId: "access-unapproved-read",
    subjectPattern: "arn:aws:iam::111122223333:role/Data*",
    decision: "accept",
    justification: "Capacity planning.",
    reviewer: "ciso@example.com",
    expiresOn: "2027-01-31",
    decidedAt: "2026-12-01T00:00:00Z",
  };

  it("turns an acceptance into an exception", () => {
    recordDecision(db, accept);
    expect(activeAcceptances(db, "o-one", new Date("2027-01-01T00:00:00Z")).map((entry) => entry.expires)).toEqual(["2027-01-31"]);
  });

  it("drops an expired acceptance", () => {
    recordDecision(db, accept);
    expect(activeAcceptances(db, "o-one", new Date("2027-02-01T00:00:00Z"))).toEqual([]);
  });

  it("lets a later revoke end an acceptance", () => {
    recordDecision(db, accept);
    recordDecision(db, { ...accept, decision: "revoke", expiresOn: undefined, decidedAt: "2026-12-02T00:00:00Z" });
    expect(activeAcceptances(db, "o-one", new Date("2027-01-01T00:00:00Z"))).toEqual([]);
  });

  it("rejects an acceptance without expiry", () => {
    expect(() => recordDecision(db, { ...accept, expiresOn: undefined })).toThrow(/missing expiry date/);
  });
});

describe("store file", () => {
  it("uses 32 KB pages when new", () => {
    expect(db.pragma("page_size", { simple: true })).toBe(32_768);
  });

  it("keeps an existing file's page size", () => {
    const path = join(folder, "old.db");
    const old = new Database(path);
    old.exec("CREATE TABLE kept (id INTEGER)");
    old.close();

    const reopened = openStore(path);
    expect(reopened.pragma("page_size", { simple: true })).toBe(4096);
    reopened.close();
  });
});
