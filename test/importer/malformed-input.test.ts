import { existsSync } from "node:fs";
import { mkdir, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";
import { importExportFolder, MAX_OUTPUT_FILE_BYTES } from "../../src/importer/index.js";
import { EMPTY_AUTHORIZATION_DETAILS, removeExport, writeExport } from "./export-folder.js";

const ACCOUNT = "123456789012";
const AUTHZ = `${ACCOUNT}/global/iam__get-account-authorization-details.json`;
const ROLE_WITH_BAD_TRUST = JSON.stringify({
  RoleDetailList: [
    {
      Path: "/",
      RoleName: "broken",
      RoleId: "AROAEXAMPLEBROKEN001",
      Arn: `arn:aws:iam::${ACCOUNT}:role/broken`,
      AssumeRolePolicyDocument: "Version=2012-10-17;Statement=Allow",
    },
  ],
});

const roots: string[] = [];
async function exportOf(files: Record<string, string>): Promise<string> {
  const root = await writeExport(files);
  roots.push(root);
  return root;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(roots.splice(0).map(removeExport));
});

/** Each case: the files of an export, and the one error line expected (after the temp root). */
const CASES: Array<[string, Record<string, string>, RegExp]> = [
  [
    "truncated JSON",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS.slice(0, 40) },
    /\/123456789012\/global\/iam__get-account-authorization-details\.json: \$\.GroupDetailList\[0\]: not valid JSON at character 40/,
  ],
  [
    "an undecodable trust policy",
    { [AUTHZ]: ROLE_WITH_BAD_TRUST },
    /iam__get-account-authorization-details\.json: \$\.RoleDetailList\[0\]\.AssumeRolePolicyDocument: policy document is neither JSON nor URL-encoded JSON/,
  ],
  [
    "an undecodable bucket policy",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/s3api__get-bucket-policy__lake-bucket.json`]: '{"Policy":"%7B%22Version%22%3A%ZZ"}' },
    /s3api__get-bucket-policy__lake-bucket\.json: \$\.Policy: policy document is neither JSON nor URL-encoded JSON/,
  ],
  [
    "an undecodable SCP",
    {
      [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS,
      [`${ACCOUNT}/global/organizations__describe-policy__p-abcd12345.json`]: JSON.stringify({
        Policy: {
          PolicySummary: { Id: "p-abcd12345", Arn: "arn:aws:organizations::123456789012:policy/o-x/service_control_policy/p-abcd12345", Name: "Guard", Type: "SERVICE_CONTROL_POLICY", AwsManaged: false },
          Content: '{"Version":"2012-10-17","Statement":[',
        },
      }),
    },
    /organizations__describe-policy__p-abcd12345\.json: \$\.Policy\.Content: policy document is neither JSON nor URL-encoded JSON/,
  ],
  [
    "an unknown file",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/global/notes.txt`]: "hello" },
    /\/global\/notes\.txt: not part of the export layout/,
  ],
  [
    "an unsupported command",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/ec2__describe-instances.json`]: "{}" },
    /\/us-east-1\/ec2__describe-instances\.json: not part of the export layout/,
  ],
  [
    "a bad account folder name",
    { [`12345/global/iam__get-account-authorization-details.json`]: EMPTY_AUTHORIZATION_DETAILS },
    /\/12345: not part of the export layout: the export folder holds 12-digit account folders/,
  ],
  [
    "a bad Region folder name",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/US_EAST_1/glue__get-resource-policy.json`]: "{}" },
    /\/US_EAST_1: not part of the export layout/,
  ],
  [
    "a global command in a Region folder",
    { [`${ACCOUNT}/us-east-1/iam__get-account-authorization-details.json`]: EMPTY_AUTHORIZATION_DETAILS },
    /iam get-account-authorization-details is a global command/,
  ],
  [
    "a parameter made of dots",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/s3api__get-bucket-policy__...json`]: "{}" },
    /s3api__get-bucket-policy__\.\.\.json: not part of the export layout/,
  ],
  [
    "a parameter with a space",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/s3api__get-bucket-policy__my bucket.json`]: "{}" },
    /s3api__get-bucket-policy__my bucket\.json: not part of the export layout/,
  ],
  [
    "a missing parameter",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/s3api__get-bucket-policy.json`]: "{}" },
    /s3api get-bucket-policy files are named <service>__<command>__<param>/,
  ],
  [
    "a policy type Lakewarden does not read",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/global/organizations__list-policies__TAG_POLICY.json`]: '{"Policies":[]}' },
    /"TAG_POLICY" is not a valid <param> for organizations list-policies/,
  ],
  [
    "an unknown RAM resource owner",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/ram__list-principals__EVERYONE.json`]: '{"principals":[]}' },
    /"EVERYONE" is not a valid <param> for ram list-principals/,
  ],
  [
    "both .json and .error",
    {
      [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS,
      [`${ACCOUNT}/global/iam__get-account-authorization-details.error`]: "An error occurred (AccessDenied) when calling the GetAccountAuthorizationDetails operation: no",
    },
    /both iam__get-account-authorization-details\.json and iam__get-account-authorization-details\.error exist/,
  ],
  [
    "a field of the wrong type",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/securitylake__list-data-lakes.json`]: '{"dataLakes":[{"dataLakeArn":7,"region":"us-east-1"}]}' },
    /securitylake__list-data-lakes\.json: \$\.dataLakes\[0\]\.dataLakeArn: Invalid input: expected string, received number/,
  ],
  [
    "a wrong type inside a union",
    { [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/securitylake__list-log-sources.json`]: '{"sources":[{"account":5,"region":"us-east-1","sources":[]}]}' },
    /securitylake__list-log-sources\.json: \$\.sources\[0\]\.account: Invalid input: expected string, received number/,
  ],
  [
    "a CloudTrail record nested too deep",
    {
      [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS,
      [`${ACCOUNT}/us-east-1/cloudtrail__lookup-events__CreateSubscriber.json`]: JSON.stringify({
        Events: [{ EventId: "e1", EventName: "CreateSubscriber", EventTime: "2026-01-01T00:00:00Z", CloudTrailEvent: `${"[".repeat(10000)}${"]".repeat(10000)}` }],
      }),
    },
    /cloudtrail__lookup-events__CreateSubscriber\.json: \$\.Events\[0\]\.CloudTrailEvent: expected a CloudTrail record as a JSON object/,
  ],
  [
    "a CloudTrail record nested in objects too deep",
    {
      [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS,
      [`${ACCOUNT}/us-east-1/cloudtrail__lookup-events__CreateSubscriber.json`]: JSON.stringify({
        Events: [{ EventId: "e1", EventName: "CreateSubscriber", EventTime: "2026-01-01T00:00:00Z", CloudTrailEvent: `${'{"a":'.repeat(10000)}1${"}".repeat(10000)}` }],
      }),
    },
    /\$\.Events\[0\]\.CloudTrailEvent: CloudTrail record nests deeper than 64 levels/,
  ],
  [
    "an empty output file",
    { [AUTHZ]: "" },
    /iam__get-account-authorization-details\.json: \$: the file is empty/,
  ],
  [
    "an invalid export.json",
    { "export.json": '{"collectedAt":"yesterday"}', [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS },
    /export\.json: \$\.collectedAt: expected an ISO-8601 date and time/,
  ],
];

describe("importExportFolder on malformed input", () => {
  it.each(CASES)("rejects %s", async (_case, files, message) => {
    const root = await exportOf(files);
    await expect(importExportFolder(root)).rejects.toThrow(message);
  });

  it("rejects an empty export folder", async () => {
    const root = await exportOf({});
    await expect(importExportFolder(root)).rejects.toThrow(/: empty folder: the export layout has no empty folders$/);
  });

  it("rejects an empty Region folder", async () => {
    const root = await exportOf({ [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS });
    await mkdir(join(root, ACCOUNT, "eu-west-1"));
    await expect(importExportFolder(root)).rejects.toThrow(/\/123456789012\/eu-west-1: empty folder/);
  });

  it("rejects a symbolic link", async () => {
    const root = await exportOf({ [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS });
    await symlink("/etc/hostname", join(root, ACCOUNT, "global", "iam__get-credential-report.json"));
    await expect(importExportFolder(root)).rejects.toThrow(/iam__get-credential-report\.json: not part of the export layout/);
  });

  it("rejects a file above the size limit before reading", async () => {
    const root = await exportOf({ [AUTHZ]: "" });
    // A sparse file: the size check must fail before any byte is read.
    await truncate(join(root, AUTHZ), MAX_OUTPUT_FILE_BYTES + 1);
    await expect(importExportFolder(root)).rejects.toThrow(/above the 268435456-byte limit/);
  });

  it("rejects a missing folder", async () => {
    await expect(importExportFolder("/nonexistent/lakewarden-export")).rejects.toThrow(/^\/nonexistent\/lakewarden-export: export folder not found$/);
  });
});

describe("lakewarden import on malformed input", () => {
  it.each(CASES.slice(0, 5))("exits 2 on %s without writing", async (_case, files) => {
    const root = await exportOf(files);
    const output = join(root, "..", `${root.split("/").pop() ?? "x"}.snapshot.json`);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);

    const code = await main(["node", "lakewarden", "import", root, "-o", output]);

    expect(code).toBe(2);
    expect(existsSync(output)).toBe(false);
    const lines = stderr.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lakewarden: error LW_INVALID_(JSON|EXPORT|POLICY_DOCUMENT): .+\n$/);
  });
});

describe("lakewarden import", () => {
  it("writes the snapshot and prints one line", async () => {
    const root = await exportOf({ [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS });
    const output = join(root, "snapshot.json");
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);

    const code = await main(["node", "lakewarden", "import", root, "-o", output]);

    expect(code).toBe(0);
    expect(existsSync(output)).toBe(true);
    expect(stdout.mock.calls.map((call) => String(call[0]))).toEqual([`Imported 1 accounts, 0 principals (users and roles), 0 coverage gaps into ${output}\n`]);
  });

  it("prints a JSON summary with --json", async () => {
    const root = await exportOf({
      [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS,
      [`${ACCOUNT}/global/iam__get-credential-report.error`]: "An error occurred (ReportNotPresent) when calling the GetCredentialReport operation: not ready",
    });
    const output = join(root, "out", "snapshot.json");
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);

    await main(["node", "lakewarden", "import", root, "-o", output, "--json"]);

    const summary: unknown = JSON.parse(String(stdout.mock.calls[0]?.[0]));
    expect(summary).toEqual({
      output,
      accounts: 1,
      principals: { users: 0, roles: 0, groups: 0 },
      coverageGaps: 1,
      coverage: { collected: 1, error: 1 },
    });
  });
});

describe("export.json", () => {
  it("is optional, with file times for collectedAt", async () => {
    const root = await exportOf({ [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS });
    const when = new Date("2026-01-02T03:04:05.000Z");
    const { utimes } = await import("node:fs/promises");
    await utimes(join(root, AUTHZ), when, when);
    const snapshot = await importExportFolder(root);
    expect(snapshot.collectedAt).toBe("2026-01-02T03:04:05.000Z");
  });

  it("expects no Organizations files of a standalone account", async () => {
    const root = await exportOf({
      [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS,
      [`${ACCOUNT}/global/organizations__describe-organization.error`]:
        "An error occurred (AWSOrganizationsNotInUseException) when calling the DescribeOrganization operation: Your account is not a member of an organization.",
    });
    const snapshot = await importExportFolder(root);
    expect(snapshot.coverage.map((entry) => [entry.operation, entry.state])).toEqual([
      ["GetAccountAuthorizationDetails", "collected"],
      ["DescribeOrganization", "not-enabled"],
    ]);
  });

  it("may name the management account without Organizations files", async () => {
    const root = await exportOf({ "export.json": '{"managementAccountId":"123456789012"}', [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS });
    await writeFile(join(root, "export.json"), '{"managementAccountId":"123456789012"}');
    const snapshot = await importExportFolder(root);
    expect(snapshot.coverage.filter((entry) => entry.state === "missing").map((entry) => entry.operation)).toContain("DescribeOrganization");
  });
});

describe("empty outputs", () => {
  it.each([
    ["securitylake__list-subscribers", "subscribers", []],
    ["securitylake__list-log-sources", "logSources", []],
    ["lakeformation__list-permissions", "permissions", []],
  ])("reads an empty %s as an empty list", async (stem, field, value) => {
    const root = await exportOf({ [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/${stem}.json`]: "" });
    const region = (await importExportFolder(root)).accounts[0]?.regions[0];
    const part: Record<string, unknown> = { ...region?.securityLake, ...region?.lakeFormation };
    expect(part[field]).toEqual(value);
  });

  it("reads a missing top-level list as empty", async () => {
    const root = await exportOf({ [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/ram__get-resource-shares__SELF.json`]: "{}" });
    const region = (await importExportFolder(root)).accounts[0]?.regions[0];
    expect(region?.resourceShares).toEqual([]);
  });

  it("records an empty result as coverage empty", async () => {
    const root = await exportOf({ [AUTHZ]: EMPTY_AUTHORIZATION_DETAILS, [`${ACCOUNT}/us-east-1/securitylake__list-data-lakes.json`]: "\n" });
    const snapshot = await importExportFolder(root);
    expect(snapshot.coverage.find((entry) => entry.operation === "ListDataLakes")?.state).toBe("empty");
    expect(snapshot.accounts[0]?.regions[0]?.securityLake?.dataLake).toBeNull();
  });
});

describe("text encodings", () => {
  it.each([
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EMPTY_AUTHORIZATION_DETAILS, "utf8")])],
    ["UTF-16LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EMPTY_AUTHORIZATION_DETAILS, "utf16le")])],
    ["UTF-16BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(EMPTY_AUTHORIZATION_DETAILS, "utf16le").swap16()])],
  ])("reads %s", async (_encoding, bytes) => {
    const root = await exportOf({ [AUTHZ]: "" });
    await writeFile(join(root, AUTHZ), bytes);
    const snapshot = await importExportFolder(root);
    expect(snapshot.coverage[0]?.state).toBe("collected");
  });
});
