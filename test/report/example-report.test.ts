/**
 * Audits the bundled example organization and opens its report in headless Chromium. Each
 * planted risk of examples/README.md must be visible with its evidence: the path hops and the
 * statement ids. The Access Analyzer comparison and the controls page must open too.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/cli/audit/run-audit.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const hasChromium = existsSync(CHROMIUM);

const EXAMPLE = fileURLToPath(new URL("../../examples/acme-org", import.meta.url));
const BASELINE = fileURLToPath(new URL("../../examples/acme-org.baseline.yaml", import.meta.url));

let browser: Browser;
let out: string;
let folder: string;

async function openPage(file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(join(folder, file)).href);
  return page;
}

/** The finding article titled `title` whose text contains `text`; exactly one must match. */
function finding(page: Page, title: string, text: string): Locator {
  return page.locator("article.finding").filter({ has: page.locator("h4", { hasText: title }) }).filter({ hasText: text });
}

describe.skipIf(!hasChromium)(`example report in Chromium${hasChromium ? "" : " (skipped: /usr/bin/chromium is not installed; apt-get install chromium)"}`, () => {
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "lakewarden-example-report-"));
    const outcome = await runAudit({ input: EXAMPLE, baselineFile: BASELINE, outDir: out, formats: ["html"], dbFile: false, now: new Date("2026-12-04T22:00:00Z") });
    folder = outcome.reportFolder;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await rm(out, { recursive: true, force: true });
  });

  it("shows the pipeline that can delete log sources", async () => {
    const page = await openPage("index.html");
    const blind = finding(page, "Unapproved principal can blind the lake", "platform-pipeline (acme-prod-web) → SecurityLakeOperations (acme-log-archive)");

    await expect.poll(() => blind.isVisible()).toBe(true);
    const hops = await blind.locator("ol.path > li").allInnerTexts();
    expect(hops).toHaveLength(2);
    expect(hops[0]).toContain("AssumeDeploymentRoles");
    expect(hops[1]).toContain("ManageAwsLogSources");
  });

  it("shows the developer's role chain", async () => {
    const page = await openPage("index.html");
    const read = finding(page, "Unapproved principal can read lake data", "AWSReservedSSO_DeveloperAccess_5d9e0b7c2a41f836 (acme-dev-sandbox) → shared-analytics (acme-security-audit)");

    await expect.poll(() => read.isVisible()).toBe(true);
    const hops = await read.locator("ol.path > li").allInnerTexts();
    expect(hops[0]).toContain("SandboxDevelopers");
    expect(hops[1]).toContain("ReadSecurityLakeObjects");
  });

  it("shows the unapproved Fabrikam subscriber", async () => {
    const page = await openPage("index.html");
    const subscriber = finding(page, "Subscriber not approved", "fabrikam-siem-trial");

    await expect.poll(() => subscriber.isVisible()).toBe(true);
    expect(await subscriber.innerText()).toContain("389900112233");
  });

  it("lists the Fabrikam subscriber as not approved", async () => {
    const page = await openPage("subscribers.html");
    const row = page.locator("tr", { hasText: "fabrikam-siem-trial" });

    expect(await row.locator(".tag.approval-not-approved").innerText()).toBe("Not approved");
  });

  it("shows the legacy role's wildcard trust", async () => {
    const page = await openPage("index.html");
    const trust = finding(page, "Role holding lake access has a broad trust policy", "SecurityLakeQueryLegacy");

    await expect.poll(() => trust.isVisible()).toBe(true);
    expect(await trust.locator(".statement").first().innerText()).toContain("LegacyQueryToolAccess");
  });

  it("shows the Contoso bucket grant", async () => {
    const page = await openPage("index.html");
    const bucket = finding(page, "Lake bucket policy grants too widely", "ContosoForensicsEngagement2025");

    await expect.poll(() => bucket.isVisible()).toBe(true);
    expect(await bucket.innerText()).toContain("463728190055");
    await page.screenshot({ path: join(tmpdir(), "lakewarden-example-index.png") });
  });

  it("compares with Access Analyzer", async () => {
    const page = await openPage("access-analyzer.html");
    const outcome = (resource: string, account: string): Promise<string> =>
      page.locator("tr", { hasText: resource }).filter({ hasText: account }).locator(".tag").first().innerText();

    expect(await outcome("role/AmazonSecurityLake-c61a8e3f-5b7d-4e92-a0c4-9f2b6d8e1a75", "389900112233")).toBe("Both report");
    expect(await outcome("s3:::aws-security-data-lake-us-east-1-q7m2x9k4p1w8z3n6b5v0c2l4j8h1ty", "463728190055")).toBe("Both report");
    expect(await outcome("role/shared-analytics", "956617283546")).toBe("Only Lakewarden");
  });

  it("sums up the comparison on the index", async () => {
    const page = await openPage("index.html");

    expect(await page.locator(".totals li", { hasText: "IAM Access Analyzer" }).innerText()).toMatch(/\d+ agree, \d+ only in Access Analyzer, \d+ only in Lakewarden/);
  });

  it("opens the controls page", async () => {
    const page = await openPage("index.html");
    await page.getByRole("link", { name: /^Controls/ }).click();
    await page.waitForURL(/controls\.html$/);

    expect(await page.locator("h1").innerText()).toBe("Compliance controls");
  });
});
