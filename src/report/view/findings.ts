/**
 * Findings as the report lists them, most severe first. Each shows its subject, evidence,
 * remediation and the controls it fails. Accepted findings also show the exception behind them.
 */
import type { Acceptance } from "../../findings/audit-result.js";
import type { Finding, Severity } from "../../findings/finding.js";
import { severityRank } from "../../findings/finding.js";
import { accountLabel, type AccountNames } from "./accounts.js";
import { viewEvidence, type EvidenceView } from "./evidence.js";
import { SEVERITY_TITLES } from "./labels.js";
import { anchorId, formatTime } from "./text.js";
import { sortNaturally } from "../../shared/natural-order.js";

export interface ControlLinkView {
  id: string;
  /** `NIST-800-53 AU-9(4)`: the id with a space for the colon, easier to read in a list. */
  label: string;
  href: string;
}

export interface FindingView {
  id: string;
  anchor: string;
  ruleId: string;
  title: string;
  severity: Severity;
  severityTitle: string;
  status?: string;
  subjectKind: string;
  subjectId: string;
  subjectLabel: string;
  accountId?: string;
  /** The subject account's name from the organization, else its id. */
  accountLabel?: string;
  /** True when the subject is the account itself, so its account is not named again. */
  subjectIsAccount: boolean;
  accountNamed: boolean;
  region?: string;
  summary: string;
  remediation: string;
  controls: ControlLinkView[];
  evidence: EvidenceView;
  hasEvidence: boolean;
  acceptance?: { justification: string; approver: string; expires: string };
}

/** Returns the anchor of a finding, for links from the controls, subscribers and principals pages. */
export function findingAnchor(findingId: string): string {
  return anchorId("f", findingId);
}

/** Returns the anchor of a control on the controls page. */
export function controlAnchor(controlId: string): string {
  return anchorId("c", controlId);
}

/** Sorts findings most severe first, then by rule and subject (`role-2` before `role-10`), so reruns list them alike. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return sortNaturally(findings, (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.ruleId.localeCompare(b.ruleId), (finding) => finding.subject.id);
}

/** Returns the link to a control on the controls page. */
export function controlLink(id: string): ControlLinkView {
  return { id, label: id.replace(":", " "), href: `controls.html#${controlAnchor(id)}` };
}

/**
 * Builds the view of one finding. `names` maps principal ids to their labels. `linkControls`
 * may return a shared list, because a report cites few lists of controls across thousands of findings.
 */
export function viewFinding(
  finding: Finding,
  names: ReadonlyMap<string, string>,
  acceptance?: Acceptance,
  accountNames: AccountNames = {},
  linkControls: (ids: readonly string[]) => ControlLinkView[] = (ids) => ids.map(controlLink),
): FindingView {
  const evidence = viewEvidence(finding.evidence, names);

  return {
    id: finding.id,
    anchor: findingAnchor(finding.id),
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    severityTitle: SEVERITY_TITLES[finding.severity],
    status: finding.status,
    subjectKind: finding.subject.kind,
    subjectId: finding.subject.id,
    subjectLabel: finding.subject.label ?? finding.subject.id,
    accountId: finding.subject.accountId,
    accountLabel: accountLabel(finding.subject.accountId, accountNames),
    subjectIsAccount: finding.subject.accountId !== undefined && finding.subject.id === finding.subject.accountId,
    accountNamed: finding.subject.accountId !== undefined && accountNames[finding.subject.accountId] !== undefined,
    region: finding.subject.region,
    summary: finding.summary,
    remediation: finding.remediation,
    controls: linkControls(finding.controls),
    evidence,
    hasEvidence: evidence.statements.length + evidence.paths.length + evidence.facts.length > 0,
    acceptance:
      acceptance === undefined
        ? undefined
        : {
            justification: acceptance.justification,
            approver: acceptance.approver,
            expires: formatTime(acceptance.expiresAt),
          },
  };
}
