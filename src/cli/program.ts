import { Command, CommanderError } from "commander";
import { isLakewardenError } from "../shared/errors.js";
import { COMMANDS } from "./commands/index.js";
import { EXIT } from "./exit-codes.js";

/** Builds the program with every registered command; tests call it without a process. */
export function buildProgram(): Command {
  const program = new Command("lakewarden")
    .description("Access-governance auditor for Amazon Security Lake")
    .version("0.1.0")
    .configureOutput({
      // One line per usage error, like every other input error, with the way to more help.
      outputError: (text, write) => write(`lakewarden: ${text.trim().replace(/^error: /, "usage error: ")} (see --help)\n`),
    })
    .exitOverride();
  for (const command of COMMANDS) command.register(program);
  return program;
}

/** Prints one line for an error and returns the exit code it maps to. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    const helpCodes = ["commander.helpDisplayed", "commander.help", "commander.version"];
    if (helpCodes.includes(error.code)) return EXIT.ok;
    return EXIT.usageOrInputError;
  }
  if (isLakewardenError(error)) {
    process.stderr.write(`lakewarden: error ${error.code}: ${error.message}\n`);
    return error.kind === "input" ? EXIT.usageOrInputError : EXIT.runtimeError;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`lakewarden: unexpected error: ${message}\n`);
  return EXIT.runtimeError;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    return reportError(error);
  }
  return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
}
