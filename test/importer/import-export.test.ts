import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExportFolder } from "../../src/importer/index.js";
import type { CoverageEntry, RegionSnapshot, Snapshot } from "../../src/model/snapshot.js";
import { FIXTURES } from "./export-folder.js";
import { snapshotProblems } from "./snapshot-problems.js";

const SMALL_ORG = join(FIXTURES, "small-org");
const BUCKET = "aws-security-data-lake-us-east-1-k2v9x7q4m1c8z5r3t6w0y2b4n7";
const KEY = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = await importExportFolder(SMALL_ORG);
});

function region(accountId: string, name: string): RegionSnapshot {
  const found = snapshot.accounts.find((account) => account.accountId === accountId)?.regions.find((entry) => entry.region === name);
  if (!found) throw new Error(`no region ${name} in ${accountId}`);
  return found;
}

function coverageOf(operation: string, accountId: string, regionName: string, param?: string): CoverageEntry | undefined {
  return snapshot.coverage.find(
    (entry) => entry.operation === operation && entry.accountId === accountId && entry.region === regionName && entry.param === param,
  );
}

describe("importExportFolder on small-org", () => {
  it("builds a snapshot the schema accepts", () => {
    expect(snapshotProblems(snapshot)).toEqual([]);
  });

  it("reads every account folder in order", () => {
    expect(snapshot.accounts.map((account) => account.accountId)).toEqual(["111111111111", "222222222222", "333333333333"]);
  });

  it("names accounts from Organizations", () => {
    expect(snapshot.accounts[1]?.name).toBe("Log Archive");
  });

  it("takes time and management account from export.json", () => {
    expect(snapshot.collectedAt).toBe("2026-11-30T06:00:00Z");
    expect(snapshot.managementAccountId).toBe("111111111111");
  });

  it("builds the organization tree", () => {
    const organization = snapshot.organization;
    expect(organization?.id).toBe("o-a1b2c3d4e5");
    expect(organization?.roots.map((root) => root.id)).toEqual(["r-a1b2"]);
    expect(organization?.organizationalUnits.map((unit) => [unit.id, unit.parentId])).toEqual([
      ["ou-a1b2-secur1ty", "r-a1b2"],
      ["ou-a1b2-w0rkl0ad", "r-a1b2"],
    ]);
    expect(organization?.accounts.find((account) => account.id === "222222222222")?.parentId).toBe("ou-a1b2-secur1ty");
  });

  it("leaves parentId out when the parent was not read", () => {
    expect(snapshot.organization?.accounts.find((account) => account.id === "444444444444")?.parentId).toBeUndefined();
  });

  it("joins SCP content and targets", () => {
    const policy = snapshot.organization?.policies.find((entry) => entry.id === "p-abcd1234");
    expect(policy?.targets).toEqual([{ targetId: "r-a1b2", type: "ROOT", name: "Root" }]);
    expect(JSON.stringify(policy?.document)).toContain("securitylake:DeleteDataLake");
    expect(snapshot.organization?.policies.find((entry) => entry.id === "p-FullAWSAccess")?.awsManaged).toBe(true);
  });

  it("reads the Security Lake delegated administrator", () => {
    expect(snapshot.organization?.delegatedAdministrators).toEqual([
      {
        servicePrincipal: "securitylake.amazonaws.com",
        accountId: "222222222222",
        name: "Log Archive",
        status: "ACTIVE",
        delegationEnabledDate: "2024-02-01T10:00:00.456000+00:00",
      },
    ]);
  });

  it("reads the data lake", () => {
    const lake = region("222222222222", "us-east-1").securityLake?.dataLake;
    expect(lake?.expirationDays).toBe(400);
    expect(lake?.kmsKeyId).toBe(KEY);
    expect(lake?.s3BucketArn).toBe(`arn:aws:s3:::${BUCKET}`);
    expect(lake?.transitions).toEqual([{ days: 90, storageClass: "GLACIER_IR" }]);
  });

  it("records no data lake as null", () => {
    expect(region("222222222222", "eu-west-1").securityLake?.dataLake).toBeNull();
  });

  it("reads subscribers sorted by id", () => {
    const subscribers = region("222222222222", "us-east-1").securityLake?.subscribers ?? [];
    expect(subscribers.map((subscriber) => subscriber.subscriberIdentity.principal)).toEqual(["333333333333", "999988887777"]);
    expect(subscribers[1]?.roleArn).toContain("AmazonSecurityLake-a1b2c3d4");
  });

  it("reads log sources and organization configuration", () => {
    const lake = region("222222222222", "us-east-1").securityLake;
    expect(lake?.logSources?.map((entry) => entry.account)).toEqual(["222222222222", "444444444444"]);
    expect(lake?.organizationConfiguration?.autoEnableNewAccount[0]?.sources).toEqual([{ sourceName: "CLOUD_TRAIL_MGMT", sourceVersion: "2.0" }]);
  });

  it("reads the lake bucket settings", () => {
    const bucket = region("222222222222", "us-east-1").s3Buckets?.[0];
    expect(bucket?.arn).toBe(`arn:aws:s3:::${BUCKET}`);
    expect(JSON.stringify(bucket?.policy)).toContain("arn:aws:iam::999988887777:root");
    expect(bucket?.versioning).toEqual({ status: "Enabled", mfaDelete: "Disabled" });
    expect(bucket?.encryption?.algorithm).toBe("aws:kms");
    expect(bucket?.publicAccessBlock?.blockPublicPolicy).toBe(true);
  });

  it("records object lock not configured as null", () => {
    expect(region("222222222222", "us-east-1").s3Buckets?.[0]?.objectLock).toBeNull();
  });

  it("records no Glue resource policy as null", () => {
    expect(region("222222222222", "us-east-1").glueResourcePolicy).toBeNull();
  });

  it("reads the KMS key with its ARN, policy and grants", () => {
    const key = region("222222222222", "us-east-1").kmsKeys?.[0];
    expect(key?.arn).toBe(`arn:aws:kms:us-east-1:222222222222:key/${KEY}`);
    expect(key?.keyManager).toBe("CUSTOMER");
    expect(key?.grants?.[0]?.operations).toEqual(["Decrypt", "GenerateDataKey"]);
    expect(JSON.stringify(key?.policy)).toContain("kms:*");
  });

  it("reads Lake Formation settings and grants", () => {
    const lakeFormation = region("222222222222", "us-east-1").lakeFormation;
    expect(lakeFormation?.settings?.dataLakeAdmins).toEqual(["arn:aws:iam::222222222222:role/SecurityLakeAdmin"]);
    expect(lakeFormation?.permissions?.[0]?.principal).toBe("333333333333");
    expect(lakeFormation?.permissions?.[0]?.resourceShares).toHaveLength(1);
  });

  it("joins RAM principals and resources to their share", () => {
    const share = region("222222222222", "us-east-1").resourceShares?.[0];
    expect(share?.principals).toEqual(["333333333333"]);
    expect(share?.resources?.[0]).toContain(":table/amazon_security_lake_glue_db_us_east_1/");
  });

  it("reads trail selectors as write-only management events", () => {
    expect(region("222222222222", "us-east-1").trails?.[0]?.managementEvents).toBe("WriteOnly");
  });

  it("reads basic selectors as all management events", () => {
    const trail = region("333333333333", "us-east-1").trails?.[0];
    expect(trail?.managementEvents).toBe("All");
    expect(trail?.isMultiRegionTrail).toBe(false);
  });

  it("counts list-buckets in coverage only", () => {
    expect(coverageOf("ListBuckets", "111111111111", "global")?.state).toBe("collected");
    expect(snapshot.accounts[0]?.regions).toEqual([]);
  });

  it("removes secrets from CloudTrail records", () => {
    const record = JSON.stringify(region("222222222222", "us-east-1").cloudTrailEvents?.[0]?.record);
    expect(record).not.toContain("s3cr3t-value");
    expect(record).not.toContain("IQoJb3JpZ2luX2VjEXAMPLE");
    expect(record).toContain("authorizationApiKeyName");
  });

  it("reads the queue with no policy as null", () => {
    expect(region("222222222222", "us-east-1").sqsQueues?.[0]?.policy).toBeNull();
  });

  it("reads work groups and analyzers", () => {
    const us = region("222222222222", "us-east-1");
    expect(us.athenaWorkGroups).toEqual([{ name: "primary", outputLocation: "s3://acme-athena-results-222222222222/", state: "ENABLED" }]);
    expect(us.accessAnalyzer?.analyzers[0]?.type).toBe("ORGANIZATION");
    expect(us.accessAnalyzer?.findings).toHaveLength(1);
  });

  it("keeps only the credential report's allowed columns", () => {
    const report = snapshot.accounts[0]?.credentialReport;
    expect(report?.map((entry) => entry.user)).toEqual(["<root_account>", "break-glass"]);
    expect(Object.keys(report?.[1] ?? {}).sort()).toEqual([
      "accessKey1Active",
      "accessKey1LastUsed",
      "accessKey2Active",
      "arn",
      "mfaActive",
      "passwordEnabled",
      "user",
    ]);
  });

  it("leaves IAM absent when it was denied", () => {
    expect(snapshot.accounts[2]?.iam).toBeUndefined();
  });
});

