import type { Command } from "commander";
import { importExportFolder } from "../../importer/index.js";
import { saveSnapshot } from "../../model/load.js";
import type { Snapshot } from "../../model/snapshot.js";
import type { CliCommand } from "../command.js";

/** Coverage states of calls that returned a result; every other state is a gap. */
const ANSWERED = new Set(["collected", "empty"]);

/** The summary `lakewarden import` prints: counts a reviewer checks before auditing the snapshot. */
export interface ImportSummary {
  output: string;
  accounts: number;
  principals: { users: number; roles: number; groups: number };
  coverageGaps: number;
  /** Coverage entries counted by state, gaps included. */
  coverage: Record<string, number>;
}

/** Summarizes an imported snapshot for the one-line and `--json` outputs. */
export function summarizeImport(snapshot: Snapshot, output: string): ImportSummary {
  const principals = { users: 0, roles: 0, groups: 0 };
  for (const account of snapshot.accounts) {
    principals.users += account.iam?.users.length ?? 0;
    principals.roles += account.iam?.roles.length ?? 0;
    principals.groups += account.iam?.groups.length ?? 0;
  }

  const coverage: Record<string, number> = {};
  for (const entry of snapshot.coverage) coverage[entry.state] = (coverage[entry.state] ?? 0) + 1;
  const coverageGaps = snapshot.coverage.filter((entry) => !ANSWERED.has(entry.state)).length;
  return { output, accounts: snapshot.accounts.length, principals, coverageGaps, coverage };
}

/** `lakewarden import DIR -o FILE`: an export folder in the documented layout into a snapshot file. */
export const importCommand: CliCommand = {
  name: "import",
  register(program: Command) {
    program
      .command("import")
      .description("build a snapshot from AWS CLI JSON outputs in the export layout (docs/export-layout.md)")
      .argument("<dir>", "export folder: <account-id>/global|<region>/<service>__<command>[__<param>].json|.error")
      .requiredOption("-o, --output <file>", "snapshot file to write (written atomically)")
      .option("--json", "print the summary as a JSON object")
      .action(async (dir: string, options: { output: string; json?: boolean }) => {
        const snapshot = await importExportFolder(dir);
        await saveSnapshot(snapshot, options.output);

        const summary = summarizeImport(snapshot, options.output);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          return;
        }
        const principals = summary.principals.users + summary.principals.roles;
        process.stdout.write(
          `Imported ${summary.accounts} accounts, ${principals} principals (users and roles), ${summary.coverageGaps} coverage gaps into ${summary.output}\n`,
        );
      });
  },
};
