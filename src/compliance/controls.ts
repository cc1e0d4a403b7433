import type { RuleAssessment } from "../findings/assessment.js";
import type { ControlResult } from "../findings/audit-result.js";
import type { Finding } from "../findings/finding.js";
import type { ControlDefinition } from "./mapping.js";

/**
 * Judges each control. It fails when an active finding of one of its rules remains. Otherwise it
 * is not assessed, with the gaps, when any of its rules could not judge all of its inputs, and it
 * passes only when every rule was fully assessed and found nothing. Accepted findings do not fail
 * a control, and are listed apart.
 */
export function evaluateControls(
  controls: readonly ControlDefinition[],
  findings: readonly Finding[],
  acceptedFindings: readonly Finding[],
  assessment: readonly RuleAssessment[],
): ControlResult[] {
  const byRule = new Map(assessment.map((entry) => [entry.ruleId, entry]));
  const activeIds = idsByRule(findings);
  const acceptedIds = idsByRule(acceptedFindings);

  return controls.map((control) => {
    const failing = control.rules.flatMap((ruleId) => activeIds.get(ruleId) ?? []);
    const accepted = control.rules.flatMap((ruleId) => acceptedIds.get(ruleId) ?? []);
    const unassessed = control.rules.map((ruleId) => ({ ruleId, entry: byRule.get(ruleId) })).filter(({ entry }) => entry?.status !== "assessed");
    const gaps = unassessed.flatMap(({ ruleId, entry }) => (entry ? entry.gaps.map((gap) => `${ruleId}: ${gap}`) : [`${ruleId}: not run`]));
    const baselineGapsOnly = unassessed.length > 0 && unassessed.every(({ entry }) => entry?.baselineGaps === true);

    let status: ControlResult["status"] = "passed";
    if (failing.length > 0) status = "failed";
    else if (gaps.length > 0) status = "not-assessed";
    return {
      id: control.id,
      framework: control.framework,
      title: control.title,
      status,
      findingIds: failing,
      gaps,
      ...(baselineGapsOnly ? { baselineGapsOnly: true } : {}),
      ...(accepted.length > 0 ? { acceptedFindingIds: accepted } : {}),
    };
  });
}

function idsByRule(findings: readonly Finding[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const finding of findings) {
    const list = ids.get(finding.ruleId);
    if (list) list.push(finding.id);
    else ids.set(finding.ruleId, [finding.id]);
  }
  return ids;
}
