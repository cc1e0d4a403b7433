import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS, needsRelaunch } from "../../src/cli/relaunch.js";

const PARENT = fileURLToPath(new URL("./support/relaunch-parent.ts", import.meta.url));
const CHILD = fileURLToPath(new URL("./support/relaunch-child.ts", import.meta.url));
const ENTRY = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../examples/acme-org", import.meta.url));

describe("needsRelaunch", () => {
  it("relaunches the graph commands only", () => {
    for (const command of ["audit", "who-can", "can-what"]) expect(needsRelaunch(["node", "lakewarden", command, "input"], [], {})).toBe(true);
    for (const command of ["collect", "import", "simulate", "--help", "--version"]) expect(needsRelaunch(["node", "lakewarden", command], [], {})).toBe(false);
    expect(needsRelaunch(["node", "lakewarden"], [], {})).toBe(false);
  });

  it("keeps the user's semi-space size", () => {
    expect(needsRelaunch(["node", "lakewarden", "audit"], ["--max-semi-space-size=8"], {})).toBe(false);
    expect(needsRelaunch(["node", "lakewarden", "audit"], [], { NODE_OPTIONS: "--enable-source-maps --max-semi-space-size=32" })).toBe(false);
    expect(needsRelaunch(["node", "lakewarden", "audit"], ["--enable-source-maps"], { NODE_OPTIONS: "--trace-warnings" })).toBe(true);
  });
});

describe("relaunch", () => {
  it("passes flags, arguments and exit code", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", PARENT, CHILD, "extra", "5"], { encoding: "utf8" });

    expect(run.status).toBe(5);
    const child = JSON.parse(run.stdout.trim()) as { execArgv: string[]; argv: string[] };
    expect(child.execArgv.slice(0, NODE_FLAGS.length)).toEqual(NODE_FLAGS);
    expect(child.execArgv).toContain("tsx");
    expect(child.argv).toEqual(["extra", "5"]);
  });

  it("passes a signal on to the child and ends with the same signal", async () => {
    const parent = spawn(process.execPath, ["--import", "tsx", PARENT, CHILD, "--wait"], { stdio: ["ignore", "pipe", "inherit"] });
    const line = await new Promise<string>((resolve) => parent.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString())));
    const { pid } = JSON.parse(line.trim()) as { pid: number };

    parent.kill("SIGTERM");
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => parent.once("exit", (...ended) => resolve(ended)));

    expect(code).toBeNull();
    expect(signal).toBe("SIGTERM");
    expect(isAlive(pid)).toBe(false);
  });

  it("runs a graph command end to end through the executable", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", ENTRY, "who-can", EXAMPLE, "--capability", "lake.blind", "--json"], { encoding: "utf8" });

    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as { grants: { capability: string }[] };
    expect(answer.grants.length).toBeGreaterThan(0);
    expect(answer.grants.every((grant) => grant.capability === "lake.blind")).toBe(true);
  });

  it("passes a usage error's exit code through", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", ENTRY, "audit"], { encoding: "utf8" });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("missing required argument");
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
