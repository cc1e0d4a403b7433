import { z } from "zod";
import type { CredentialReportEntry } from "../../model/snapshot.js";
import { inputError } from "../../shared/errors.js";
import { defineCommand } from "../command.js";
import { compareText } from "../region-builder.js";

/** The CSV columns the snapshot keeps; passwords and keys themselves are never in the report. */
const COLUMNS = [
  "user",
  "arn",
  "password_enabled",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_used_date",
  "access_key_2_active",
  "access_key_2_last_used_date",
] as const;

type Column = (typeof COLUMNS)[number];

const credentialReportSchema = z.looseObject({
  Content: z.string(),
  ReportFormat: z.string().optional(),
  GeneratedTime: z.string().optional(),
});

/**
 * `iam get-credential-report`: the CLI prints the CSV report base64-encoded in `Content`. Only
 * the columns in COLUMNS are read; the rest (certificates, rotation dates) is dropped on read.
 */
export const getCredentialReport = defineCommand({
  service: "iam",
  command: "get-credential-report",
  iamPrefix: "iam",
  operation: "GetCredentialReport",
  scope: "global",
  takesParam: false,
  schema: credentialReportSchema,
  apply(output, target) {
    target.account.credentialReport = parseCredentialReport(output.Content, target.file);
  },
  isEmpty: (output) => output.Content.length === 0,
});

/** Decodes and reads the base64 CSV; a missing column is an input error naming it. */
export function parseCredentialReport(content: string, file: string): CredentialReportEntry[] {
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(content)) {
    throw inputError("invalidExport", file, "$.Content", "expected the base64-encoded CSV credential report");
  }

  const lines = Buffer.from(content, "base64").toString("utf8").split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines[0] ?? "").split(",");
  const index = new Map(header.map((name, position) => [name, position]));
  for (const column of COLUMNS) {
    if (!index.has(column)) throw inputError("invalidExport", file, "$.Content", `credential report CSV has no "${column}" column`);
  }

  const entries = lines.slice(1).map((line, row) => {
    const cells = line.split(",");
    const cell = (column: Column): string => cells[index.get(column) as number] ?? "";
    if (cells.length !== header.length) {
      throw inputError("invalidExport", file, "$.Content", `credential report row ${row + 1} has ${cells.length} cells, expected ${header.length}`);
    }
    return toEntry(cell);
  });
  return entries.sort((a, b) => compareText(a.arn, b.arn));
}

function toEntry(cell: (column: Column) => string): CredentialReportEntry {
  const entry: CredentialReportEntry = {
    user: cell("user"),
    arn: cell("arn"),
    // The root user's row has `not_supported` here, read as false because the report gives no value.
    passwordEnabled: cell("password_enabled") === "true",
    mfaActive: cell("mfa_active") === "true",
    accessKey1Active: cell("access_key_1_active") === "true",
    accessKey2Active: cell("access_key_2_active") === "true",
  };
  const lastUsed1 = dateCell(cell("access_key_1_last_used_date"));
  const lastUsed2 = dateCell(cell("access_key_2_last_used_date"));
  if (lastUsed1) entry.accessKey1LastUsed = lastUsed1;
  if (lastUsed2) entry.accessKey2LastUsed = lastUsed2;
  return entry;
}

/** Returns the date in a cell, or undefined for the report's `N/A` and `no_information`. */
function dateCell(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value : undefined;
}
