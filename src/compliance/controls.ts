import type { ControlResult, RuleAssessment } from "../findings/audit-result.js";
import type { Finding } from "../findings/finding.js";
import type { ControlDefinition } from "./mapping.js";

/**
 * Judges each control: failed when an active finding of one of its rules remains, otherwise
 * not assessed when any of its rules could not judge all of its inputs (with those gaps), and
 * passed only when every rule was fully assessed and found nothing. Accepted findings do not
 * fail a control; they are listed apart.
 */
export function evaluateControls(
  controls: readonly ControlDefinition[],
  findings: readonly Finding[],
  acceptedFindings: readonly Finding[],
  assessment: readonly RuleAssessment[],
): ControlResult[] {
  const byRule = new Map(assessment.map((entry) => [entry.ruleId, entry]));

  return controls.map((control) => {
    const rules = new Set(control.rules);
    const failing = findings.filter((finding) => rules.has(finding.ruleId)).map((finding) => finding.id);
    const accepted = acceptedFindings.filter((finding) => rules.has(finding.ruleId)).map((finding) => finding.id);
    const gaps = control.rules.flatMap((ruleId) => {
      const entry = byRule.get(ruleId);
      if (!entry) return [`${ruleId}: not run`];
      return entry.status === "assessed" ? [] : entry.gaps.map((gap) => `${ruleId}: ${gap}`);
    });

    const status: ControlResult["status"] = failing.length > 0 ? "failed" : gaps.length > 0 ? "not-assessed" : "passed";
    return {
      id: control.id,
      framework: control.framework,
      title: control.title,
      status,
      findingIds: failing,
      gaps,
      ...(accepted.length > 0 ? { acceptedFindingIds: accepted } : {}),
    };
  });
}
