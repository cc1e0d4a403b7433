import { beforeAll, describe, expect, it } from "vitest";
import { isReadOnlyOperation } from "../../src/collector/read-only-operations.js";
import type { CollectResult } from "../../src/collector/run.js";
import type { CoverageEntry } from "../../src/model/snapshot.js";
import type { FakeAws } from "../fake-aws/server.js";
import { buildWorld, DENIED, LAKE_ACCOUNT, LAKE_REGION, MANAGEMENT, NO_LAKE_REGION, roles } from "../fake-aws/world.js";
import { collectFromFake } from "./helpers.js";

function entry(result: CollectResult, match: Partial<CoverageEntry>): CoverageEntry | undefined {
  return result.coverage.find((candidate) => Object.entries(match).every(([key, value]) => candidate[key as keyof CoverageEntry] === value));
}

function output(result: CollectResult, accountId: string, region: string, command: string): Record<string, unknown> {
  const record = result.records.find((candidate) => candidate.accountId === accountId && candidate.region === region && candidate.cliCommand === command);
  return (record?.output ?? {}) as Record<string, unknown>;
}

describe("collect over the fake", () => {
  let result: CollectResult;
  let fake: FakeAws;

  beforeAll(async () => {
    const world = buildWorld();
    world.pageSizes = { ListAccounts: 1, ListSubscribers: 2, GetAccountAuthorizationDetails: 2 };
    world.throttles = { ListSubscribers: 2, DescribeOrganization: 1, GetAccountAuthorizationDetails: 2, GetBucketPolicy: 1, GetKeyPolicy: 1 };
    ({ result, fake } = await collectFromFake(world));
  });

  it("sends only listed operations", () => {
    expect(fake.received.length).toBeGreaterThan(20);
    for (const received of fake.received) {
      expect(isReadOnlyOperation(received.service, received.operation), `${received.service}:${received.operation}`).toBe(true);
    }
  });

  it("marks the denied account", () => {
    const denied = entry(result, { accountId: DENIED, operation: "GetAccountAuthorizationDetails" });
    expect(denied?.state).toBe("denied");
    expect(denied?.errorCode).toBe("AccessDenied");
  });

  it("collects the other accounts", () => {
    for (const accountId of [MANAGEMENT, LAKE_ACCOUNT]) {
      expect(entry(result, { accountId, operation: "GetAccountAuthorizationDetails" })?.state, accountId).toBe("collected");
    }
  });

  it("reads nothing in the denied account", () => {
    expect(fake.received.filter((received) => received.accountId === DENIED)).toEqual([]);
  });

  it("marks the Region without a lake", () => {
    expect(entry(result, { accountId: LAKE_ACCOUNT, region: NO_LAKE_REGION, operation: "ListDataLakes" })?.state).toBe("empty");
    expect(entry(result, { accountId: LAKE_ACCOUNT, region: NO_LAKE_REGION, operation: "ListSubscribers" })?.state).toBe("not-enabled");
  });

  it("reads every page of accounts", () => {
    expect(fake.received.filter((received) => received.operation === "ListAccounts").length).toBe(3);
    expect((output(result, MANAGEMENT, "global", "list-accounts").Accounts as unknown[]).length).toBe(3);
  });

  it("reads every subscriber once after throttling", () => {
    const subscribers = output(result, LAKE_ACCOUNT, LAKE_REGION, "list-subscribers").subscribers as { subscriberId: string }[];
    expect(subscribers.map((subscriber) => subscriber.subscriberId)).toEqual(["sub-1", "sub-2", "sub-3", "sub-4", "sub-5"]);
    expect(entry(result, { accountId: LAKE_ACCOUNT, region: LAKE_REGION, operation: "ListSubscribers" })?.state).toBe("collected");
  });

  it("retries each throttled protocol", () => {
    for (const operation of ["DescribeOrganization", "GetAccountAuthorizationDetails", "GetBucketPolicy", "GetKeyPolicy"]) {
      const found = result.coverage.filter((candidate) => candidate.operation === operation && candidate.accountId !== DENIED);
      expect(found.length, operation).toBeGreaterThan(0);
      for (const candidate of found) expect(candidate.state, operation).toBe("collected");
    }
  });

  it("counts the retries", () => {
    // The world sets up seven throttling errors, and each one costs a retry.
    expect(result.retries).toBeGreaterThanOrEqual(7);
  });

  it("merges IAM pages and decodes documents", () => {
    const details = output(result, LAKE_ACCOUNT, "global", "get-account-authorization-details");
    const roleList = details.RoleDetailList as { AssumeRolePolicyDocument: unknown }[];
    expect(roleList.length).toBe(3);
    expect(roleList[0]?.AssumeRolePolicyDocument).toMatchObject({ Version: "2012-10-17" });
    expect(details.Marker).toBeUndefined();
  });

  it("marks Lake Formation caller-filtered", () => {
    expect(result.callerFilteredLakeFormation).toContainEqual({ accountId: LAKE_ACCOUNT, region: LAKE_REGION });
  });

  it("keeps session tokens out of records", () => {
    expect(JSON.stringify(result)).not.toMatch(/fake-session-token|fake-secret|fake-base-secret/);
  });
});