describe("importExportFolder coverage", () => {
  it.each([
    ["GetAccountAuthorizationDetails", "333333333333", "global", undefined, "denied"],
    ["ListLogSources", "222222222222", "eu-west-1", undefined, "throttled-out"],
    ["ListSubscribers", "222222222222", "eu-west-1", undefined, "not-enabled"],
    ["ListPolicies", "111111111111", "global", "RESOURCE_CONTROL_POLICY", "not-enabled"],
    ["GetResourcePolicy", "333333333333", "us-east-1", undefined, "error"],
    ["GetObjectLockConfiguration", "222222222222", "us-east-1", BUCKET, "empty"],
    ["GetResourcePolicy", "222222222222", "us-east-1", undefined, "empty"],
    ["ListOrganizationalUnitsForParent", "111111111111", "global", "ou-a1b2-secur1ty", "empty"],
    ["ListSubscribers", "222222222222", "us-east-1", undefined, "collected"],
  ])("records %s in %s/%s as its state", (operation, accountId, regionName, param, state) => {
    expect(coverageOf(operation, accountId, regionName, param)?.state).toBe(state);
  });

  it("keeps the error code and message", () => {
    const entry = coverageOf("GetAccountAuthorizationDetails", "333333333333", "global");
    expect(entry?.errorCode).toBe("AccessDenied");
    expect(entry?.message).toMatch(/^User: arn:aws:sts::111111111111:assumed-role\/LakewardenAudit\/export is not authorized/);
  });

  it("lists the missing files as gaps", () => {
    const missing = snapshot.coverage.filter((entry) => entry.state === "missing").map((entry) => [entry.accountId, entry.region, entry.operation, entry.param]);
    expect(missing).toEqual([
      ["111111111111", "global", "ListAccountsForParent", "ou-a1b2-w0rkl0ad"],
      ["222222222222", "eu-west-1", "GetDataLakeOrganizationConfiguration", undefined],
      ["444444444444", "global", "GetAccountAuthorizationDetails", undefined],
    ]);
  });

  it("expects nothing of a suspended account", () => {
    expect(snapshot.coverage.some((entry) => entry.accountId === "555555555555")).toBe(false);
  });

  it("names the service by its IAM prefix", () => {
    expect(coverageOf("GetBucketPolicy", "222222222222", "us-east-1", BUCKET)?.service).toBe("s3");
  });
});

describe("importExportFolder determinism", () => {
  let copy: string;
  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), "lakewarden-copy-"));
    await cp(SMALL_ORG, copy, { recursive: true });
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it("gives byte-identical snapshots twice", async () => {
    const again = await importExportFolder(SMALL_ORG);
    expect(JSON.stringify(again)).toBe(JSON.stringify(snapshot));
  });

  it("gives the same content from a copy", async () => {
    const fromCopy = await importExportFolder(copy);
    expect(JSON.stringify({ ...fromCopy, source: snapshot.source })).toBe(JSON.stringify(snapshot));
  });
});
