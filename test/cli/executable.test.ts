import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ENTRY = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../examples/acme-org", import.meta.url));

describe("lakewarden executable", () => {
  it("runs a graph command", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", ENTRY, "who-can", EXAMPLE, "--capability", "lake.blind", "--json"], { encoding: "utf8" });

    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as { grants: { capability: string }[] };
    expect(answer.grants.length).toBeGreaterThan(0);
    expect(answer.grants.every((grant) => grant.capability === "lake.blind")).toBe(true);
  });

  it("exits 2 on a usage error", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", ENTRY, "audit"], { encoding: "utf8" });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("missing required argument");
  });
});
