import type { CliCommand } from "../command.js";
import { collectCommand } from "./collect.js";
import { importCommand } from "./import.js";
import { simulateCommand } from "./simulate.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [collectCommand, importCommand, simulateCommand];
