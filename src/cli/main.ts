#!/usr/bin/env node
/**
 * The `lakewarden` executable. Graph commands are run again in a child process with tuned
 * Node flags (see relaunch.ts); everything else runs here. The program is imported only
 * when it runs in this process, so a relaunch loads nothing it does not use.
 */
import { fileURLToPath } from "node:url";
import { needsRelaunch, relaunch } from "./relaunch.js";

const relaunched = needsRelaunch(process.argv, process.execArgv, process.env) ? await relaunch(fileURLToPath(import.meta.url), process.argv) : undefined;
if (relaunched === undefined) {
  const { main } = await import("./program.js");
  process.exitCode = await main(process.argv);
} else {
  process.exitCode = relaunched;
}
