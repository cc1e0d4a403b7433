/**
 * Findings: what the rules report. A finding is data; prose for people lives in the rule
 * metadata under policies/rules/ and in templates/.
 */
import type { CapabilityId, PathStep } from "../evaluator/access.js";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank for sorting and thresholds: critical is 4, info is 0. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

export type SubjectKind = "principal" | "subscriber" | "resource" | "account" | "organization" | "coverage" | "exception";

/** The subject of a finding. `id` is an ARN, a subscriber id or an account id. */
export interface FindingSubject {
  kind: SubjectKind;
  id: string;
  /** A short name for people, such as the role name or subscriber name. */
  label?: string;
  accountId?: string;
  region?: string;
}

/** One policy statement that decided something, located exactly. */
export interface StatementEvidence {
  kind: "statement";
  /** identity, resource, boundary, scp, rcp, session, trust, key-policy ... */
  policyType: string;
  /** Policy ARN, or `<principal ARN>#<inline policy name>` for inline policies. */
  policyId: string;
  policyName?: string;
  sid?: string;
  /** 1-based position of the statement in its policy. */
  statementIndex: number;
  effect: "Allow" | "Deny";
  /** The statement as JSON text, for display. */
  statement?: string;
}

/** An access path from the graph, shown hop by hop. */
export interface PathEvidence {
  kind: "path";
  capability?: CapabilityId;
  steps: readonly PathStep[];
}

/** A fact read from the snapshot, such as a retention setting or a subscriber's account. */
export interface FactEvidence {
  kind: "fact";
  text: string;
  value?: string;
}

export type Evidence = StatementEvidence | PathEvidence | FactEvidence;

export type FindingStatus = "new" | "open" | "resolved" | "accepted";

export interface Finding {
  /** `<rule id>:<subject id>`, stable across runs. */
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  subject: FindingSubject;
  /** One sentence stating the problem with its specifics. */
  summary: string;
  evidence: Evidence[];
  remediation: string;
  /** Control ids such as `NIST-800-53:AU-9(4)` or `PCI-DSS-4.0:10.3.1`. */
  controls: string[];
  status?: FindingStatus;
  /**
   * `low` when the rule had no baseline to compare with, so the finding requests a review
   * rather than stating that access was not approved. Absent means `high`.
   */
  confidence?: "high" | "low";
  /** For accepted findings: the exception that accepted the risk. */
  acceptedBy?: AcceptedRisk;
}

/** The accepted-risk exception that moved a finding out of the active list. */
export interface AcceptedRisk {
  /** The exception's rule and subject pattern, as written in the exceptions file. */
  rule: string;
  subject: string;
  justification: string;
  approver: string;
  /** Last day the exception applies (YYYY-MM-DD, UTC). */
  expires: string;
}

export function findingId(ruleId: string, subjectId: string): string {
  return `${ruleId}:${subjectId}`;
}
