import { join } from "node:path";
import { SEVERITIES } from "../../findings/finding.js";
import type { AuditOutcome } from "./run-audit.js";

/** Formats what `audit` prints: where the report is and the findings by severity. */
export function formatSummary(outcome: AuditOutcome, asJson: boolean): string {
  const { result, reportFolder } = outcome;
  if (asJson) {
    const summary = {
      runId: result.runId,
      reportFolder,
      countsBySeverity: result.countsBySeverity,
      acceptedFindings: result.acceptedFindings.length,
      coverageGaps: result.coverageGaps.length,
      exitCode: outcome.exitCode,
    };
    return `${JSON.stringify(summary, null, 2)}\n`;
  }

  const counts = SEVERITIES.map((severity) => `${result.countsBySeverity[severity]} ${severity}`).join(", ");
  const lines = [
    `Report: ${join(reportFolder, "index.html")}`,
    `Findings: ${counts}; ${result.acceptedFindings.length} accepted; ${result.coverageGaps.length} coverage gaps`,
  ];
  return `${lines.join("\n")}\n`;
}
