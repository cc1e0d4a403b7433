import type { CapabilityGrant } from "../evaluator/access.js";
import type { Snapshot } from "../model/snapshot.js";
import type { Baseline } from "./baseline.js";
import type { Evidence, FindingSubject, Severity } from "./finding.js";
import type { LakeIndex } from "./lake-index.js";

/** Everything a rule may read. Rules do no I/O and never change their inputs. */
export interface RuleContext {
  snapshot: Snapshot;
  grants: readonly CapabilityGrant[];
  /** Absent when the audit ran without `--baseline`. */
  baseline?: Baseline;
  /** Lookups over the snapshot, built once per audit. */
  index: LakeIndex;
  now: Date;
}

/** A finding as a rule reports it; runRules adds the id, title, remediation and controls. */
export interface FindingDraft {
  subject: FindingSubject;
  summary: string;
  evidence: Evidence[];
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
  /** `low` when no baseline states what is approved; runRules then lowers the severity one step. */
  confidence?: "high" | "low";
}

/** The result of one rule: its findings, and the inputs it lacked. */
export interface RuleOutcome {
  findings: FindingDraft[];
  /** Inputs that were absent, each a sentence naming the account, Region or baseline key. */
  gaps: string[];
  /** True when the rule judged at least one subject (or found there was none to judge). */
  assessed: boolean;
  withoutBaseline?: boolean;
  /** True when every gap is a key missing from the baseline, not an input that was not read. */
  baselineGaps?: boolean;
}

/** One check: context in, findings and assessment out. Metadata lives in policies/rules/<id>.yaml. */
export interface Rule {
  readonly id: string;
  check(context: RuleContext): RuleOutcome;
}

/** Builds an outcome; a rule with no gaps was assessed. */
export function outcome(findings: FindingDraft[], gaps: string[] = [], assessed = true): RuleOutcome {
  return { findings, gaps, assessed };
}

/** The outcome of a rule whose inputs were all missing. */
export function notAssessed(...gaps: string[]): RuleOutcome {
  return { findings: [], gaps, assessed: false };
}

/** Returns the outcome of a rule that needs a baseline key the baseline does not have. */
export function needsBaseline(gap: string): RuleOutcome {
  return { findings: [], gaps: [gap], assessed: false, baselineGaps: true };
}

/** Lowers a severity by one step, for findings that only ask for a review. */
export function lowerSeverity(severity: Severity): Severity {
  const order: Severity[] = ["critical", "high", "medium", "low", "info"];
  return order[Math.min(order.indexOf(severity) + 1, order.length - 1)] ?? "info";
}

/** A fact for evidence. */
export function fact(text: string, value?: string): Evidence {
  return value === undefined ? { kind: "fact", text } : { kind: "fact", text, value };
}
