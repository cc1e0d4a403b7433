/**
 * The HTML pages of a report: index (summary, then the first findings), further findings
 * pages, principals pages, subscribers, controls and coverage, cross-linked through one
 * navigation bar.
 */
import type { LayoutData, PageRenderer, PageTemplate } from "./render.js";
import { principalsPageFile, viewPrincipalsPage } from "./view/access.js";
import { viewFindingsPage, type FindingsPage } from "./view/finding-pages.js";
import type { ReportView } from "./view/report-view.js";

/** One rendered page: its file name inside the report folder and its HTML. */
export interface RenderedPage {
  file: string;
  html: string;
}

interface NavEntry {
  title: string;
  href: string;
  page: PageTemplate;
  count?: (view: ReportView) => number;
}

const NAV: readonly NavEntry[] = [
  { title: "Summary", href: "index.html", page: "index" },
  { title: "Who can", href: principalsPageFile(1), page: "principals" },
  { title: "Subscribers", href: "subscribers.html", page: "subscribers", count: (view) => view.subscribers.notApproved },
  { title: "Access Analyzer", href: "access-analyzer.html", page: "access-analyzer" },
  { title: "Controls", href: "controls.html", page: "controls", count: (view) => view.controlTotals.failed },
  { title: "Coverage", href: "coverage.html", page: "coverage", count: (view) => view.coverage.gapCount },
];

/**
 * Renders the pages of the report one at a time, each from view data built for it alone, so
 * a writer keeps one page's data and HTML in memory even for hundreds of pages.
 */
export function* renderPages(view: ReportView, renderer: PageRenderer): Generator<RenderedPage> {
  const layout = (page: PageTemplate, title: string): LayoutData => ({ title, run: view.run, nav: navFor(page, view) });
  const coverageComplete = view.coverage.complete;
  const findingPages = view.findingPages;
  const findingsOf = (page: FindingsPage) => ({
    findings: viewFindingsPage(page, findingPages, view.findingContext),
    findingPager: pagerOf(findingPages.pages, page.number),
  });

  const [firstFindings, ...moreFindings] = findingPages.pages;
  const indexData = {
    run: view.run,
    iamOnly: view.iamOnly,
    coverage: view.coverage,
    severities: view.severities,
    findingCount: view.findingCount,
    acceptedCount: view.acceptedCount,
    acceptedHref: `${findingPages.acceptedFile}#accepted`,
    controlTotals: view.controlTotals,
    accessAnalyzer: view.accessAnalyzer,
    subscribers: view.subscribers,
    access: { summaries: view.access.summaries, totalRows: view.access.totalRows },
    findingsOnIndex: true,
    ...findingsOf(firstFindings!),
  };
  yield { file: "index.html", html: renderer.render("index", layout("index", "Summary"), indexData) };

  for (const page of moreFindings) {
    const title = `Findings ${page.first} to ${page.last}`;
    yield { file: page.file, html: renderer.render("findings", layout("findings", title), findingsOf(page)) };
  }

  const pageLinks = view.access.pages.map((page) => ({ number: page.number, file: page.file }));
  for (const page of view.access.pages) {
    const data = {
      page,
      sections: viewPrincipalsPage(page, view.access.rowContext),
      pager: pagerOf(pageLinks, page.number),
      totalRows: view.access.totalRows,
      coverageComplete,
    };
    yield { file: page.file, html: renderer.render("principals", layout("principals", `Who can reach the lake (page ${page.number})`), data) };
  }

  yield { file: "subscribers.html", html: renderer.render("subscribers", layout("subscribers", "Subscribers"), { subscribers: view.subscribers, coverageComplete }) };
  yield {
    file: "access-analyzer.html",
    html: renderer.render("access-analyzer", layout("access-analyzer", "IAM Access Analyzer comparison"), { analyzerView: view.accessAnalyzer }),
  };
  yield {
    file: "controls.html",
    html: renderer.render("controls", layout("controls", "Compliance controls"), { frameworks: view.frameworks, run: view.run, coverage: view.coverage, totals: view.controlTotals }),
  };
  yield { file: "coverage.html", html: renderer.render("coverage", layout("coverage", "Coverage"), { coverage: view.coverage }) };
}

/** The links of a pager: every page, the current one marked, and the pages before and after it. */
export interface PagerView {
  pages: { number: number; file: string; current: boolean }[];
  previous?: string;
  next?: string;
}

function pagerOf(pages: readonly { number: number; file: string }[], current: number): PagerView {
  return {
    pages: pages.map((link) => ({ number: link.number, file: link.file, current: link.number === current })),
    previous: pages[current - 2]?.file,
    next: pages[current]?.file,
  };
}

function navFor(current: PageTemplate, view: ReportView): LayoutData["nav"] {
  return NAV.map((entry) => {
    const count = entry.count?.(view);
    return { title: entry.title, href: entry.href, current: entry.page === current, count: count === 0 ? undefined : count };
  });
}
