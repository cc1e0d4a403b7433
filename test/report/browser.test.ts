/**
 * Opens written reports in headless Chromium: the summary and a finding's evidence render,
 * navigation reaches the controls page, no script from a hostile string runs, and the pages'
 * own markup causes no Content-Security-Policy violation. Screenshots go to /tmp for review.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/findings/audit-result.js";
import { writeReport } from "../../src/report/write-report.js";
import { exampleAuditResult, hostileAuditResult, manyFindingsAuditResult } from "../fixtures/audit-results.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const hasChromium = existsSync(CHROMIUM);

let browser: Browser;
let out: string;

/** Opens a report page and records console messages and page errors while it loads. */
async function open(result: AuditResult, file = "index.html"): Promise<{ page: Page; messages: string[] }> {
  const folder = await writeReport(result, out, ["html"]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const messages: string[] = [];
  page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  await page.goto(pathToFileURL(join(folder, file)).href);
  return { page, messages };
}

describe.skipIf(!hasChromium)(`report in Chromium${hasChromium ? "" : " (skipped: /usr/bin/chromium is not installed; apt-get install chromium)"}`, () => {
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "lakewarden-browser-"));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await rm(out, { recursive: true, force: true });
  });

  it("shows the summary by severity", async () => {
    const { page } = await open(exampleAuditResult());
    const cards = await page.locator(".cards .card").allInnerTexts();
    expect(cards.map((card) => card.replace(/\s+/g, " ").trim())).toEqual(["1 Critical", "4 High", "1 Medium", "1 Low", "0 Informational"]);
    await page.screenshot({ path: join(tmpdir(), "lakewarden-report-index.png"), fullPage: true });
  });

  it("shows a finding's statements and role chain", async () => {
    const { page } = await open(exampleAuditResult());
    const chain = page.locator("article.finding", { hasText: "developer → ci-build → lake-query-automation" });
    expect(await chain.locator("ol.path > li").count()).toBe(3);
    const blind = page.locator("article.finding", { hasText: "Unapproved principal can blind the lake" });
    expect(await blind.locator(".statement pre").innerText()).toContain('"securitylake:DeleteAwsLogSource"');
  });

  it("navigates to the controls page", async () => {
    const { page } = await open(exampleAuditResult());
    await page.getByRole("link", { name: /^Controls/ }).click();
    await page.waitForURL(/controls\.html$/);
    expect(await page.locator("h1").innerText()).toBe("Compliance controls");
    await page.screenshot({ path: join(tmpdir(), "lakewarden-report-controls.png"), fullPage: true });
  });

  it("links a failed control to its finding", async () => {
    const { page } = await open(exampleAuditResult(), "controls.html");
    await page.locator("tr", { hasText: "Protection of audit information" }).getByRole("link", { name: "Unapproved principal can blind the lake" }).click();
    await page.waitForURL(/index\.html#f-/);
    expect(await page.locator("article.finding:target h4").innerText()).toBe("Unapproved principal can blind the lake");
  });

  it("pages through the findings", async () => {
    const { page } = await open(manyFindingsAuditResult(450));
    await page.locator('nav[aria-label="Findings pages"]').first().getByRole("link", { name: "2", exact: true }).click();
    await page.waitForURL(/findings-2\.html$/);
    expect(await page.locator("article.finding").count()).toBe(200);
    expect(await page.locator("h1").innerText()).toBe("Findings 201 to 400 of 458");
  });

  it("reaches a finding on a later page", async () => {
    const { page } = await open(manyFindingsAuditResult(450), "principals-1.html");
    await page.locator("tr", { hasText: "app-00449-reader" }).getByRole("link", { name: "Unapproved principal can read lake data" }).click();
    await page.waitForURL(/findings-3\.html#f-/);
    expect(await page.locator("article.finding:target").innerText()).toContain("app-00449-reader");
  });

  it("reaches the accepted risks", async () => {
    const { page } = await open(manyFindingsAuditResult(450));
    await page.locator(".totals").getByRole("link", { name: /accepted risk/ }).click();
    await page.waitForURL(/findings-3\.html#accepted$/);
    expect(await page.locator("section:target article.finding.accepted").count()).toBe(1);
  });

  it.each(["index.html", "principals-1.html", "subscribers.html", "access-analyzer.html", "controls.html", "coverage.html"])("runs no hostile script on %s", async (file) => {
    const { page } = await open(hostileAuditResult(), file);
    expect(await page.evaluate(() => (globalThis as unknown as { __lwXss?: unknown }).__lwXss)).toBeUndefined();
    if (file === "index.html") {
      await page.screenshot({ path: join(tmpdir(), "lakewarden-report-hostile.png"), fullPage: false });
    }
  });

  it.each(["index.html", "principals-1.html", "subscribers.html", "access-analyzer.html", "controls.html", "coverage.html"])("logs no CSP violation on %s", async (file) => {
    const { page, messages } = await open(exampleAuditResult(), file);
    await page.waitForLoadState("load");
    expect(messages).toEqual([]);
  });
});
