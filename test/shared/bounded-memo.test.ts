import { describe, expect, it } from "vitest";
import { BoundedMemo } from "../../src/shared/bounded-memo.js";

describe("BoundedMemo", () => {
  it("computes each key once", () => {
    const memo = new BoundedMemo<string, { key: string }>(10);
    let computed = 0;
    const compute = (key: string) => {
      computed += 1;
      return { key };
    };

    const first = memo.get("a", compute);
    expect(memo.get("a", compute)).toBe(first);
    expect(computed).toBe(1);
  });

  it("starts afresh at its limit", () => {
    const memo = new BoundedMemo<string, { key: string }>(2);
    const compute = (key: string) => ({ key });
    const first = memo.get("a", compute);
    memo.get("b", compute);
    memo.get("c", compute);

    expect(memo.get("a", compute)).not.toBe(first);
    expect(memo.get("a", compute)).toEqual(first);
  });
});
