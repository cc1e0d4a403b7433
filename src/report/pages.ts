/**
 * The HTML pages of a report: index (summary, then findings), principals pages, subscribers,
 * controls and coverage, cross-linked through one navigation bar.
 */
import type { LayoutData, PageRenderer, PageTemplate } from "./render.js";
import { principalsPageFile } from "./view/access.js";
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
 * Renders the pages of the report one at a time, so a writer keeps one page's HTML in memory
 * even when a large organization needs hundreds of principals pages.
 */
export function* renderPages(view: ReportView, renderer: PageRenderer): Generator<RenderedPage> {
  const layout = (page: PageTemplate, title: string): LayoutData => ({ title, run: view.run, nav: navFor(page, view) });
  const coverageComplete = view.coverage.complete;
  const pageLinks = view.access.pages.map((page) => ({ number: page.number, file: page.file }));

  // The index shows only the access summaries; leaving the rows out keeps its render small.
  const indexData = { ...view, access: { summaries: view.access.summaries, totalRows: view.access.totalRows } };
  yield { file: "index.html", html: renderer.render("index", layout("index", "Summary"), indexData) };

  for (const page of view.access.pages) {
    const data = {
      page,
      pages: pageLinks.map((link) => ({ ...link, current: link.number === page.number })),
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

function navFor(current: PageTemplate, view: ReportView): LayoutData["nav"] {
  return NAV.map((entry) => {
    const count = entry.count?.(view);
    return { title: entry.title, href: entry.href, current: entry.page === current, count: count === 0 ? undefined : count };
  });
}
