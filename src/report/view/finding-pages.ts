/**
 * Findings split into pages: index.html contains the first page after the summary, and
 * findings-2.html, findings-3.html... contain the rest, worst first, then the accepted risks. A
 * finding's anchor is the same on every run, and its page follows from the sort order. Every
 * link to a finding goes through `FindingPages.href`, so it points at the page that contains it.
 */
import type { Acceptance } from "../../findings/audit-result.js";
import type { Finding, Severity } from "../../findings/finding.js";
import { SEVERITIES } from "../../findings/finding.js";
import type { AccountNames } from "./accounts.js";
import { findingAnchor, viewFinding, type ControlLinkView, type FindingView } from "./findings.js";
import { SEVERITY_TITLES } from "./labels.js";

/**
 * Findings per page. Each carries its full evidence, about 9 KB of HTML on average in the
 * 10,000-principal benchmark, so a page of 200 is about 2 MB and opens without delay.
 */
export const FINDINGS_PER_PAGE = 200;

/** One page of findings: a slice of the open findings, then of the accepted ones. */
export interface FindingsPage {
  number: number;
  file: string;
  open: readonly Finding[];
  accepted: readonly Finding[];
  /** Position of the page's first and last finding in the whole list, counting from 1. */
  first: number;
  last: number;
}

/** The findings pages of a report and where each finding is. */
export interface FindingPages {
  pages: FindingsPage[];
  /** Number of findings, open and accepted. */
  total: number;
  /** Returns the link to a finding on its page; an id the report does not list links to the first page. */
  href(findingId: string): string;
  /** The page holding the first accepted finding, or the last page when none is accepted. */
  acceptedFile: string;
}

/** Inputs of a finding's view besides the finding itself. */
export interface FindingViewContext {
  names: ReadonlyMap<string, string>;
  accountNames: AccountNames;
  acceptances: ReadonlyMap<string, Acceptance>;
  /** Open findings per severity in the whole report, for group headings. */
  openCounts: Readonly<Record<Severity, number>>;
  /** Returns the links to a list of controls, the same array for every finding that cites that list. */
  controlLinks(ids: readonly string[]): ControlLinkView[];
}

/** One severity's findings on a page; `continued` when the group began on an earlier page. */
export interface PageGroupView {
  severity: Severity;
  title: string;
  total: number;
  continued: boolean;
  findings: FindingView[];
}

/** The findings of one page as the templates show them. */
export interface FindingsPageView {
  first: number;
  last: number;
  total: number;
  /** True when this page shows the open-findings section: always on the first page. */
  showOpen: boolean;
  groups: PageGroupView[];
  accepted: FindingView[];
  /** True on the page where the accepted risks begin, so the `accepted` anchor is there once. */
  acceptedStart: boolean;
  /** True when this page shows the accepted-risks section (or states that none is accepted). */
  showAccepted: boolean;
}

/** Returns the file of a findings page; the first page is the index. */
export function findingsPageFile(number: number): string {
  return number === 1 ? "index.html" : `findings-${number}.html`;
}

/** Splits sorted open and accepted findings into pages and records each finding's page. */
export function pageFindings(open: readonly Finding[], accepted: readonly Finding[], perPage: number = FINDINGS_PER_PAGE): FindingPages {
  const all = [...open, ...accepted];
  const pages: FindingsPage[] = [];
  // Links are looked up once per control, subscriber and principal row that names a finding,
  // so each finding's link, with its hashed anchor, is built once here.
  const hrefOf = new Map<string, string>();

  for (let start = 0; start < all.length || pages.length === 0; start += perPage) {
    const number = pages.length + 1;
    const file = findingsPageFile(number);
    const end = Math.min(start + perPage, all.length);
    pages.push({
      number,
      file,
      open: open.slice(Math.min(start, open.length), Math.min(end, open.length)),
      accepted: accepted.slice(Math.max(0, start - open.length), Math.max(0, end - open.length)),
      first: end === start ? 0 : start + 1,
      last: end,
    });
    for (let index = start; index < end; index += 1) {
      const id = all[index]!.id;
      hrefOf.set(id, `${file}#${findingAnchor(id)}`);
    }
  }

  const firstAccepted = accepted[0];
  return {
    pages,
    total: all.length,
    href: (findingId) => hrefOf.get(findingId) ?? `${findingsPageFile(1)}#${findingAnchor(findingId)}`,
    acceptedFile: firstAccepted === undefined ? pages[pages.length - 1]!.file : pages.find((page) => page.accepted.length > 0)!.file,
  };
}

/** Builds the view of one findings page; only this page's findings get their evidence views. */
export function viewFindingsPage(page: FindingsPage, pages: FindingPages, context: FindingViewContext): FindingsPageView {
  const previous = pages.pages[page.number - 2];
  const continuing = previous?.open[previous.open.length - 1]?.severity;
  const isLast = page.number === pages.pages.length;
  const hasAccepted = pages.pages.some((candidate) => candidate.accepted.length > 0);

  const groups = SEVERITIES.map((severity) => ({
    severity,
    title: SEVERITY_TITLES[severity],
    total: context.openCounts[severity],
    continued: severity === continuing,
    findings: page.open.filter((finding) => finding.severity === severity).map((finding) => viewFinding(finding, context.names, undefined, context.accountNames, context.controlLinks)),
  })).filter((group) => group.findings.length > 0);

  return {
    first: page.first,
    last: page.last,
    total: pages.total,
    showOpen: page.number === 1 || groups.length > 0,
    groups,
    accepted: page.accepted.map((finding) => viewFinding(finding, context.names, context.acceptances.get(finding.id), context.accountNames, context.controlLinks)),
    acceptedStart: page.file === pages.acceptedFile,
    showAccepted: page.accepted.length > 0 || (isLast && !hasAccepted),
  };
}
