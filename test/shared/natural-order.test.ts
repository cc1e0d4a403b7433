import { describe, expect, it } from "vitest";
import { naturalKey, sortNaturally } from "../../src/shared/natural-order.js";

describe("natural order", () => {
  it("orders numbers by value", () => {
    const names = ["role-195", "role-2", "role-10", "role-1b", "admin"];
    expect(sortNaturally(names, () => 0, (name) => name)).toEqual(["admin", "role-1b", "role-2", "role-10", "role-195"]);
  });

  it("keeps the primary order first", () => {
    const items = [{ rank: 2, name: "b-1" }, { rank: 1, name: "a-10" }, { rank: 1, name: "a-9" }];
    expect(sortNaturally(items, (left, right) => left.rank - right.rank, (item) => item.name).map((item) => item.name)).toEqual(["a-9", "a-10", "b-1"]);
  });

  it("pads digit runs", () => {
    expect(naturalKey("x7")).toBe(`x${"7".padStart(20, "0")}`);
  });
});
