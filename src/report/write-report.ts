/**
 * Writes a report folder: `<out>/<YYYYMMDDTHHMMSSZ>/` with the HTML pages and the
 * machine-readable files asked for. The folder is built aside and renamed into place, so it
 * appears whole or not at all.
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { AuditResult } from "../findings/audit-result.js";
import { LakewardenError, bug, isLakewardenError } from "../shared/errors.js";
import { writeFolderAtomic } from "../shared/atomic-write.js";
import { formatFindingsCsv } from "./outputs/findings-csv.js";
import { findingsJsonChunks } from "./outputs/findings-json.js";
import { formatOcsfJsonl } from "./outputs/findings-ocsf.js";
import { OverlappedWriter } from "./overlapped-writes.js";
import { renderPages } from "./pages.js";
import { loadRenderer } from "./render.js";
import { viewReport } from "./view/report-view.js";

/** Output formats `--format` accepts. */
export const REPORT_FORMATS = ["html", "json", "csv", "ocsf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats written when none are given. */
export const DEFAULT_FORMATS: readonly ReportFormat[] = ["html", "json"];

/**
 * The files each non-HTML format writes. findings.json goes out in chunks: for a large
 * organization it is longer than the longest string V8 can build.
 */
const FORMAT_FILES: Record<Exclude<ReportFormat, "html">, { file: string; format: (result: AuditResult) => string | Iterable<string> }> = {
  json: { file: "findings.json", format: findingsJsonChunks },
  csv: { file: "findings.csv", format: formatFindingsCsv },
  ocsf: { file: "findings.ocsf.jsonl", format: formatOcsfJsonl },
};

/**
 * Writes the report of `result` under `outDir` and returns the new folder's path. The folder
 * is named after the audit time in UTC; when that name is taken (two audits in one second),
 * `-2`, `-3`... is appended. Raises a usage error for an unknown format, and a write error
 * naming the folder when it cannot be written. Neither leaves a folder behind.
 */
export async function writeReport(result: AuditResult, outDir: string, formats: readonly string[]): Promise<string> {
  const chosen = parseFormats(formats);
  const folder = await freeFolderName(outDir, reportFolderName(result.auditedAt));

  try {
    await writeFolderAtomic(folder, (temporary) => fillFolder(temporary, result, chosen));
  } catch (error) {
    if (isLakewardenError(error)) {
      throw error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new LakewardenError("writeFailed", `${folder}: could not write the report folder: ${reason}`, { cause: error });
  }
  return folder;
}

async function fillFolder(temporary: string, result: AuditResult, chosen: ReadonlySet<ReportFormat>): Promise<void> {
  const writer = new OverlappedWriter();
  try {
    if (chosen.has("html")) {
      const renderer = await loadRenderer();
      for (const page of renderPages(viewReport(result), renderer)) {
        await writer.write(join(temporary, page.file), page.html);
      }
    }
    for (const [format, output] of Object.entries(FORMAT_FILES)) {
      if (chosen.has(format as ReportFormat)) {
        const content = output.format(result);
        const path = join(temporary, output.file);
        await (typeof content === "string" ? writer.write(path, content) : writer.writeChunks(path, content));
      }
    }
    await writer.finish();
  } finally {
    // The folder is removed when filling fails, so no write may still be running then.
    await writer.settle();
  }
}

/** Formats `2026-12-04T21:30:05.123Z` as `20261204T213005Z`; raises when the time is invalid. */
export function reportFolderName(auditedAt: string): string {
  const time = new Date(auditedAt);
  if (Number.isNaN(time.getTime())) {
    throw bug(`audit time "${auditedAt}" is not an ISO-8601 time`);
  }
  return `${time.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

function parseFormats(formats: readonly string[]): Set<ReportFormat> {
  const wanted = formats.length === 0 ? DEFAULT_FORMATS : formats.map((format) => format.trim().toLowerCase());
  for (const format of wanted) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new LakewardenError("usage", `--format: unknown format "${format}"; expected a comma-separated list of ${REPORT_FORMATS.join(", ")}`);
    }
  }
  return new Set(wanted as ReportFormat[]);
}

async function freeFolderName(outDir: string, name: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = join(outDir, attempt === 1 ? name : `${name}-${attempt}`);
    if (!(await exists(candidate))) {
      return candidate;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
