import type { CliCommand } from "../command.js";
import { auditCommand } from "./audit.js";
import { canWhatCommand } from "./can-what.js";
import { collectCommand } from "./collect.js";
import { importCommand } from "./import.js";
import { simulateCommand } from "./simulate.js";
import { whoCanCommand } from "./who-can.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [
  collectCommand,
  importCommand,
  auditCommand,
  whoCanCommand,
  canWhatCommand,
  simulateCommand,
];
