import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";
import { LAKE_BUCKET, account, allow, arnOf, doc, role, snapshot, trust, user } from "./support/mini-org.js";

const folder = mkdtempSync(join(tmpdir(), "lakewarden-graph-cli-"));
const file = join(folder, "snapshot.json");
writeFileSync(
  file,
  JSON.stringify(
    snapshot([
      account({
        lake: true,
        users: [user("alice", [doc(allow("sts:AssumeRole", arnOf("role", "Reader")))])],
        roles: [role("Reader", trust({ AWS: arnOf("user", "alice") }), [{ Version: "2012-10-17", Statement: [{ Sid: "ReadLake", Effect: "Allow", Action: "s3:GetObject", Resource: `${LAKE_BUCKET}/*` }] }])],
      }),
    ]),
  ),
);

async function run(...args: string[]): Promise<{ code: number; output: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const code = await main(["node", "lakewarden", ...args]);
  spy.mockRestore();
  return { code, output: chunks.join("") };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe("who-can and can-what", () => {
  it("who-can prints the permitting Sid", async () => {
    const { output } = await run("who-can", file, "--capability", "lake.read");
    expect(output).toContain("Sid ReadLake");
  });

  it("who-can --json lists alice with a two-step path", async () => {
    const { output } = await run("who-can", file, "--capability", "lake.read", "--json");
    const alice = JSON.parse(output).grants.find((grant: { principal: { id: string } }) => grant.principal.id === arnOf("user", "alice"));
    expect(alice.path).toHaveLength(2);
  });

  it("who-can by action finds alice through Reader", async () => {
    const { output } = await run("who-can", file, "--action", "s3:GetObject", "--resource", `${LAKE_BUCKET}/x.parquet`, "--json");
    expect(JSON.parse(output).grants.map((grant: { principal: { id: string } }) => grant.principal.id)).toContain(arnOf("user", "alice"));
  });

  it("can-what lists lake.read for alice", async () => {
    const { output } = await run("can-what", file, "--principal", arnOf("user", "alice"), "--json");
    expect(JSON.parse(output).grants.map((grant: { capability: string }) => grant.capability)).toContain("lake.read");
  });

  it("an unknown capability exits 2", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const { code } = await run("who-can", file, "--capability", "lake.nothing");
    vi.restoreAllMocks();
    expect(code).toBe(2);
  });

  it("an unknown principal exits 2", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const { code } = await run("can-what", file, "--principal", "arn:aws:iam::111122223333:user/nobody");
    vi.restoreAllMocks();
    expect(code).toBe(2);
  });
});
