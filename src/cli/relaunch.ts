/**
 * Runs the commands that build an organization's access graph in a child Node process with a
 * larger young generation, a setting V8 reads only when the process starts.
 */
import { spawn } from "node:child_process";

/** Commands that build the access graph of a whole organization. */
const GRAPH_COMMANDS = new Set(["audit", "who-can", "can-what"]);

/**
 * Semi-spaces of 64 MB instead of Node 20's 16 MB. The graph build and the report writer make
 * many objects that live until their phase ends, and small semi-spaces copy each of them in
 * several scavenges. At 50,000 principals the scavenges took 2.4 s, and this flag saved 1.3 to
 * 3 s of the audit for about 100 to 200 MB more peak memory (bench/RESULTS.md). At 10,000
 * principals the difference was within noise.
 */
export const NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];

const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Returns true when `argv` runs a graph command and the semi-space size is not set yet. A size
 * the user sets in the Node options or in NODE_OPTIONS is kept.
 */
export function needsRelaunch(argv: readonly string[], execArgv: readonly string[], environment: Readonly<Record<string, string | undefined>>): boolean {
  const command = argv[2];
  if (command === undefined || !GRAPH_COMMANDS.has(command)) return false;

  const nodeOptions = [...execArgv, ...(environment["NODE_OPTIONS"] ?? "").split(/\s+/)];
  return !nodeOptions.some((flag) => flag.startsWith("--max-semi-space-size"));
}

/**
 * Runs `entry` again in a child Node process with NODE_FLAGS, the same Node options and the
 * same arguments, sharing this process's standard streams. Resolves to the child's exit code,
 * or to undefined when the child could not start, so the caller can run the command itself.
 * A signal this process receives goes to the child; a child ended by a signal ends this
 * process with the same signal.
 */
export function relaunch(entry: string, argv: readonly string[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, ...process.execArgv, entry, ...argv.slice(2)], { stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };

    child.once("error", () => {
      stopForwarding();
      resolve(undefined);
    });
    child.once("exit", (code, signal) => {
      stopForwarding();
      if (signal) {
        process.kill(process.pid, signal);
        return;
      }
      resolve(code ?? 1);
    });
  });
}
