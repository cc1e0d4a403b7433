import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollectedSnapshot } from "../../src/cli/collected-snapshot.js";
import { importExportFolder } from "../../src/importer/index.js";
import type { Snapshot } from "../../src/model/snapshot.js";
import { buildWorld, DENIED, LAKE_ACCOUNT, LAKE_REGION, MANAGEMENT, NO_LAKE_REGION } from "../fake-aws/world.js";
import { collectFromFake } from "./helpers.js";
import { snapshotProblems } from "../importer/snapshot-problems.js";

/**
 * Drops the parts an export cannot carry: where the snapshot came from, and whether the reader was a
 * Lake Formation administrator (the export layout has no file for the caller).
 */
function comparable(snapshot: Snapshot): unknown {
  const accounts = snapshot.accounts.map((account) => ({
    ...account,
    regions: account.regions.map((region) => {
      if (!region.lakeFormation) return region;
      const { callerFiltered: _callerFiltered, ...lakeFormation } = region.lakeFormation;
      return { ...region, lakeFormation };
    }),
  }));
  return { ...snapshot, source: undefined, accounts };
}

describe("collected snapshot", () => {
  let folder: string;
  let collected: Snapshot;
  let imported: Snapshot;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "lakewarden-equality-"));
    const world = buildWorld();
    world.pageSizes = { ListAccounts: 1, ListSubscribers: 2 };
    world.throttles = { GetAccountAuthorizationDetails: 1, ListSubscribers: 1 };
    const { result } = await collectFromFake(world);

    collected = await buildCollectedSnapshot(result, join(folder, "export"));
    imported = await importExportFolder(join(folder, "export"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("builds snapshots the schema accepts", () => {
    expect(snapshotProblems(collected)).toEqual([]);
    expect(snapshotProblems(imported)).toEqual([]);
  });

  it("equals the import of its export", () => {
    expect(comparable(collected)).toEqual(comparable(imported));
  });

  it("names its source", () => {
    expect(collected.source).toEqual({ kind: "collect", runId: "test-run" });
  });

  it("records the denied account's IAM as denied", () => {
    const denied = collected.coverage.find((entry) => entry.accountId === DENIED && entry.operation === "GetAccountAuthorizationDetails");
    expect(denied?.state).toBe("denied");
  });

  it("records the Region without a lake", () => {
    const subscribers = collected.coverage.find((entry) => entry.accountId === LAKE_ACCOUNT && entry.region === NO_LAKE_REGION && entry.operation === "ListSubscribers");
    expect(subscribers?.state).toBe("not-enabled");
  });

  it("holds the lake's subscribers", () => {
    const region = collected.accounts.find((account) => account.accountId === LAKE_ACCOUNT)?.regions.find((candidate) => candidate.region === LAKE_REGION);
    expect(region?.securityLake?.subscribers?.length).toBe(5);
  });

  it("holds the trail with its selectors", () => {
    const region = collected.accounts.find((account) => account.accountId === LAKE_ACCOUNT)?.regions.find((candidate) => candidate.region === LAKE_REGION);
    expect(region?.trails?.map((trail) => [trail.name, trail.managementEvents])).toEqual([["org-trail", "All"]]);
  });

  it("holds the credential reports", () => {
    const management = collected.accounts.find((account) => account.accountId === MANAGEMENT);
    expect(management?.credentialReport?.map((entry) => entry.user)).toEqual(["<root_account>", "auditor"]);
  });

  it("marks Lake Formation caller-filtered", () => {
    const region = collected.accounts.find((account) => account.accountId === LAKE_ACCOUNT)?.regions.find((candidate) => candidate.region === LAKE_REGION);
    expect(region?.lakeFormation?.callerFiltered).toBe(true);
  });

  it("writes the export layout", async () => {
    const lakeFiles = await readdir(join(folder, "export", LAKE_ACCOUNT, LAKE_REGION));
    expect(lakeFiles).toContain("securitylake__list-subscribers.json");
    expect(lakeFiles).toContain("s3api__get-object-lock-configuration__aws-security-data-lake-us-east-1-abc123.error");
    expect(lakeFiles).toContain("cloudtrail__lookup-events__CreateSubscriber.json");
  });

  it("writes the denial as an error file", async () => {
    const text = await readFile(join(folder, "export", DENIED, "global", "iam__get-account-authorization-details.error"), "utf8");
    expect(text).toMatch(/^An error occurred \(AccessDenied\) when calling the AssumeRole operation: /);
  });
});
