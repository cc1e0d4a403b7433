import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExportFolder } from "../../src/importer/index.js";
import type { RegionSnapshot, Snapshot } from "../../src/model/snapshot.js";
import { EMPTY_AUTHORIZATION_DETAILS, awsCliExample, removeExport, writeExport } from "./export-folder.js";
import { snapshotProblems } from "./snapshot-problems.js";

// The AWS CLI documentation's example outputs, placed in an export as a user would save them.
const ACCOUNT = "123456789012";
const FILES: Record<string, string> = {
  "global/organizations__list-policies__SERVICE_CONTROL_POLICY.json": "organizations__list-policies__output1.json",
  "global/organizations__describe-policy__p-examplepolicyid111.json": "organizations__describe-policy__output1.json",
  "us-east-1/securitylake__list-data-lakes.json": "securitylake__list-data-lakes__output1.json",
  "us-east-1/securitylake__list-subscribers.json": "securitylake__list-subscribers__output1.json",
  "us-east-1/securitylake__list-log-sources.json": "securitylake__list-log-sources__output1.json",
  "us-east-1/securitylake__get-data-lake-organization-configuration.json": "securitylake__get-data-lake-organization-configuration__output1.json",
  "us-east-1/lakeformation__get-data-lake-settings.json": "lakeformation__get-data-lake-settings__output1.json",
  "us-east-1/lakeformation__list-permissions.json": "lakeformation__list-permissions__output2.json",
  "us-east-1/s3api__get-bucket-policy__amzn-s3-demo-bucket.json": "s3api__get-bucket-policy__output1.json",
  "us-east-1/sqs__get-queue-attributes__MyNewQueue.json": "sqs__get-queue-attributes__output1.json",
  "us-east-1/sqs__get-queue-attributes__MyOtherQueue.json": "sqs__get-queue-attributes__output2.json",
  "us-east-1/cloudtrail__lookup-events__ConsoleLogin.json": "cloudtrail__lookup-events__output1.json",
};

let root: string;
let snapshot: Snapshot;
let region: RegionSnapshot;

beforeAll(async () => {
  const files: Record<string, string> = { [`${ACCOUNT}/global/iam__get-account-authorization-details.json`]: EMPTY_AUTHORIZATION_DETAILS };
  for (const [path, example] of Object.entries(FILES)) files[`${ACCOUNT}/${path}`] = await awsCliExample(example);
  root = await writeExport(files);
  snapshot = await importExportFolder(root);
  region = snapshot.accounts[0]?.regions.find((entry) => entry.region === "us-east-1") as RegionSnapshot;
});
afterAll(() => removeExport(root));

describe("AWS CLI documentation examples", () => {
  it("builds a snapshot the schema accepts", () => {
    expect(snapshotProblems(snapshot)).toEqual([]);
  });

  it("reads describe-policy without an organization", () => {
    // Without describe-organization the schema has no organization to fill, and a gap records why.
    expect(snapshot.organization).toBeUndefined();
    const described = snapshot.coverage.find((entry) => entry.operation === "DescribePolicy" && entry.param === "p-examplepolicyid111");
    expect(described?.state).toBe("collected");
    expect(snapshot.coverage.find((entry) => entry.operation === "DescribeOrganization")?.state).toBe("missing");
  });

  it("reads list-data-lakes with a failed update", () => {
    const lake = region.securityLake?.dataLake;
    expect(lake?.updateStatus).toBe("FAILED");
    expect(lake?.kmsKeyId).toBe("S3_MANAGED_KEY");
    expect(lake?.replicationRegions).toEqual(["ap-northeast-3"]);
    expect(lake?.expirationDays).toBe(365);
  });

  it("reads list-subscribers with a bare bucket name", () => {
    const subscriber = region.securityLake?.subscribers?.[0];
    expect(subscriber?.s3BucketArn).toBe("amzn-s3-demo-bucket--usw2-az1--x-s3");
    expect(subscriber?.sources[2]?.customLogSource?.providerRoleArn).toBe("arn:aws:iam::123456789012:role/AmazonSecurityLake-E1WG1ZNPRXT0D4");
  });

  it("reads the documented single log source", () => {
    expect(region.securityLake?.logSources?.[0]?.sources).toHaveLength(2);
  });

  it("reads the organization configuration", () => {
    expect(region.securityLake?.organizationConfiguration?.autoEnableNewAccount[0]?.sources).toHaveLength(3);
  });

  it("reads Lake Formation defaults for IAM_ALLOWED_PRINCIPALS", () => {
    expect(region.lakeFormation?.settings?.createTableDefaultPermissions).toEqual([{ principal: "IAM_ALLOWED_PRINCIPALS", permissions: ["ALL"] }]);
  });

  it("marks a one-page list-permissions as a gap", () => {
    const entry = snapshot.coverage.find((candidate) => candidate.operation === "ListPermissions");
    expect(entry?.state).toBe("error");
    expect(entry?.errorCode).toBe("Truncated");
    expect(region.lakeFormation?.permissions).toHaveLength(3);
  });

  it("reads a bucket policy given as a JSON string", () => {
    const policy = region.s3Buckets?.[0]?.policy as { Version?: string } | null | undefined;
    expect(policy?.Version).toBe("2008-10-17");
  });

  it("reads queue attributes with and without QueueArn", () => {
    const [first, second] = region.sqsQueues ?? [];
    expect(first?.arn).toBe("arn:aws:sqs:us-east-1:80398EXAMPLE:MyNewQueue");
    expect(first?.policy).toBeNull();
    expect(second?.arn).toBe("arn:aws:sqs:us-east-1:123456789012:MyOtherQueue");
    expect(second?.policy).toBeUndefined();
  });

  it("parses the double-encoded CloudTrail record", () => {
    const event = region.cloudTrailEvents?.[0];
    expect(event?.eventName).toBe("ConsoleLogin");
    expect(event?.record?.eventSource).toBe("signin.amazonaws.com");
  });
});

describe("AWS CLI documentation examples that are malformed", () => {
  it.each([
    // The documented authorization details print one group's AttachedManagedPolicies as an object.
    ["iam__get-account-authorization-details__output1.json", "global/iam__get-account-authorization-details.json", /\$\.GroupDetailList\[0\]\.AttachedManagedPolicies: Invalid input: expected array, received object$/],
    ["organizations__list-policies-for-target__output1.INVALID.txt", "global/organizations__list-policies__SERVICE_CONTROL_POLICY.json", /\$\.Policies\[0\]\.AwsManaged: not valid JSON at character/],
    ["securitylake__create-custom-log-source__output1.INVALID.txt", "us-east-1/securitylake__list-log-sources.json", /\$\.customLogSource\.sourceName: not valid JSON at character/],
  ])("rejects %s naming the field", async (example, path, message) => {
    const invalid = await writeExport({
      [`${ACCOUNT}/global/iam__get-account-authorization-details.json`]: EMPTY_AUTHORIZATION_DETAILS,
      [`${ACCOUNT}/us-east-1/glue__get-resource-policy.error`]: "An error occurred (EntityNotFoundException) when calling the GetResourcePolicy operation: Policy not found",
      [`${ACCOUNT}/${path}`]: await awsCliExample(example),
    });
    await expect(importExportFolder(invalid)).rejects.toThrow(message);
    await removeExport(invalid);
  });
});
