/**
 * findings.csv: one row per finding, open and accepted, in the flat upper-case column layout
 * reviewers know from cloud posture scanners. Cells that a spreadsheet would run as a formula
 * are neutralised with a leading apostrophe.
 */
import type { AuditResult } from "../../findings/audit-result.js";
import type { Evidence, Finding } from "../../findings/finding.js";
import { sortFindings } from "../view/findings.js";

/** Columns in file order. */
export const CSV_COLUMNS = [
  "AUDITED_AT",
  "RUN_ID",
  "ORGANIZATION_UID",
  "ACCOUNT_UID",
  "REGION",
  "FINDING_UID",
  "CHECK_ID",
  "CHECK_TITLE",
  "STATUS",
  "STATUS_EXTENDED",
  "MUTED",
  "MUTED_JUSTIFICATION",
  "MUTED_UNTIL",
  "SEVERITY",
  "FINDING_STATUS",
  "RESOURCE_TYPE",
  "RESOURCE_UID",
  "RESOURCE_NAME",
  "EVIDENCE",
  "REMEDIATION_RECOMMENDATION_TEXT",
  "COMPLIANCE",
] as const;

/**
 * Characters that make a spreadsheet read a cell as a formula (`=`, `+`, `-`, `@`) or that
 * some applications strip before doing so (tab, carriage return). Checked after leading
 * spaces, which spreadsheets also skip.
 */
const FORMULA_START = /^[ ]*[=+\-@\t\r]/;

/** Prefixes a formula-like cell with `'` so spreadsheets show it as text. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Quotes a cell for RFC 4180 CSV after neutralising it. */
export function csvCell(value: string): string {
  return `"${neutraliseCell(value).replace(/"/g, '""')}"`;
}

/** Builds findings.csv: a header row, then open findings, then accepted ones, CRLF line ends. */
export function formatFindingsCsv(result: AuditResult): string {
  const acceptances = new Map((result.acceptances ?? []).map((acceptance) => [acceptance.findingId, acceptance]));
  const rows = [
    ...sortFindings(result.findings).map((finding) => rowOf(result, finding, undefined)),
    ...sortFindings(result.acceptedFindings).map((finding) => rowOf(result, finding, acceptances.get(finding.id) ?? null)),
  ];
  const lines = [CSV_COLUMNS.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

type AcceptanceOrNone = { justification: string; expiresAt: string } | null | undefined;

/** `undefined` acceptance marks an open finding; `null`, an accepted one whose exception is unknown. */
function rowOf(result: AuditResult, finding: Finding, acceptance: AcceptanceOrNone): string[] {
  const muted = acceptance !== undefined;
  return [
    result.auditedAt,
    result.runId,
    result.organizationId ?? "",
    finding.subject.accountId ?? "",
    finding.subject.region ?? "",
    finding.id,
    finding.ruleId,
    finding.title,
    "FAIL",
    finding.summary,
    muted ? "True" : "False",
    acceptance?.justification ?? "",
    acceptance?.expiresAt ?? "",
    finding.severity,
    finding.status ?? (muted ? "accepted" : ""),
    finding.subject.kind,
    finding.subject.id,
    finding.subject.label ?? "",
    evidenceText(finding.evidence),
    finding.remediation,
    finding.controls.join(" | "),
  ];
}

/** Formats evidence one item per line: paths as `A -> B -> C`, statements as policy and Sid. */
function evidenceText(evidence: readonly Evidence[]): string {
  return evidence
    .map((item) => {
      if (item.kind === "path") {
        const nodes = item.steps.length === 0 ? [] : [item.steps[0]!.from, ...item.steps.map((step) => step.to)];
        return `path${item.capability === undefined ? "" : ` (${item.capability})`}: ${nodes.join(" -> ")}`;
      }
      if (item.kind === "statement") {
        return `${item.effect} ${item.policyType} policy ${item.policyName ?? item.policyId} statement ${item.statementIndex}${item.sid === undefined ? "" : ` Sid ${item.sid}`}`;
      }
      return item.value === undefined ? item.text : `${item.text}: ${item.value}`;
    })
    .join("\n");
}
