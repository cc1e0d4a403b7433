import { describe, expect, it } from "vitest";
import { RateLimiter, Semaphore } from "../../src/collector/limits.js";
import { virtualClock } from "./helpers.js";

describe("RateLimiter", () => {
  it("allows two calls per second", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(2, clock);
    const times: number[] = [];
    for (let call = 0; call < 10; call += 1) {
      await limiter.wait();
      times.push(clock.now());
    }

    for (let index = 2; index < times.length; index += 1) {
      // Any three consecutive calls span at least one second.
      expect((times[index] as number) - (times[index - 2] as number)).toBeGreaterThanOrEqual(1000);
    }
  });
});

describe("Semaphore", () => {
  it("runs one task at a time with size 1", async () => {
    const semaphore = new Semaphore(1);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };

    await Promise.all([1, 2, 3, 4].map(() => semaphore.run(task)));
    expect(peak).toBe(1);
    expect(semaphore.peak).toBe(1);
  });
});
