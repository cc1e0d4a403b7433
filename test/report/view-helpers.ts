/** Builds every page's view of a report view, for tests that look across pages. */
import { viewPrincipalsPage, type GrantRowView } from "../../src/report/view/access.js";
import { viewFindingsPage, type FindingsPageView } from "../../src/report/view/finding-pages.js";
import type { FindingView } from "../../src/report/view/findings.js";
import type { ReportView } from "../../src/report/view/report-view.js";

export function findingsPageViews(view: ReportView): FindingsPageView[] {
  return view.findingPages.pages.map((page) => viewFindingsPage(page, view.findingPages, view.findingContext));
}

/** Open findings of every page, in page order. */
export function openFindingViews(view: ReportView): FindingView[] {
  return findingsPageViews(view).flatMap((page) => page.groups.flatMap((group) => group.findings));
}

/** Accepted findings of every page, in page order. */
export function acceptedFindingViews(view: ReportView): FindingView[] {
  return findingsPageViews(view).flatMap((page) => page.accepted);
}

/** Rows of every principals page with the file of their page. */
export function principalRows(view: ReportView): (GrantRowView & { file: string })[] {
  return view.access.pages.flatMap((page) =>
    viewPrincipalsPage(page, view.access.rowContext).flatMap((section) => section.rows.map((row) => ({ ...row, file: page.file }))),
  );
}