describe("collect edge cases", () => {
  it("stops on a repeated token", async () => {
    const world = buildWorld();
    world.repeatToken.add("ListSubscribers");
    world.pageSizes = { ListSubscribers: 2 };
    const { result, fake } = await collectFromFake(world);

    const subscribers = entry(result, { accountId: LAKE_ACCOUNT, region: LAKE_REGION, operation: "ListSubscribers" });
    expect(subscribers?.state).toBe("error");
    expect(subscribers?.errorCode).toBe("RepeatedPaginationToken");
    expect(fake.received.filter((received) => received.operation === "ListSubscribers" && received.region === LAKE_REGION).length).toBe(2);
    expect(entry(result, { accountId: LAKE_ACCOUNT, region: LAKE_REGION, operation: "ListLogSources" })?.state).toBe("collected");
  });

  it("reads past an empty first page", async () => {
    const world = buildWorld();
    world.emptyFirstPage.add("ListSubscribers");
    world.pageSizes = { ListSubscribers: 2 };
    const { result, fake } = await collectFromFake(world);

    const subscribers = output(result, LAKE_ACCOUNT, LAKE_REGION, "list-subscribers").subscribers as { subscriberId: string }[];
    expect(subscribers.map((subscriber) => subscriber.subscriberId)).toEqual(["sub-1", "sub-2", "sub-3", "sub-4", "sub-5"]);
    expect(fake.received.filter((received) => received.operation === "ListSubscribers" && received.region === LAKE_REGION).length).toBe(4);
  });

  it("records throttled-out after the last attempt", async () => {
    const world = buildWorld();
    world.throttles = { GetDataLakeOrganizationConfiguration: 10 };
    const { result, fake } = await collectFromFake(world, { maxAttempts: 2 });

    const configuration = entry(result, { accountId: LAKE_ACCOUNT, region: LAKE_REGION, operation: "GetDataLakeOrganizationConfiguration" });
    expect(configuration?.state).toBe("throttled-out");
    const sent = fake.received.filter((received) => received.operation === "GetDataLakeOrganizationConfiguration" && received.region === LAKE_REGION);
    expect(sent.length).toBe(2);
  });

  it("keeps calls flat as an account grows", async () => {
    const small = buildWorld();
    const large = buildWorld();
    large.iam[LAKE_ACCOUNT] = { ...large.iam[LAKE_ACCOUNT]!, RoleDetailList: roles(LAKE_ACCOUNT, 400) };

    const smallRun = await collectFromFake(small);
    const largeRun = await collectFromFake(large);
    expect(largeRun.result.callsByAccount[LAKE_ACCOUNT]).toBe(smallRun.result.callsByAccount[LAKE_ACCOUNT]);
    expect(smallRun.result.retries).toBe(0);
  });
});
