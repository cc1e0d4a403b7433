/** Renders fixture results to page HTML without writing files, for tests of the markup. */
import type { AuditResult } from "../../src/findings/audit-result.js";
import { renderPages, type RenderedPage } from "../../src/report/pages.js";
import { loadRenderer } from "../../src/report/render.js";
import { viewReport } from "../../src/report/view/report-view.js";

export async function renderResult(result: AuditResult): Promise<RenderedPage[]> {
  return [...renderPages(viewReport(result), await loadRenderer())];
}

/** Returns every `href` attribute value of a page, decoded as the browser reads it. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => decodeEntities(match[1]!));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
