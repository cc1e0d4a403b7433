import { randomUUID } from "node:crypto";
import type { CapabilityGrant } from "../../evaluator/access.js";
import { accessGraphOf, type BuildTimings, type CapabilityCatalog } from "../../evaluator/graph/index.js";
import { compareWithAccessAnalyzer } from "../../findings/access-analyzer/index.js";
import type { AuditResult } from "../../findings/audit-result.js";
import { judgeControls } from "../../compliance/index.js";
import {
  defaultPoliciesDir,
  exitCodeFor,
  knownRuleIds,
  loadBaseline,
  loadExceptions,
  loadPolicies,
  runRules,
  type Baseline,
  type RiskException,
} from "../../findings/index.js";
import type { Severity } from "../../findings/finding.js";
import { flawedPolicyGaps, withCoverageGaps } from "../../findings/policy-coverage.js";
import { loadAuditInput } from "../../importer/load-input.js";
import type { CoverageEntry, Snapshot } from "../../model/snapshot.js";
import { writeReport } from "../../report/write-report.js";
import { forgetRun, openStore, recordRun, resolveDbPath, type RecordedRun } from "../../store/index.js";
import { loadCapabilities } from "../capabilities-file.js";
import { LAKEWARDEN_VERSION } from "../version.js";

/** The options of one `lakewarden audit` run. */
export interface AuditOptions {
  /** A snapshot file, an export folder or an authorization-details file. */
  input: string;
  baselineFile?: string;
  exceptionsFile?: string;
  capabilitiesFile?: string;
  /** @default "reports" */
  outDir: string;
  /** @default ["html", "json"] */
  formats: string[];
  /** The SQLite store; `false` skips recording the run. */
  dbFile: string | false;
  failOn?: Severity;
  failOnIncomplete?: boolean;
  now?: Date;
}

export interface AuditOutcome {
  result: AuditResult;
  reportFolder: string;
  exitCode: 0 | 3 | 4;
}

/**
 * Runs one audit: reads every input first (so bad input stops the run before anything is
 * written), evaluates access, runs the rules, writes the report folder, then records the run.
 */
export async function runAudit(options: AuditOptions): Promise<AuditOutcome> {
  const now = options.now ?? new Date();
  const snapshot = await loadAuditInput(options.input);
  const capabilities = await loadCapabilities(options.capabilitiesFile);
  const baseline = options.baselineFile ? await loadBaseline(options.baselineFile) : undefined;
  const exceptions = options.exceptionsFile ? await loadExceptions(options.exceptionsFile, knownRuleIds()) : undefined;

  const { grants, principalCount, onAnyResource, coverageGaps } = evaluateAccess(snapshot, capabilities);
  const result = assembleResult(withCoverageGaps(snapshot, coverageGaps), grants, principalCount, { baseline, exceptions, now });
  if (onAnyResource) result.capabilitiesOnAnyResource = true;

  const reportFolder =
    options.dbFile === false
      ? await writeReport(result, options.outDir, options.formats)
      : await recordThenWrite(options.dbFile, snapshot, result, () => writeReport(result, options.outDir, options.formats));

  const exitCode = exitCodeFor(result, { failOn: options.failOn, failOnIncomplete: options.failOnIncomplete });
  return { result, reportFolder, exitCode };
}

/** The access a snapshot grants, in the form the rest of the audit reads. */
export interface EvaluatedAccess {
  grants: CapabilityGrant[];
  principalCount: number;
  /** True when the snapshot has no Security Lake, so capabilities were checked on `*`. */
  onAnyResource: boolean;
  /** Policies the evaluation could not fully read, as coverage gaps for the rules and report. */
  coverageGaps: CoverageEntry[];
}

/**
 * Every capability grant of the snapshot and the number of principals. The graph stays inside
 * this call: its compiled policies and caches are most of the audit's memory, and a local of
 * the async audit would keep them alive while the report is written.
 */
export function evaluateAccess(snapshot: Snapshot, capabilities: CapabilityCatalog, timings?: BuildTimings): EvaluatedAccess {
  const graph = accessGraphOf(snapshot, capabilities, timings);
  const grants = graph.allGrants();
  return { grants, principalCount: graph.principals().length, onAnyResource: graph.fallback, coverageGaps: flawedPolicyGaps(graph.flawedPolicies, snapshot) };
}

/** What the rules read besides the snapshot and the grants. */
export interface RuleInputs {
  baseline: Baseline | undefined;
  exceptions: RiskException[] | undefined;
  now: Date;
}

/** Runs the rules and builds the audit result, without writing or recording anything. */
export function assembleResult(snapshot: Snapshot, grants: CapabilityGrant[], principalCount: number, inputs: RuleInputs): AuditResult {
  const rules = runRules({
    snapshot,
    grants,
    ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
    ...(inputs.exceptions ? { exceptions: inputs.exceptions } : {}),
    now: inputs.now,
  });

  return {
    runId: randomUUID(),
    auditedAt: inputs.now.toISOString(),
    collectedAt: snapshot.collectedAt,
    ...(snapshot.organization ? { organizationId: snapshot.organization.id } : {}),
    accountNames: accountNamesOf(snapshot),
    source: { kind: snapshot.source.kind, ...(snapshot.source.path ? { path: snapshot.source.path } : {}) },
    accountCount: snapshot.accounts.length,
    principalCount,
    findings: rules.findings,
    acceptedFindings: rules.acceptedFindings,
    acceptances: rules.acceptances,
    countsBySeverity: rules.countsBySeverity,
    grants,
    subscribers: rules.subscribers,
    controls: judgeControls(rules, defaultPoliciesDir(), loadPolicies().rules),
    assessment: rules.assessment,
    accessAnalyzer: compareWithAccessAnalyzer({
      snapshot,
      grants,
      subscribers: rules.subscribers,
      flaggedPrincipals: new Set(rules.findings.filter((finding) => finding.subject.kind === "principal").map((finding) => finding.subject.id)),
    }),
    coverageGaps: snapshot.coverage.filter((entry) => entry.state !== "collected" && entry.state !== "empty"),
    lakewardenVersion: LAKEWARDEN_VERSION,
  };
}

/** Collects account names: an account's own snapshot name wins over the organization's list. */
function accountNamesOf(snapshot: Snapshot): Record<string, string> {
  const names: Record<string, string> = {};
  for (const account of snapshot.organization?.accounts ?? []) {
    names[account.id] = account.name;
  }
  for (const account of snapshot.accounts) {
    if (account.name !== undefined) names[account.accountId] = account.name;
  }
  return names;
}

/**
 * Records the run before writing the report, because the store decides each finding's status
 * (new, open) against the previous run and the report shows it. If the report cannot be
 * written, the run is removed again, so the store never points at a report that does not exist.
 */
async function recordThenWrite(dbOption: string, snapshot: Snapshot, result: AuditResult, write: () => Promise<string>): Promise<string> {
  const store = openStore(resolveDbPath(dbOption || undefined));
  try {
    const recorded = recordRun(store, result, { snapshot });
    applyStatuses(result, recorded);
    try {
      return await write();
    } catch (error) {
      forgetRun(store, result.runId);
      throw error;
    }
  } finally {
    store.close();
  }
}

function applyStatuses(result: AuditResult, recorded: RecordedRun): void {
  const statuses = new Map(recorded.findings.map((entry) => [entry.findingId, entry.status]));
  for (const finding of [...result.findings, ...result.acceptedFindings]) {
    const status = statuses.get(finding.id);
    if (status) finding.status = status;
  }
  result.resolvedFindingIds = recorded.resolved.map((entry) => entry.findingId);
}
