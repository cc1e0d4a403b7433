import type { Clock } from "../../src/collector/limits.js";
import { collect, type CollectOptions, type CollectResult } from "../../src/collector/run.js";
import { FAKE_CREDENTIALS, startFakeAws, type FakeAws } from "../fake-aws/server.js";
import { LAKE_REGION, NO_LAKE_REGION, ORG_ROLE, type FakeWorld } from "../fake-aws/world.js";

/**
 * A clock whose sleeps return at once and move its time forward, so rate-limited reads cost
 * no real time. It starts at the real time because the fake issues sessions against it.
 */
export function virtualClock(): Clock & { slept: number } {
  let now = Date.now();
  const clock = {
    slept: 0,
    now: () => now,
    sleep: async (milliseconds: number) => {
      now += milliseconds;
      clock.slept += milliseconds;
    },
  };
  return clock;
}

/** Collects `world` through the fake with the settings of an organization-wide run. */
export async function collectFromFake(world: FakeWorld, overrides: Partial<CollectOptions> = {}): Promise<{ result: CollectResult; fake: FakeAws }> {
  const fake = await startFakeAws(world);
  try {
    const result = await collect({
      runId: "test-run",
      credentials: FAKE_CREDENTIALS,
      regions: [LAKE_REGION, NO_LAKE_REGION],
      orgRole: ORG_ROLE,
      eventsSince: new Date("2026-11-01T00:00:00Z"),
      concurrency: 2,
      maxAttempts: 4,
      requestTimeoutMs: 5_000,
      endpoint: fake.endpoint,
      clock: virtualClock(),
      ...overrides,
    });
    return { result, fake };
  } finally {
    await fake.close();
  }
}
