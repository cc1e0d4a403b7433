/**
 * Compliance controls judged from the rules' output. This layer imports the findings' types
 * and receives the rule metadata, and the findings layer does not import it.
 */
import type { RuleAssessment } from "../findings/assessment.js";
import type { ControlResult } from "../findings/audit-result.js";
import type { Finding } from "../findings/finding.js";
import type { RuleMetadata } from "../findings/rule-metadata.js";
import { evaluateControls } from "./controls.js";
import { loadControls, type ControlDefinition } from "./mapping.js";

export { evaluateControls } from "./controls.js";
export { loadControls, type ControlDefinition } from "./mapping.js";

/** The rules' outcome that controls are judged from: findings and how fully each rule assessed. */
export interface RulesOutcome {
  findings: readonly Finding[];
  acceptedFindings: readonly Finding[];
  assessment: readonly RuleAssessment[];
}

const cache = new Map<string, ControlDefinition[]>();

/** Reads `<policies>/compliance/` once per folder, checked against the rule metadata. */
export function shippedControls(policiesDir: string, rules: ReadonlyMap<string, RuleMetadata>): readonly ControlDefinition[] {
  let controls = cache.get(policiesDir);
  if (!controls) {
    controls = loadControls(policiesDir, rules);
    cache.set(policiesDir, controls);
  }
  return controls;
}

/** Judges every control of the policies folder from one audit's rule outcome. */
export function judgeControls(outcome: RulesOutcome, policiesDir: string, rules: ReadonlyMap<string, RuleMetadata>): ControlResult[] {
  return evaluateControls(shippedControls(policiesDir, rules), outcome.findings, outcome.acceptedFindings, outcome.assessment);
}
