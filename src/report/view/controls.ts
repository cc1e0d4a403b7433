/**
 * The controls page: per framework, each control passed, failed with the findings behind it,
 * or not assessed with the gaps that kept it from being assessed.
 */
import type { ControlResult } from "../../findings/audit-result.js";
import { severityRank, type Finding } from "../../findings/finding.js";
import { controlAnchor } from "./findings.js";
import { frameworkName, splitControlId } from "./labels.js";

/**
 * Findings listed under a failed control. The rest are counted per rule with a link to each
 * rule's worst finding, so the page stays small when a control fails thousands of times.
 */
export const FINDINGS_PER_CONTROL = 10;

export interface ControlFindingView {
  id: string;
  ruleId: string;
  title: string;
  subject: string;
  severity: string;
  accepted: boolean;
  href: string;
}

/** The findings of one rule under a control: how many, and a link to the worst one. */
export interface ControlRuleView {
  ruleId: string;
  title: string;
  count: number;
  accepted: number;
  href: string;
}

export interface ControlView {
  id: string;
  anchor: string;
  control: string;
  title: string;
  status: ControlResult["status"];
  statusTitle: string;
  passed: boolean;
  failed: boolean;
  notAssessed: boolean;
  /** Not assessed because an input was not read, not only because the baseline lacks a key. */
  missingInput: boolean;
  /** The first findings, worst first, accepted ones last. */
  findings: ControlFindingView[];
  findingCount: number;
  /** Findings beyond those listed. */
  more: number;
  /** Per-rule counts, given when some findings are not listed. */
  rules: ControlRuleView[];
  gaps: string[];
}

export interface FrameworkView {
  id: string;
  name: string;
  anchor: string;
  passed: number;
  failed: number;
  notAssessed: number;
  controls: ControlView[];
}

const STATUS_TITLES = { passed: "Passed", failed: "Failed", "not-assessed": "Not assessed" } as const;

/**
 * Builds one view per framework, in the order frameworks first appear. Controls keep the
 * order the compliance mapping gave them. `findings` contains open and accepted findings,
 * so a control failed only by accepted findings still lists them.
 */
export function viewControls(
  controls: readonly ControlResult[],
  findings: readonly Finding[],
  acceptedIds: ReadonlySet<string>,
  findingHref: (findingId: string) => string,
): FrameworkView[] {
  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  const frameworks = [...new Set(controls.map((control) => control.framework))];

  return frameworks.map((framework) => {
    const views = controls.filter((control) => control.framework === framework).map((control) => viewControl(control, byId, acceptedIds, findingHref));
    return {
      id: framework,
      name: frameworkName(framework),
      anchor: controlAnchor(`framework ${framework}`),
      passed: views.filter((view) => view.passed).length,
      failed: views.filter((view) => view.failed).length,
      notAssessed: views.filter((view) => view.notAssessed).length,
      controls: views,
    };
  });
}

function viewControl(
  control: ControlResult,
  byId: ReadonlyMap<string, Finding>,
  acceptedIds: ReadonlySet<string>,
  findingHref: (findingId: string) => string,
): ControlView {
  const findings: ControlFindingView[] = control.findingIds
    .map((id) => {
      const finding = byId.get(id);
      return {
        id,
        ruleId: finding?.ruleId ?? "",
        title: finding?.title ?? id,
        subject: finding?.subject.label ?? finding?.subject.id ?? "",
        severity: finding?.severity ?? "info",
        accepted: acceptedIds.has(id),
        href: findingHref(id),
      };
    })
    // An auditor reads a failed control's worst finding first; accepted ones go last.
    .sort((a, b) => Number(a.accepted) - Number(b.accepted) || severityRank(b.severity) - severityRank(a.severity));
  const listed = findings.slice(0, FINDINGS_PER_CONTROL);

  return {
    id: control.id,
    anchor: controlAnchor(control.id),
    control: splitControlId(control.id).control,
    title: control.title,
    status: control.status,
    statusTitle: STATUS_TITLES[control.status],
    passed: control.status === "passed",
    failed: control.status === "failed",
    notAssessed: control.status === "not-assessed",
    missingInput: control.status === "not-assessed" && control.baselineGapsOnly !== true,
    findings: listed,
    findingCount: findings.length,
    more: findings.length - listed.length,
    rules: findings.length > listed.length ? countByRule(findings) : [],
    gaps: [...control.gaps],
  };
}

/** Counts findings per rule in list order, so each rule links its first (worst open) finding. */
function countByRule(findings: readonly ControlFindingView[]): ControlRuleView[] {
  const rules = new Map<string, ControlRuleView>();
  for (const finding of findings) {
    const rule = rules.get(finding.ruleId) ?? { ruleId: finding.ruleId, title: finding.title, count: 0, accepted: 0, href: finding.href };
    rule.count += 1;
    rule.accepted += Number(finding.accepted);
    rules.set(finding.ruleId, rule);
  }
  return [...rules.values()];
}
