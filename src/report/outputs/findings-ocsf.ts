/**
 * findings.ocsf.jsonl: one OCSF 1.1.0 Compliance Finding (class 2003) per control result, one
 * JSON object per line, as Amazon Security Lake and SIEMs ingest them. A control that was not
 * assessed because an input could not be read is a Warning, never a Pass.
 * @see https://schema.ocsf.io/1.1.0/classes/compliance_finding
 */
import type { AuditResult, ControlResult } from "../../findings/audit-result.js";
import type { Finding, Severity } from "../../findings/finding.js";
import { severityRank } from "../../findings/finding.js";
import { frameworkName, splitControlId } from "../view/labels.js";

/** The OCSF schema version the records follow; Security Lake validates custom sources against 1.1.0. */
export const OCSF_VERSION = "1.1.0";

const COMPLIANCE_FINDING_CLASS = 2003;
const FINDINGS_CATEGORY = 2;
const ACTIVITY_CREATE = 1;

/** OCSF `compliance.status_id` values. */
const COMPLIANCE_STATUS = {
  pass: { id: 1, name: "Pass" },
  warning: { id: 2, name: "Warning" },
  fail: { id: 3, name: "Fail" },
} as const;

/** OCSF `severity_id`: 1 Informational to 5 Critical. */
const SEVERITY_IDS: Readonly<Record<Severity, { id: number; name: string }>> = {
  info: { id: 1, name: "Informational" },
  low: { id: 2, name: "Low" },
  medium: { id: 3, name: "Medium" },
  high: { id: 4, name: "High" },
  critical: { id: 5, name: "Critical" },
};

/** Builds one Compliance Finding record per control result. */
export function buildOcsfRecords(result: AuditResult): object[] {
  const findings = new Map([...result.findings, ...result.acceptedFindings].map((finding) => [finding.id, finding]));
  return result.controls.map((control) => buildRecord(result, control, findings));
}

/** Serialises the records as JSON Lines: one object per line, newline-terminated. */
export function formatOcsfJsonl(result: AuditResult): string {
  return buildOcsfRecords(result)
    .map((record) => `${JSON.stringify(record)}\n`)
    .join("");
}

function buildRecord(result: AuditResult, control: ControlResult, findings: ReadonlyMap<string, Finding>): object {
  const related = control.findingIds.map((id) => findings.get(id)).filter((finding): finding is Finding => finding !== undefined);
  const status = complianceStatus(control);
  const severity = SEVERITY_IDS[status === COMPLIANCE_STATUS.fail ? highestSeverity(related) : "info"];
  const time = Date.parse(result.auditedAt);
  const { control: controlName } = splitControlId(control.id);
  const organization = result.organizationId ?? "no-organization";

  return {
    activity_id: ACTIVITY_CREATE,
    activity_name: "Create",
    category_uid: FINDINGS_CATEGORY,
    category_name: "Findings",
    class_uid: COMPLIANCE_FINDING_CLASS,
    class_name: "Compliance Finding",
    type_uid: COMPLIANCE_FINDING_CLASS * 100 + ACTIVITY_CREATE,
    type_name: "Compliance Finding: Create",
    severity_id: severity.id,
    severity: severity.name,
    time,
    status_id: 1,
    status: "New",
    message: statusDetail(control, related, status),
    metadata: {
      version: OCSF_VERSION,
      product: { name: "Lakewarden", vendor_name: "Lakewarden", version: result.lakewardenVersion ?? "unknown" },
      correlation_uid: result.runId,
      event_code: control.id,
      profiles: ["cloud"],
    },
    finding_info: {
      uid: `lakewarden:${organization}:${control.id}`,
      title: `${control.id} ${control.title}`,
      desc: statusDetail(control, related, status),
      types: ["Security Lake access governance"],
      created_time: time,
    },
    compliance: {
      standards: [frameworkName(control.framework)],
      control: controlName,
      requirements: [control.id],
      status_id: status.id,
      status: status.name,
      status_detail: statusDetail(control, related, status),
    },
    cloud: {
      provider: "AWS",
      ...(result.organizationId === undefined ? {} : { org: { uid: result.organizationId } }),
    },
    ...resourceOf(related),
    ...remediationOf(related),
    unmapped: {
      lakewarden_finding_ids: control.findingIds,
      lakewarden_gaps: control.gaps,
    },
  };
}

/**
 * Fail when a rule found something; Warning when the control was not assessed, or when it is
 * marked passed while gaps are recorded against it, since then it was not fully assessed.
 */
function complianceStatus(control: ControlResult): (typeof COMPLIANCE_STATUS)[keyof typeof COMPLIANCE_STATUS] {
  if (control.status === "failed") {
    return COMPLIANCE_STATUS.fail;
  }
  if (control.status === "not-assessed" || control.gaps.length > 0) {
    return COMPLIANCE_STATUS.warning;
  }
  return COMPLIANCE_STATUS.pass;
}

function statusDetail(control: ControlResult, related: readonly Finding[], status: { name: string }): string {
  if (status.name === "Fail") {
    return `${related.length} finding(s): ${related.map((finding) => finding.title).join("; ")}`;
  }
  if (status.name === "Warning") {
    return `Not assessed: ${control.gaps.length === 0 ? "an input this control needs was not read" : control.gaps.join("; ")}`;
  }
  return "Every rule mapped to this control was assessed and found nothing.";
}

function highestSeverity(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((highest, finding) => (severityRank(finding.severity) > severityRank(highest) ? finding.severity : highest), "info");
}

/**
 * Builds OCSF 1.1's singular `resource` from the subject of the most severe finding.
 * NOTE: a failed control with findings about several subjects names only one of them here;
 * `unmapped.lakewarden_finding_ids` lists them all. OCSF 1.3 added the `resources` array.
 */
function resourceOf(findings: readonly Finding[]): object {
  const first = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0];
  if (first === undefined) {
    return {};
  }
  const subject = first.subject;
  return {
    resource: {
      uid: subject.id,
      type: subject.kind,
      ...(subject.label === undefined ? {} : { name: subject.label }),
      ...(subject.region === undefined ? {} : { region: subject.region }),
    },
  };
}

function remediationOf(findings: readonly Finding[]): object {
  const texts = [...new Set(findings.map((finding) => finding.remediation))];
  return texts.length === 0 ? {} : { remediation: { desc: texts.join("\n\n") } };
}
