import { describe, expect, it } from "vitest";
import { addMemberAccounts, buildWorld, LAKE_REGION } from "../fake-aws/world.js";
import { collectFromFake, virtualClock } from "./helpers.js";

describe("collect limits", () => {
  it("sends Organizations calls one at a time", async () => {
    const world = buildWorld();
    world.latencyMs = 20;
    const { fake } = await collectFromFake(world, { regions: [LAKE_REGION] });

    expect(fake.received.filter((received) => received.service === "organizations").length).toBeGreaterThan(5);
    expect(fake.peakInFlight.get("organizations")).toBe(1);
  });

  it("caps accounts in flight", async () => {
    const world = buildWorld();
    world.latencyMs = 20;
    const members = addMemberAccounts(world, 6);
    const { fake, result } = await collectFromFake(world, { regions: [LAKE_REGION], concurrency: 2 });

    // Each member costs its IAM reads: authorization details and the credential report's two calls.
    for (const id of members) expect(result.callsByAccount[id], id).toBe(3);
    expect(fake.peakAccountsInFlight()).toBeLessThanOrEqual(2);
  });

  it("caps reads in flight per account", async () => {
    const world = buildWorld();
    world.latencyMs = 20;
    const { fake } = await collectFromFake(world, { perAccountConcurrency: 2 });

    const accounts = [...fake.peakInFlight].filter(([key]) => key.startsWith("account/"));
    expect(accounts.length).toBeGreaterThan(1);
    for (const [key, peak] of accounts) expect(peak, key).toBeLessThanOrEqual(2);
  });
});

describe("LookupEvents pacing", () => {
  it("waits half a second between lookups", async () => {
    const clock = virtualClock();
    const { fake } = await collectFromFake(buildWorld(), { regions: [LAKE_REGION], clock });

    // One account and one Region: n lookups need (n - 1) slots of 500 ms at 2 requests per second.
    const lookups = fake.received.filter((received) => received.operation === "LookupEvents").length;
    expect(lookups).toBeGreaterThan(10);
    expect(clock.slept).toBeGreaterThanOrEqual((lookups - 1) * 500);
  });
});

describe("Security Lake Regions", () => {
  it("adds the lake's Region to the named ones", async () => {
    const { result } = await collectFromFake(buildWorld(), { regions: ["eu-west-1"] });

    const subscribers = result.coverage.find((entry) => entry.region === LAKE_REGION && entry.operation === "ListSubscribers");
    expect(subscribers?.state).toBe("collected");
  });
});
