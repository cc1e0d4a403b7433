import type { Command } from "commander";

/**
 * One CLI command. `register` adds it to the program; its action sets `process.exitCode`
 * and throws LakewardenError for input problems, which main turns into one line and exit 2.
 */
export interface CliCommand {
  readonly name: string;
  register(program: Command): void;
}
