import { describe, expect, it } from "vitest";
import { exampleAuditResult, largeAuditResult } from "../fixtures/audit-results.js";
import { renderResult } from "./render-helpers.js";

describe("principals pages", () => {
  it("writes one file per page", async () => {
    const pages = await renderResult(largeAuditResult(1200));
    expect(pages.filter((page) => page.file.startsWith("principals-")).map((page) => page.file)).toEqual(["principals-1.html", "principals-2.html", "principals-3.html"]);
  });

  it("links every page from each page", async () => {
    const pages = await renderResult(largeAuditResult(1200));
    const second = pages.find((page) => page.file === "principals-2.html")!.html;
    expect([...second.matchAll(/<nav class="pager"[\s\S]*?<\/nav>/g)][0]![0]).toMatch(/principals-1\.html[\s\S]*principals-2\.html" aria-current="page"[\s\S]*principals-3\.html/);
  });

  it("omits the pager for one page", async () => {
    const pages = await renderResult(largeAuditResult(10));
    expect(pages.find((page) => page.file === "principals-1.html")!.html).not.toContain('class="pager"');
  });
});

describe("Access Analyzer page", () => {
  it("says not assessed without analyzer data", async () => {
    const pages = await renderResult(exampleAuditResult());
    expect(pages.find((page) => page.file === "access-analyzer.html")!.html).toContain("Not assessed: no Access Analyzer data");
  });
});
