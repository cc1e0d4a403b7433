import type { AuditResult } from "./audit-result.js";
import { severityRank, type Severity } from "./finding.js";

/** Options of `lakewarden audit` that set the exit code. */
export interface ExitCodeOptions {
  /** Exit 3 when an active finding is at or above this severity. */
  failOn?: Severity;
  /** Exit 4 when the collection has coverage gaps. */
  failOnIncomplete?: boolean;
}

/**
 * Computes the audit's exit code: 3 for findings at or above `failOn` (accepted findings never
 * count), else 4 for coverage gaps with `failOnIncomplete`, else 0. 3 wins when both apply. The
 * codes match the CLI's EXIT table.
 */
export function exitCodeFor(result: Pick<AuditResult, "findings" | "coverageGaps">, options: ExitCodeOptions = {}): 0 | 3 | 4 {
  const threshold = options.failOn;
  if (threshold && result.findings.some((finding) => severityRank(finding.severity) >= severityRank(threshold))) return 3;
  if (options.failOnIncomplete && result.coverageGaps.length > 0) return 4;
  return 0;
}
