import { describe, expect, it } from "vitest";
import { compilePolicy } from "../../src/evaluator/index.js";
import { asPolicy } from "../../src/evaluator/policy/compile.js";

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

describe("mayMatchAction against statementsFor", () => {
  const documents = [
    { Statement: [{ Effect: "Allow", Action: ["s3:Get*", "iam:Pass?ole"], Resource: "*" }, { Effect: "Deny", NotAction: "iam:*", Resource: "*" }] },
    { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }, { Effect: "Deny", Action: "s*:Put*", Resource: "*" }] },
    { Statement: [{ Effect: "Allow", NotAction: ["sts:*", "S3:*Object"], Resource: "*" }] },
    { Statement: [] },
  ];
  const actions = ["s3:GetObject", "S3:GETOBJECT", "s3:PutObject", "sqs:PutRecord", "iam:PassRole", "iam:PassRule", "sts:AssumeRole", "kms:Decrypt", "nocolon"];
  const cases = documents.flatMap((document, index) =>
    actions.flatMap((action) => (["Allow", "Deny"] as const).map((effect) => ({ index, action, effect, document }))),
  );

  it.each(cases)("policy $index, $action, $effect", ({ document, action, effect }) => {
    const policy = asPolicy(compilePolicy({ Version: "2012-10-17", ...document }, source))!;
    const expected = policy.statementsFor(action.toLowerCase(), effect).length > 0;
    expect([policy.mayMatchAction(action, effect), policy.mayMatchAction(action, effect)]).toEqual([expected, expected]);
  });

  it.each([
    ["arn:aws:iam::111122223333:role/Reader", true],
    ["arn:aws:iam::111122223333:role/Writer", false],
    ["arn:aws:iam::111122223333:user/Reader", true],
  ])("narrows by resource %s", (resource, expected) => {
    const policy = compilePolicy(
      {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::111122223333:role/Read*" },
          { Effect: "Allow", Action: "sts:AssumeRole", NotResource: "arn:aws:iam::111122223333:role/*" },
        ],
      },
      source,
    );
    expect(policy.mayMatchAction("sts:AssumeRole", "Allow", resource)).toBe(expected);
  });

  it("matches past the last action slot", () => {
    const policy = compilePolicy({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "ec2:*", Resource: "*" } }, source);
    for (let index = 0; index < 4_200; index += 1) policy.mayMatchAction(`ec2:Action${index}`, "Allow");
    expect([policy.mayMatchAction("ec2:Beyond", "Allow"), policy.mayMatchAction("s3:Beyond", "Allow")]).toEqual([true, false]);
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
