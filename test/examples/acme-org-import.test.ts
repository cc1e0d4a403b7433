import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { importExportFolder } from "../../src/importer/index.js";
import type { RegionSnapshot, Snapshot } from "../../src/model/snapshot.js";
import { snapshotProblems } from "../importer/snapshot-problems.js";

// The importer reads the bundled example as it is: every file is understood and nothing is a gap.
const exampleDir = fileURLToPath(new URL("../../examples/acme-org", import.meta.url));
const LOG_ARCHIVE = "518273649102";

let snapshot: Snapshot;

function logArchiveRegion(region: string): RegionSnapshot {
  const account = snapshot.accounts.find((candidate) => candidate.accountId === LOG_ARCHIVE);
  const found = account?.regions.find((candidate) => candidate.region === region);
  if (!found) throw new Error(`log-archive Region ${region} not in the snapshot`);
  return found;
}

beforeAll(async () => {
  snapshot = await importExportFolder(exampleDir);
});

describe("acme-org import", () => {
  it("builds a snapshot the schema accepts", () => {
    expect(snapshotProblems(snapshot)).toEqual([]);
  });

  it("imports every account", () => {
    expect(snapshot.accounts.map((account) => account.accountId).sort()).toEqual([
      "402916357104",
      "518273649102",
      "627384950213",
      "734495061324",
      "845506172435",
      "956617283546",
    ]);
  });

  it("leaves no coverage gap", () => {
    const gaps = snapshot.coverage.filter((entry) => entry.state !== "collected" && entry.state !== "empty");

    expect(gaps).toEqual([]);
  });

  it("reads the organization and its policies", () => {
    expect(snapshot.organization?.id).toBe("o-7k2m9x4qwe");
    expect(snapshot.organization?.policies.map((policy) => policy.id).sort()).toEqual([
      "p-4k8m2n7q",
      "p-6w2y8z4a",
      "p-9r3t5v1x",
      "p-FullAWSAccess",
      "p-RCPFullAWSAccess",
    ]);
    expect(snapshot.organization?.delegatedAdministrators.map((admin) => admin.accountId)).toEqual([LOG_ARCHIVE]);
  });

  it.each(["us-east-1", "eu-west-1"])("reads the %s data lake", (region) => {
    const lake = logArchiveRegion(region).securityLake?.dataLake;

    expect(lake?.expirationDays).toBe(400);
    expect(lake?.kmsKeyId).not.toBe("S3_MANAGED_KEY");
  });

  it("reads three subscribers", () => {
    const principals = logArchiveRegion("us-east-1").securityLake?.subscribers?.map((s) => s.subscriberIdentity.principal);

    expect(principals?.sort()).toEqual(["301122334455", "389900112233", "627384950213"]);
  });

  it("decodes the lake bucket policy", () => {
    const bucket = logArchiveRegion("us-east-1").s3Buckets?.[0];
    const policy = bucket?.policy as { Statement: { Sid: string }[] } | null | undefined;

    expect(policy?.Statement.map((statement) => statement.Sid)).toContain("ContosoForensicsEngagement2025");
  });

  it("reads object lock as not configured", () => {
    expect(logArchiveRegion("us-east-1").s3Buckets?.[0]?.objectLock).toBeNull();
  });
});
