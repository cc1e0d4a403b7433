import type { CapabilityGrant } from "../evaluator/access.js";
import type { Snapshot } from "../model/snapshot.js";
import { bug } from "../shared/errors.js";
import type { RuleAssessment } from "./assessment.js";
import type { SubscriberAccess } from "./audit-result.js";
import type { Baseline } from "./baseline.js";
import { applyExceptions, type RiskException } from "./exceptions.js";
import { findingId, SEVERITIES, severityRank, type Finding, type Severity } from "./finding.js";
import { indexSnapshot } from "./lake-index.js";
import { loadPolicies, type Policies } from "./policies.js";
import { lowerSeverity, type FindingDraft, type RuleContext, type RuleOutcome } from "./rule.js";
import type { RuleMetadata } from "./rule-metadata.js";
import { RULES } from "./rules/index.js";
import { subscriberAccess } from "./subscriber-access.js";
import { sortNaturally } from "../shared/natural-order.js";

export { exitCodeFor } from "./exit-code.js";
export { loadBaseline, parseBaseline, type Baseline } from "./baseline.js";
export { loadExceptions, parseExceptions, type RiskException } from "./exceptions.js";
export { knownRuleIds, loadPolicies, type Policies } from "./policies.js";
export { defaultPoliciesDir } from "./rule-metadata.js";

/** The inputs the audit command passes to the rules. */
export interface RunRulesInput {
  snapshot: Snapshot;
  grants: readonly CapabilityGrant[];
  baseline?: Baseline;
  exceptions?: readonly RiskException[];
  /** The audit time; exceptions expire against it. */
  now?: Date;
  /** Rule metadata; the shipped policies/ folder when absent. */
  policies?: Policies;
}

/** The exception behind one accepted finding, in the shape of AuditResult's `acceptances`. */
export interface AcceptanceRecord {
  findingId: string;
  justification: string;
  approver: string;
  /** Last day the exception applies (YYYY-MM-DD, through the end of that day UTC). */
  expiresAt: string;
}

/** The parts of the AuditResult the rules produce. */
export interface RunRulesOutput {
  /** Active findings, most severe first. */
  findings: Finding[];
  acceptedFindings: Finding[];
  acceptances: AcceptanceRecord[];
  countsBySeverity: Record<Severity, number>;
  assessment: RuleAssessment[];
  subscribers: SubscriberAccess[];
}

/**
 * Runs every rule over the snapshot and the access graph's grants and applies accepted-risk
 * exceptions. The compliance layer judges the controls from the result. Pure apart from
 * reading the shipped policies once per process.
 */
export function runRules(input: RunRulesInput): RunRulesOutput {
  const policies = input.policies ?? loadPolicies();
  const now = input.now ?? new Date();
  const context: RuleContext = {
    snapshot: input.snapshot,
    grants: input.grants,
    ...(input.baseline ? { baseline: input.baseline } : {}),
    index: indexSnapshot(input.snapshot),
    now,
  };

  const assessment: RuleAssessment[] = [];
  const raised: Finding[] = [];
  for (const rule of RULES) {
    const result = rule.check(context);
    assessment.push(assessmentOf(rule.id, result));
    raised.push(...result.findings.map((draft) => buildFinding(metadataOf(policies, rule.id), draft)));
  }

  const split = applyExceptions(dedupe(raised), input.exceptions ?? [], now);
  const exceptionFindings = [
    ...split.expired.map((exception) => exceptionFinding(metadataOf(policies, "exception-expired"), exception, "expired on")),
    ...split.unused.map((exception) => exceptionFinding(metadataOf(policies, "exception-unused"), exception, "matched no finding; it expires")),
  ];
  const findings = sortFindings([...split.findings, ...exceptionFindings]);
  const acceptedFindings = sortFindings(split.acceptedFindings);

  return {
    findings,
    acceptedFindings,
    acceptances: acceptedFindings.map(acceptanceOf),
    countsBySeverity: countBySeverity(findings),
    assessment,
    subscribers: subscriberAccess(context.index, input.baseline),
  };
}

function acceptanceOf(finding: Finding): AcceptanceRecord {
  const exception = finding.acceptedBy;
  if (!exception) throw bug(`accepted finding ${finding.id} has no exception`);
  return { findingId: finding.id, justification: exception.justification, approver: exception.approver, expiresAt: exception.expires };
}

function assessmentOf(ruleId: string, result: RuleOutcome): RuleAssessment {
  let status: RuleAssessment["status"] = "assessed";
  if (!result.assessed) status = "not-assessed";
  else if (result.gaps.length > 0) status = "partial";
  return { ruleId, status, gaps: result.gaps, ...(result.withoutBaseline ? { withoutBaseline: true } : {}), ...(result.baselineGaps ? { baselineGaps: true } : {}) };
}

function metadataOf(policies: Policies, ruleId: string): RuleMetadata {
  const metadata = policies.rules.get(ruleId);
  if (!metadata) throw bug(`rule ${ruleId} has no metadata`);
  return metadata;
}

function buildFinding(metadata: RuleMetadata, draft: FindingDraft): Finding {
  const base = draft.severity ?? metadata.severity;
  return {
    id: findingId(metadata.id, draft.subject.id),
    ruleId: metadata.id,
    title: metadata.title,
    severity: draft.confidence === "low" ? lowerSeverity(base) : base,
    subject: draft.subject,
    summary: draft.summary,
    evidence: draft.evidence,
    remediation: metadata.remediation,
    controls: [...metadata.controls],
    ...(draft.confidence ? { confidence: draft.confidence } : {}),
  };
}

/** Keeps the first finding of each id: two lakes or grants can point at the same subject. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => !seen.has(finding.id) && seen.add(finding.id));
}

function exceptionFinding(metadata: RuleMetadata, exception: RiskException, state: string): Finding {
  const id = `${exception.rule}/${exception.subject}`;
  return buildFinding(metadata, {
    subject: { kind: "exception", id, label: `exception for ${exception.rule} on ${exception.subject}` },
    summary: `The exception for ${exception.rule} on ${exception.subject}, approved by ${exception.approver}, ${state} ${exception.expires}.`,
    evidence: [
      { kind: "fact", text: "Justification", value: exception.justification },
      { kind: "fact", text: "Expires", value: exception.expires },
    ],
  });
}

const ruleOrder = new Map(RULES.map((rule, position) => [rule.id, position]));

function sortFindings(findings: Finding[]): Finding[] {
  return sortNaturally(
    findings,
    (left, right) => severityRank(right.severity) - severityRank(left.severity) || (ruleOrder.get(left.ruleId) ?? RULES.length) - (ruleOrder.get(right.ruleId) ?? RULES.length),
    (finding) => finding.subject.id,
  );
}

/** Active findings per severity, every severity present. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
