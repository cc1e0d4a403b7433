import type { Command } from "commander";
import { SEVERITIES, type Severity } from "../../findings/finding.js";
import { inputError } from "../../shared/errors.js";
import { runAudit } from "../audit/run-audit.js";
import { formatSummary } from "../audit/summary.js";
import type { CliCommand } from "../command.js";

const FORMATS = ["html", "json", "csv", "ocsf"];

interface AuditCommandOptions {
  baseline?: string;
  exceptions?: string;
  capabilities?: string;
  out: string;
  format: string;
  failOn?: string;
  failOnIncomplete?: boolean;
  db?: string;
  store: boolean;
  json?: boolean;
}

/** `lakewarden audit INPUT`: evaluate access to the lake, run the rules, write the report. */
export const auditCommand: CliCommand = {
  name: "audit",
  register(program: Command): void {
    program
      .command("audit")
      .description("audit who can read, tamper with, administer or blind the security data lake, and write a report")
      .argument("<input>", "a snapshot file, an export folder, or an `aws iam get-account-authorization-details` file")
      .option("--baseline <file>", "YAML file of what the organization approves (docs/baseline.md)")
      .option("--exceptions <file>", "YAML file of accepted risks with justification, approver and expiry (docs/exceptions.md)")
      .option("--capabilities <file>", "capabilities YAML file (default: the shipped policies/capabilities.yaml)")
      .option("--out <dir>", "folder that receives one report folder per run", "reports")
      .option("--format <list>", `comma-separated output formats: ${FORMATS.join(", ")}`, "html,json")
      .option("--fail-on <severity>", `exit 3 when a finding is at or above this severity: ${SEVERITIES.join(", ")}`)
      .option("--fail-on-incomplete", "exit 4 when the input has coverage gaps (3 wins when both apply)")
      .option("--db <file>", "SQLite store that records runs and finding status (default ./lakewarden.db, or LAKEWARDEN_DB)")
      .option("--no-store", "do not record the run in the store")
      .option("--json", "print the run summary as JSON")
      .action(async (input: string, options: AuditCommandOptions) => {
        const formats = parseFormats(options.format);
        const failOn = parseSeverity(options.failOn);

        const outcome = await runAudit({
          input,
          ...(options.baseline ? { baselineFile: options.baseline } : {}),
          ...(options.exceptions ? { exceptionsFile: options.exceptions } : {}),
          ...(options.capabilities ? { capabilitiesFile: options.capabilities } : {}),
          outDir: options.out,
          formats,
          dbFile: options.store ? (options.db ?? "") : false,
          ...(failOn ? { failOn } : {}),
          failOnIncomplete: options.failOnIncomplete === true,
        });

        process.stdout.write(formatSummary(outcome, options.json === true));
        process.exitCode = outcome.exitCode;
      });
  },
};

function parseFormats(text: string): string[] {
  const formats = text.split(",").map((format) => format.trim()).filter(Boolean);
  const unknown = formats.filter((format) => !FORMATS.includes(format));
  if (unknown.length > 0 || formats.length === 0) {
    throw inputError("usage", "audit", "--format", `unknown format "${unknown.join(",") || text}"; expected a comma-separated list of ${FORMATS.join(", ")}`);
  }
  return formats;
}

function parseSeverity(text: string | undefined): Severity | undefined {
  if (text === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(text)) {
    throw inputError("usage", "audit", "--fail-on", `unknown severity "${text}"; expected one of ${SEVERITIES.join(", ")}`);
  }
  return text as Severity;
}
