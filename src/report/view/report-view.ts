/**
 * The whole report as view data: a pure function of the audit result, which the HTML pages
 * (and the reviewer service) render. Nothing here formats HTML. The findings and principals
 * pages are planned here and built into views one page at a time as they are rendered.
 */
import type { AuditResult } from "../../findings/audit-result.js";
import type { Finding } from "../../findings/finding.js";
import { SEVERITIES, type Severity } from "../../findings/finding.js";
import { principalNames, viewAccess, type AccessView } from "./access.js";
import { viewAccessAnalyzer, type AccessAnalyzerView } from "./access-analyzer.js";
import { viewControls, type FrameworkView } from "./controls.js";
import { viewCoverage, type CoverageView } from "./coverage.js";
import { pageFindings, type FindingPages, type FindingViewContext } from "./finding-pages.js";
import { controlLink, sortFindings, type ControlLinkView } from "./findings.js";
import { SEVERITY_TITLES } from "./labels.js";
import { viewSubscribers, type SubscribersView } from "./subscribers.js";
import { formatTime } from "./text.js";

export interface RunView {
  runId: string;
  organizationId?: string;
  audited: string;
  collected: string;
  sourceKind: string;
  sourcePath?: string;
  accountCount: number;
  principalCount: number;
  lakewardenVersion: string;
}

export interface SeverityCountView {
  severity: string;
  title: string;
  count: number;
  /** Bar length out of 100 relative to the largest count, for the summary chart. */
  bar: number;
  /** Link to the first open finding of this severity; absent when there is none. */
  href?: string;
}

export interface ReportView {
  run: RunView;
  severities: SeverityCountView[];
  findingCount: number;
  acceptedCount: number;
  findingPages: FindingPages;
  findingContext: FindingViewContext;
  access: AccessView;
  subscribers: SubscribersView;
  frameworks: FrameworkView[];
  controlTotals: { passed: number; failed: number; notAssessed: number };
  coverage: CoverageView;
  accessAnalyzer: AccessAnalyzerView;
  /** True for an IAM-only audit: the input held no Security Lake. */
  iamOnly: boolean;
}

/** Builds the report's view data from an audit result. */
export function viewReport(result: AuditResult): ReportView {
  const accountNames = result.accountNames ?? {};
  const names = principalNames(result.grants, accountNames, result.subscribers);
  const open = sortFindings(result.findings);
  const findingPages = pageFindings(open, sortFindings(result.acceptedFindings));
  const href = findingPages.href;
  const everyFinding = [...result.findings, ...result.acceptedFindings];
  const acceptedIds = new Set(result.acceptedFindings.map((finding) => finding.id));
  const frameworks = viewControls(result.controls, everyFinding, acceptedIds, href);

  return {
    run: viewRun(result),
    severities: viewSeverities(result.countsBySeverity, open, href),
    findingCount: result.findings.length,
    acceptedCount: result.acceptedFindings.length,
    findingPages,
    findingContext: {
      names,
      accountNames,
      acceptances: new Map((result.acceptances ?? []).map((acceptance) => [acceptance.findingId, acceptance])),
      openCounts: countBySeverity(open),
      controlLinks: memoiseLists(controlLink),
    },
    access: viewAccess(result.grants, names, everyFinding, accountNames, href, result.subscribers),
    subscribers: viewSubscribers(result.subscribers, everyFinding, accountNames, href),
    frameworks,
    controlTotals: {
      passed: sum(frameworks.map((framework) => framework.passed)),
      failed: sum(frameworks.map((framework) => framework.failed)),
      notAssessed: sum(frameworks.map((framework) => framework.notAssessed)),
    },
    coverage: viewCoverage(result.coverageGaps, notAssessedControls(frameworks)),
    accessAnalyzer: viewAccessAnalyzer(result.accessAnalyzer, accountNames),
    iamOnly: result.capabilitiesOnAnyResource === true,
  };
}

function viewRun(result: AuditResult): RunView {
  return {
    runId: result.runId,
    organizationId: result.organizationId,
    audited: formatTime(result.auditedAt),
    collected: formatTime(result.collectedAt),
    sourceKind: result.source.kind,
    sourcePath: result.source.path,
    accountCount: result.accountCount,
    principalCount: result.principalCount,
    lakewardenVersion: result.lakewardenVersion ?? "unknown version",
  };
}

function viewSeverities(counts: AuditResult["countsBySeverity"], open: readonly Finding[], href: (findingId: string) => string): SeverityCountView[] {
  const largest = Math.max(1, ...SEVERITIES.map((severity) => counts[severity] ?? 0));
  return SEVERITIES.map((severity) => {
    const count = counts[severity] ?? 0;
    const first = open.find((finding) => finding.severity === severity);
    return { severity, title: SEVERITY_TITLES[severity], count, bar: Math.round((count / largest) * 100), href: first === undefined ? undefined : href(first.id) };
  });
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) {
    counts[finding.severity] += 1;
  }
  return counts;
}

/** Controls not assessed for an input that was not read; those waiting only on the baseline are left to the controls page. */
function notAssessedControls(frameworks: readonly FrameworkView[]): { id: string; label: string; href: string }[] {
  return frameworks.flatMap((framework) =>
    framework.controls.filter((control) => control.missingInput).map((control) => ({ id: control.id, label: control.id.replace(":", " "), href: `controls.html#${control.anchor}` })),
  );
}

/**
 * Shares one list of links between the findings that cite the same controls, which are the
 * findings of one rule, so the report renders each list once (the `memo` helper).
 */
function memoiseLists(link: (id: string) => ControlLinkView): (ids: readonly string[]) => ControlLinkView[] {
  const lists = new Map<string, ControlLinkView[]>();
  return (ids) => {
    const key = ids.join("\n");
    let cached = lists.get(key);
    if (cached === undefined) {
      cached = ids.map(link);
      lists.set(key, cached);
    }
    return cached;
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
