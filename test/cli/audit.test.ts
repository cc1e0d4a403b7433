import { mkdtemp, mkdir, readdir, readFile, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/acme-org", import.meta.url));
const BASELINE = fileURLToPath(new URL("../../examples/acme-org.baseline.yaml", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process and captures what it prints. */
async function run(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  process.exitCode = undefined;
  try {
    const code = await main(["node", "lakewarden", ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "lakewarden-audit-"));
});

afterEach(() => {
  process.exitCode = undefined;
});

describe("audit on the example organization", () => {
  it("writes the report and prints where it is", async () => {
    const out = join(work, "reports");
    const result = await run("audit", EXAMPLE, "--baseline", BASELINE, "--out", out, "--db", join(work, "lw.db"));

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Report: .*index\.html$/m);
    const [folder] = await readdir(out);
    expect(folder).toMatch(/^\d{8}T\d{6}Z$/);
    const files = await readdir(join(out, folder ?? ""));
    expect(files).toContain("index.html");
    expect(files).toContain("findings.json");
  });

  it("reports each planted risk", async () => {
    const out = join(work, "reports");
    await run("audit", EXAMPLE, "--baseline", BASELINE, "--out", out, "--no-store");
    const [folder] = await readdir(out);
    const json = JSON.parse(await readFile(join(out, folder ?? "", "findings.json"), "utf8")) as { findings: { id: string }[] };
    const ids = json.findings.map((finding) => finding.id);

    expect(ids).toContain("access-unapproved-blind:arn:aws:iam::845506172435:role/platform-pipeline");
    expect(ids).toContain("access-unapproved-read:arn:aws:iam::956617283546:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DeveloperAccess_5d9e0b7c2a41f836");
    expect(ids).toContain("subscriber-account-not-approved:c61a8e3f-5b7d-4e92-a0c4-9f2b6d8e1a75");
    expect(ids).toContain("access-role-trust-too-broad:arn:aws:iam::518273649102:role/SecurityLakeQueryLegacy");
    expect(ids).toContain("lake-bucket-policy-too-broad:arn:aws:s3:::aws-security-data-lake-us-east-1-q7m2x9k4p1w8z3n6b5v0c2l4j8h1ty");
  });

  it("exits 3 at the --fail-on threshold", async () => {
    const result = await run("audit", EXAMPLE, "--baseline", BASELINE, "--out", join(work, "r"), "--no-store", "--fail-on", "high");
    expect(result.code).toBe(3);
  });

  it("marks findings new then open in the store", async () => {
    const db = join(work, "lw.db");
    await run("audit", EXAMPLE, "--baseline", BASELINE, "--out", join(work, "r1"), "--db", db);
    await run("audit", EXAMPLE, "--baseline", BASELINE, "--out", join(work, "r2"), "--db", db, "--format", "json");
    const [folder] = await readdir(join(work, "r2"));
    const json = JSON.parse(await readFile(join(work, "r2", folder ?? "", "findings.json"), "utf8")) as { findings: { status?: string }[] };
    expect(json.findings.every((finding) => finding.status === "open")).toBe(true);
  });
});

describe("audit of one authorization-details file", () => {
  it("says the audit is IAM-only", async () => {
    const file = join(work, "authz.json");
    const details = {
      UserDetailList: [],
      GroupDetailList: [],
      RoleDetailList: [],
      Policies: [{ PolicyName: "p", PolicyId: "ANPA1", Arn: "arn:aws:iam::111122223333:policy/p", Path: "/", DefaultVersionId: "v1", AttachmentCount: 0, IsAttachable: true, PolicyVersionList: [{ Document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }, VersionId: "v1", IsDefaultVersion: true }] }],
    };
    await writeFile(file, JSON.stringify(details));
    const out = join(work, "reports");

    const result = await run("audit", file, "--out", out, "--no-store");

    expect(result.code).toBe(0);
    const [folder] = await readdir(out);
    const html = await readFile(join(out, folder ?? "", "index.html"), "utf8");
    expect(html).toContain("No Security Lake in the input.");
    const json = JSON.parse(await readFile(join(out, folder ?? "", "findings.json"), "utf8")) as { run: { capabilitiesOnAnyResource: boolean } };
    expect(json.run.capabilitiesOnAnyResource).toBe(true);
  });
});

describe("audit on a policy that breaks the grammar", () => {
  /** Writes an authorization-details file whose one user has an inline policy with a misspelt Effect. */
  async function writeDetails(): Promise<string> {
    const file = join(work, "authz.json");
    const statements = [
      { Sid: "Typo", Effect: "Allwo", Action: "s3:GetObject", Resource: "*" },
      { Sid: "Fine", Effect: "Allow", Action: "iam:ListUsers", Resource: "*" },
    ];
    const user = {
      Path: "/",
      UserName: "analyst",
      UserId: "AIDAEXAMPLEANALYST01",
      Arn: "arn:aws:iam::111122223333:user/analyst",
      CreateDate: "2025-01-02T03:04:05+00:00",
      UserPolicyList: [{ PolicyName: "reader", PolicyDocument: { Version: "2012-10-17", Statement: statements } }],
      GroupList: [],
      AttachedManagedPolicies: [],
    };
    await writeFile(file, JSON.stringify({ UserDetailList: [user], GroupDetailList: [], RoleDetailList: [], Policies: [] }));
    return file;
  }

  it("reports the policy as a coverage gap", async () => {
    const out = join(work, "reports");
    const result = await run("audit", await writeDetails(), "--out", out, "--no-store", "--fail-on-incomplete");

    expect(result.code).toBe(4);
    const [folder] = await readdir(out);
    const json = JSON.parse(await readFile(join(out, folder ?? "", "findings.json"), "utf8")) as { coverage: { gaps: { param?: string; errorCode?: string; message?: string }[] } };
    const gap = json.coverage.gaps.find((entry) => entry.param === "arn:aws:iam::111122223333:user/analyst#reader");
    expect([gap?.errorCode, gap?.message]).toEqual(["MalformedPolicyDocument", expect.stringContaining("$.Statement[0].Effect")]);
  });

  it("says so in who-can", async () => {
    const result = await run("who-can", await writeDetails(), "--capability", "lake.read");

    expect(result.stdout).toMatch(/^note: 1 policy breaks the policy grammar or could not be read \(arn:aws:iam::111122223333:user\/analyst#reader\)/m);
    expect(result.stdout).toContain("What its broken statements grant or deny is left out");
  });
});

describe("audit on malformed input", () => {
  async function expectInputError(input: string, message: RegExp): Promise<void> {
    const out = join(work, "reports");
    const result = await run("audit", input, "--out", out, "--no-store");
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    await expect(readdir(out)).rejects.toThrow();
  }

  it("rejects truncated JSON", async () => {
    const file = join(work, "authz.json");
    await writeFile(file, '{"UserDetailList": [{"UserName": "al');
    await expectInputError(file, /authz\.json.*JSON/);
  });

  it("rejects an empty folder", async () => {
    const folder = join(work, "empty");
    await mkdir(folder);
    await expectInputError(folder, /empty/);
  });

  it("rejects an unknown file in the layout", async () => {
    const copy = join(work, "export");
    await cp(EXAMPLE, copy, { recursive: true });
    await writeFile(join(copy, "518273649102", "global", "notes.txt"), "hello");
    await expectInputError(copy, /notes\.txt/);
  });

  it("rejects a policy document that is not JSON", async () => {
    const file = join(work, "authz.json");
    const document = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [{ PolicyName: "p", PolicyId: "ANPA1", Arn: "arn:aws:iam::111122223333:policy/p", Path: "/", DefaultVersionId: "v1", AttachmentCount: 0, IsAttachable: true, PolicyVersionList: [{ Document: "%7Bnot json", VersionId: "v1", IsDefaultVersion: true }] }] };
    await writeFile(file, JSON.stringify(document));
    await expectInputError(file, /authz\.json.*PolicyVersionList\[0\]\.Document/);
  });
});
