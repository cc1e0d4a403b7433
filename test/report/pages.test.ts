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

describe("page text", () => {
  it("stays in Latin-1 for Latin-1 data", async () => {
    // One character beyond U+00FF makes V8 store a page with two bytes a character, so the
    // templates write arrows as entities.
    const latin1 = JSON.parse(JSON.stringify(exampleAuditResult()).replaceAll("\u2192", "->")) as ReturnType<typeof exampleAuditResult>;
    const pages = await renderResult(latin1);
    const wide = pages.filter((page) => /[\u0100-\uffff]/.test(page.html)).map((page) => page.file);
    expect(wide).toEqual([]);
  });
});

describe("coverage banners", () => {
  const malformed = { accountId: "111122223333", region: "global", service: "iam", operation: "GetAccountAuthorizationDetails", param: "arn:aws:iam::111122223333:role/app#inline", state: "error" as const, errorCode: "MalformedPolicyDocument", message: "$.Statement[0].Effect: expected \"Allow\" or \"Deny\"" };

  it("tells unread inputs from malformed policies", async () => {
    const result = exampleAuditResult();
    result.coverageGaps = [...result.coverageGaps, malformed];
    const pages = await renderResult(result);
    const coverage = pages.find((page) => page.file === "coverage.html")!.html;
    const index = pages.find((page) => page.file === "index.html")!.html;

    expect(coverage).toContain("2 inputs were not read.");
    expect(coverage).toContain("1 policy could not be fully evaluated.");
    expect(coverage).toContain("Not fully evaluated");
    expect(index).toContain("2 inputs could not be read, and 1 policy could not be fully evaluated;");
  });

  it("omits the unread count when none", async () => {
    const pages = await renderResult({ ...exampleAuditResult(), coverageGaps: [malformed] });
    const coverage = pages.find((page) => page.file === "coverage.html")!.html;

    expect(coverage).not.toContain("not read");
    expect(coverage).toContain("1 policy could not be fully evaluated.");
  });
});

describe("coverage page controls", () => {
  it("omits baseline-only controls", async () => {
    const result = exampleAuditResult();
    const [waiting, unread] = result.controls.filter((control) => control.status !== "failed");
    Object.assign(waiting!, { status: "not-assessed", gaps: ["subscriber-exceeds-approval: the baseline lists no approvedSubscribers"], baselineGapsOnly: true });
    Object.assign(unread!, { status: "not-assessed", gaps: ["rule: IAM of 1 not read"] });
    const coverage = (await renderResult(result)).find((page) => page.file === "coverage.html")!.html;
    const listed = coverage.slice(coverage.indexOf("Controls not assessed for missing inputs"));

    expect(listed).toContain(`>${unread!.id.replace(":", " ")}<`);
    expect(listed).not.toContain(`>${waiting!.id.replace(":", " ")}<`);
  });
});
