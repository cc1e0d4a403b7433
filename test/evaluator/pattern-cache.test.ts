import { describe, expect, it } from "vitest";
import { actionPatternOf, resourcePatternOf } from "../../src/evaluator/policy/pattern-cache.js";

describe("pattern cache", () => {
  it("shares an action pattern by text", () => {
    expect(actionPatternOf("s3:Get*")).toBe(actionPatternOf("s3:Get*"));
  });

  it("keeps action patterns apart by case", () => {
    expect(actionPatternOf("s3:GetObject")).not.toBe(actionPatternOf("S3:GetObject"));
  });

  it("shares a resource pattern by text", () => {
    expect(resourcePatternOf("arn:aws:s3:::lake/*", true)).toBe(resourcePatternOf("arn:aws:s3:::lake/*", true));
  });

  it("reads variables only when requested", () => {
    const text = "arn:aws:s3:::lake/${aws:username}/*";
    expect([resourcePatternOf(text, true).template !== undefined, resourcePatternOf(text, false).template !== undefined]).toEqual([true, false]);
  });

  it("matches literally without variables", () => {
    const pattern = resourcePatternOf("arn:aws:s3:::lake/${aws:username}", false);
    expect(pattern.matches?.("arn:aws:s3:::lake/${aws:username}")).toBe(true);
  });
});
