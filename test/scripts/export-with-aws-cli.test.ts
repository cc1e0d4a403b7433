import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExportFolder } from "../../src/importer/index.js";

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL("../../scripts/export-with-aws-cli.sh", import.meta.url));
const FAKE_AWS = fileURLToPath(new URL("../fake-aws-cli", import.meta.url));
const EXPORT = fileURLToPath(new URL("../fixtures/importer/small-org", import.meta.url));

/** Commands the script may call: reads, and the request that builds the credential report. */
const READ_ONLY = /^(list-|get-|describe-|lookup-events$|generate-credential-report$)/;

let work: string;
let out: string;
let calls: string[][];
let stdout: string;

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name))).sort();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "lakewarden-script-"));
  out = join(work, "export");
  const log = join(work, "calls.log");
  const result = await run("bash", [SCRIPT, "--out", out, "--regions", "us-east-1,eu-west-1", "--org-role", "LakewardenAudit", "--external-id", "lw-2026"], {
    env: {
      ...process.env,
      PATH: `${FAKE_AWS}:${process.env.PATH ?? ""}`,
      HOME: work,
      FAKE_AWS_LOG: log,
      FAKE_AWS_EXPORT: EXPORT,
      FAKE_AWS_CALLER_ACCOUNT: "111111111111",
    },
  });
  stdout = result.stdout;
  calls = (await readFile(log, "utf8")).trimEnd().split("\n").map((line) => line.split("\t"));
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

/** Returns the AWS CLI service and command of a recorded call, skipping options and their values. */
function commandOf(argv: string[]): [string, string] {
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    if (argument.startsWith("--")) {
      if (i + 1 < argv.length && !(argv[i + 1] as string).startsWith("--")) i++;
    } else {
      positional.push(argument);
    }
  }
  return [positional[0] ?? "", positional[1] ?? ""];
}

describe("export-with-aws-cli.sh", () => {
  it("reports what it exported", () => {
    expect(stdout).toBe(`Exported 4 accounts in 2 Regions to ${out}\n`);
  });

  it("makes only read-only calls", () => {
    const writes = calls.map(commandOf).filter(([, command]) => !READ_ONLY.test(command));
    expect(writes).toEqual([]);
  });

  it("writes every file of the source export", async () => {
    const expected = (await filesUnder(EXPORT)).filter((file) => file !== "export.json");
    const written = new Set(await filesUnder(out));
    expect(expected.filter((file) => !written.has(file))).toEqual([]);
  });

  it("writes outputs and errors unchanged", async () => {
    for (const file of ["222222222222/us-east-1/securitylake__list-subscribers.json", "333333333333/global/iam__get-account-authorization-details.error"]) {
      expect(await readFile(join(out, file), "utf8")).toBe(await readFile(join(EXPORT, file), "utf8"));
    }
  });

  it("turns failed calls into .error files", async () => {
    const error = await readFile(join(out, "444444444444/global/iam__get-account-authorization-details.error"), "utf8");
    expect(error).toMatch(/An error occurred \(AccessDenied\) when calling the GetAccountAuthorizationDetails operation/);
  });

  it("skips suspended accounts", async () => {
    expect((await readdir(out)).sort()).toEqual(["111111111111", "222222222222", "333333333333", "444444444444", "export.json"]);
  });

  it("reaches member accounts through the org role profile", () => {
    const profiles = new Set(calls.map((argv) => argv[argv.indexOf("--profile") + 1]).filter((value) => value?.startsWith("lakewarden-")));
    expect([...profiles].sort()).toEqual(["lakewarden-222222222222", "lakewarden-333333333333", "lakewarden-444444444444"]);
  });

  it("reads Security Lake in the delegated administrator only", () => {
    const lakeCalls = calls.filter((argv) => commandOf(argv)[0] === "securitylake");
    expect(lakeCalls.every((argv) => argv.includes("lakewarden-222222222222"))).toBe(true);
    expect(lakeCalls).toHaveLength(8);
  });

  it("writes export.json with the management account", async () => {
    const manifest = JSON.parse(await readFile(join(out, "export.json"), "utf8")) as Record<string, string>;
    expect(manifest.managementAccountId).toBe("111111111111");
    expect(manifest.collectedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it("leaves no temporary files", async () => {
    expect((await readdir(work)).sort()).toEqual(["calls.log", "export"]);
    expect((await filesUnder(out)).filter((file) => file.split("/").some((part) => part.startsWith(".")))).toEqual([]);
  });

  it("produces an export the importer reads", async () => {
    const snapshot = await importExportFolder(out);
    expect(snapshot.accounts.map((account) => account.accountId)).toEqual(["111111111111", "222222222222", "333333333333", "444444444444"]);
  });

  it("rejects another account without --org-role", async () => {
    const fresh = join(work, "not-written");
    const env = { ...process.env, PATH: `${FAKE_AWS}:${process.env.PATH ?? ""}`, FAKE_AWS_LOG: join(work, "rejected.log"), FAKE_AWS_EXPORT: EXPORT, FAKE_AWS_CALLER_ACCOUNT: "111111111111" };
    await expect(run("bash", [SCRIPT, "--out", fresh, "--regions", "us-east-1", "--accounts", "222222222222"], { env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/account 222222222222 is not the caller's account; pass --org-role/),
    });
    await expect(readdir(fresh)).resolves.toEqual([]);
    await rm(join(work, "rejected.log"), { force: true });
    await rm(fresh, { recursive: true, force: true });
  });

  it("rejects a folder that is not empty", async () => {
    await expect(run("bash", [SCRIPT, "--out", out, "--regions", "us-east-1"], { env: { ...process.env, PATH: `${FAKE_AWS}:${process.env.PATH ?? ""}` } })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/is not empty; choose a new folder/),
    });
  });
});
