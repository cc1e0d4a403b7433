import type { CapabilityGrant } from "../evaluator/access.js";
import type { CoverageEntry, Subscriber } from "../model/snapshot.js";
import type { AccessAnalyzerComparison } from "./access-analyzer/types.js";
import type { RuleAssessment } from "./assessment.js";
import type { Finding, Severity } from "./finding.js";

/** A compliance control's outcome in one audit. */
export interface ControlResult {
  /** `NIST-800-53:AU-9(4)`, `PCI-DSS-4.0:10.3.1`, ... */
  id: string;
  framework: string;
  title: string;
  status: "passed" | "failed" | "not-assessed";
  findingIds: string[];
  /**
   * For not-assessed controls: the coverage gaps or missing inputs behind that status. A failed
   * control lists them too, since inputs can be missing beside the findings.
   */
  gaps: string[];
  /** True when every gap is a key missing from the baseline rather than an input that was not read. */
  baselineGapsOnly?: boolean;
  /** Findings of this control's rules that an exception accepted; they do not fail it. */
  acceptedFindingIds?: string[];
}

/** A subscriber with what it can reach, as the report lists it. */
export interface SubscriberAccess {
  subscriber: Subscriber;
  accountId: string;
  region: string;
  /** Whether the baseline approves the subscriber's account. */
  approved: boolean | "no-baseline";
  insideOrganization: boolean;
}

/** Why an accepted finding is silenced: the exception that matched it. */
export interface Acceptance {
  findingId: string;
  justification: string;
  approver: string;
  /** When the exception lapses and the finding comes back (ISO-8601 date or time). */
  expiresAt: string;
}

/**
 * Everything one audit produced, in the shape the report, the store and the outputs read.
 * `audit` builds it from a snapshot; nothing in it needs the snapshot again.
 */
export interface AuditResult {
  runId: string;
  /** When the audit ran (ISO-8601 UTC). */
  auditedAt: string;
  /** When the snapshot was read. */
  collectedAt: string;
  organizationId?: string;
  /** Account names by account id, from the organization and the accounts read; absent for unnamed accounts. */
  accountNames?: Record<string, string>;
  source: { kind: string; path?: string };
  accountCount: number;
  principalCount: number;
  findings: Finding[];
  /** Findings silenced by an unexpired exception, shown apart. */
  acceptedFindings: Finding[];
  countsBySeverity: Record<Severity, number>;
  /** Per rule: whether its inputs were present, and the gaps when they were not. */
  assessment?: RuleAssessment[];
  grants: CapabilityGrant[];
  subscribers: SubscriberAccess[];
  controls: ControlResult[];
  /** Coverage entries that are not `collected` or `empty`. */
  coverageGaps: CoverageEntry[];
  /** The exceptions behind `acceptedFindings`, one per accepted finding when known. */
  acceptances?: Acceptance[];
  /** The Lakewarden version that produced the result, for report footers and OCSF metadata. */
  lakewardenVersion?: string;
  /** Where IAM Access Analyzer's external-access findings and Lakewarden's paths agree and differ. */
  accessAnalyzer?: AccessAnalyzerComparison;
  /**
   * True when the input held no Security Lake (an IAM-only audit), so capabilities were checked
   * against any resource (`*`) in each account rather than against an existing lake.
   */
  capabilitiesOnAnyResource?: boolean;
  /** Findings of the previous run of the same organization that this run no longer has. */
  resolvedFindingIds?: string[];
}
