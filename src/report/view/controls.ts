/**
 * The controls page: per framework, each control passed, failed with the findings behind it,
 * or not assessed with the gaps that kept it from being assessed.
 */
import type { ControlResult } from "../../findings/audit-result.js";
import { severityRank, type Finding } from "../../findings/finding.js";
import { FINDINGS_PAGE, controlAnchor, findingAnchor } from "./findings.js";
import { frameworkName, splitControlId } from "./labels.js";

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
  findings: { id: string; title: string; subject: string; severity: string; accepted: boolean; href: string }[];
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
export function viewControls(controls: readonly ControlResult[], findings: readonly Finding[], acceptedIds: ReadonlySet<string>): FrameworkView[] {
  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  const frameworks = [...new Set(controls.map((control) => control.framework))];

  return frameworks.map((framework) => {
    const views = controls.filter((control) => control.framework === framework).map((control) => viewControl(control, byId, acceptedIds));
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

function viewControl(control: ControlResult, byId: ReadonlyMap<string, Finding>, acceptedIds: ReadonlySet<string>): ControlView {
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
    findings: control.findingIds
      .map((id) => {
        const finding = byId.get(id);
        return {
          id,
          title: finding?.title ?? id,
          subject: finding?.subject.label ?? finding?.subject.id ?? "",
          severity: finding?.severity ?? "info",
          accepted: acceptedIds.has(id),
          href: `${FINDINGS_PAGE}#${findingAnchor(id)}`,
        };
      })
      // An auditor reads a failed control's worst finding first; accepted ones go last.
      .sort((a, b) => Number(a.accepted) - Number(b.accepted) || severityRank(b.severity) - severityRank(a.severity)),
    gaps: [...control.gaps],
  };
}
