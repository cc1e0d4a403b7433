import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { inputError } from "../../shared/errors.js";
import type { CliCommand } from "../command.js";
import { parseSimulateInput } from "../simulate/input.js";
import { runSimulation } from "../simulate/run.js";

/**
 * `lakewarden simulate --cli-input-json FILE`: one or more decisions for input shaped like
 * `aws iam simulate-custom-policy --cli-input-json`, printed as JSON.
 */

/** Input files larger than this are rejected: real simulator input is a few kilobytes. */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Reads and validates simulator input; accepts a `file://` prefix as the AWS CLI does. */
export async function readSimulateInput(argument: string): Promise<ReturnType<typeof parseSimulateInput>> {
  const file = argument.startsWith("file://") ? argument.slice("file://".length) : argument;
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    throw inputError("fileNotFound", file, undefined, "file not found or not readable", { cause: error });
  });
  if (text.length > MAX_INPUT_BYTES) throw inputError("inputTooLarge", file, undefined, `file is above the ${MAX_INPUT_BYTES}-byte limit`);

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError("invalidJson", file, undefined, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  return parseSimulateInput(value, file);
}

export const simulateCommand: CliCommand = {
  name: "simulate",
  register(program: Command): void {
    program
      .command("simulate")
      .description("decide requests given as `aws iam simulate-custom-policy --cli-input-json` input, extended with SCP and RCP levels")
      .requiredOption("--cli-input-json <file>", "the input file, optionally prefixed with file://")
      .option("--json", "print JSON (the only output format; accepted for consistency)")
      .action(async (options: { cliInputJson: string }) => {
        const input = await readSimulateInput(options.cliInputJson);
        const file = options.cliInputJson.replace(/^file:\/\//, "");
        process.stdout.write(`${JSON.stringify(runSimulation(input, file), null, 2)}\n`);
      });
  },
};
