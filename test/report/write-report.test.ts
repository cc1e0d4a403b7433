import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFolderName, writeReport } from "../../src/report/write-report.js";
import { LakewardenError } from "../../src/shared/errors.js";
import { exampleAuditResult } from "../fixtures/audit-results.js";

let out: string;

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), "lakewarden-report-"));
});

afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

describe("writeReport", () => {
  it("names the folder after the audit time", async () => {
    const folder = await writeReport(exampleAuditResult(), out, ["json"]);
    expect(folder).toBe(join(out, "20261204T213005Z"));
  });

  it("writes every format asked for", async () => {
    const folder = await writeReport(exampleAuditResult(), out, ["html", "json", "csv", "ocsf"]);
    expect((await readdir(folder)).sort()).toEqual([
      "access-analyzer.html",
      "controls.html",
      "coverage.html",
      "findings.csv",
      "findings.json",
      "findings.ocsf.jsonl",
      "index.html",
      "principals-1.html",
      "subscribers.html",
    ]);
  });

  it("writes html and json by default", async () => {
    const folder = await writeReport(exampleAuditResult(), out, []);
    expect((await readdir(folder)).filter((file) => file.startsWith("findings"))).toEqual(["findings.json"]);
  });

  it("leaves no partial folder", async () => {
    await writeReport(exampleAuditResult(), out, ["html"]);
    expect(await readdir(out)).toEqual(["20261204T213005Z"]);
  });

  it("suffixes a taken folder name", async () => {
    await writeReport(exampleAuditResult(), out, ["json"]);
    const second = await writeReport(exampleAuditResult(), out, ["json"]);
    expect(second).toBe(join(out, "20261204T213005Z-2"));
  });

  it("rejects an unknown format", async () => {
    await expect(writeReport(exampleAuditResult(), out, ["html", "pdf"])).rejects.toThrow(LakewardenError);
    expect(await readdir(out)).toEqual([]);
  });

  it("names the folder it cannot write", async () => {
    const blocker = join(out, "not-a-folder");
    await writeFile(blocker, "");
    await expect(writeReport(exampleAuditResult(), blocker, ["json"])).rejects.toThrow(/not-a-folder.*could not write the report folder/);
  });

  it("cross-links the pages", async () => {
    const folder = await writeReport(exampleAuditResult(), out, ["html"]);
    const files = new Set(await readdir(folder));
    for (const file of files) {
      const html = await readFile(join(folder, file), "utf8");
      const targets = [...html.matchAll(/href="([^"#]*)(#[^"]*)?"/g)].map((match) => match[1]).filter((target) => target !== "");
      expect(targets.filter((target) => !files.has(target!)), file).toEqual([]);
    }
  });
});

describe("reportFolderName", () => {
  it("drops separators and milliseconds", () => {
    expect(reportFolderName("2026-01-02T03:04:05.678Z")).toBe("20260102T030405Z");
  });

  it("converts an offset to UTC", () => {
    expect(reportFolderName("2026-01-02T03:04:05+02:00")).toBe("20260102T010405Z");
  });
});
