import { describe, expect, it } from "vitest";
import { compilePolicy } from "../../src/evaluator/index.js";

const source = { type: "identity" as const, id: "arn:aws:iam::111122223333:policy/Test" };

function problemPaths(document: unknown): string[] {
  return compilePolicy(document, source).problems.map((problem) => problem.path);
}

describe("compilePolicy problems", () => {
  it("addresses a bad Effect by path", () => {
    expect(problemPaths({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }, { Effect: "Maybe", Action: "*", Resource: "*" }] })).toEqual(["$.Statement[1].Effect"]);
  });

  it("reports an unknown Version", () => {
    expect(problemPaths({ Version: "2020-01-01", Statement: [] })).toEqual(["$.Version"]);
  });

  it("reports an unknown element", () => {
    expect(problemPaths({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "*", Resource: "*", Actions: "x" } })).toEqual(["$.Statement.Actions"]);
  });

  it("reports an unknown operator at its path", () => {
    expect(problemPaths({ Statement: { Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEqualz: { "aws:username": "a" } } } })).toEqual(["$.Statement.Condition.StringEqualz"]);
  });

  it("reports a missing Resource in an identity policy", () => {
    expect(problemPaths({ Statement: { Effect: "Allow", Action: "*" } })).toEqual(["$.Statement"]);
  });

  it("reports a Principal in an identity policy", () => {
    expect(problemPaths({ Statement: { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" } })).toEqual(["$.Statement"]);
  });

  it("marks an undecodable document unusable", () => {
    expect(compilePolicy({ undecodable: { reason: "bad", excerpt: "%" } }, source).usable).toBe(false);
  });

  it("marks invalid JSON text unusable", () => {
    expect(compilePolicy("{nope", source).usable).toBe(false);
  });

  it("marks a non-object unusable", () => {
    expect(compilePolicy(42, source).usable).toBe(false);
  });

  it("keeps a readable document usable despite problems", () => {
    expect(compilePolicy({ Statement: { Effect: "Maybe" } }, source).usable).toBe(true);
  });
});

describe("mayMatchAction", () => {
  const policy = compilePolicy(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:Get*", Resource: "*" }, { Effect: "Deny", NotAction: "iam:*", Resource: "*" }] },
    source,
  );

  it("finds an Allow by pattern", () => {
    expect(policy.mayMatchAction("S3:GetObject", "Allow")).toBe(true);
  });

  it("rejects an Allow of another service", () => {
    expect(policy.mayMatchAction("kms:Decrypt", "Allow")).toBe(false);
  });

  it("finds a Deny through NotAction", () => {
    expect(policy.mayMatchAction("kms:Decrypt", "Deny")).toBe(true);
  });

  it("rejects a Deny excluded by NotAction", () => {
    expect(policy.mayMatchAction("iam:PassRole", "Deny")).toBe(false);
  });
});

describe("resource control policy grammar", () => {
  const rcp = { type: "rcp" as const, id: "rcp" };

  it("requires Principal star", () => {
    const policy = compilePolicy({ Version: "2012-10-17", Statement: { Effect: "Deny", Principal: { AWS: "111122223333" }, Action: "s3:*", Resource: "*" } }, rcp);
    expect(policy.problems.map((problem) => problem.path)).toEqual(["$.Statement.Principal"]);
  });

  it("rejects NotAction", () => {
    const policy = compilePolicy({ Version: "2012-10-17", Statement: { Effect: "Deny", Principal: "*", NotAction: "s3:*", Resource: "*" } }, rcp);
    expect(policy.problems.map((problem) => problem.path)).toEqual(["$.Statement.NotAction"]);
  });
});
