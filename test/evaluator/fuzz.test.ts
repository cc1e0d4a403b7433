import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicy, evaluate, principalFromArn, type CompiledPolicy, type Decision } from "../../src/evaluator/index.js";

/** Property tests: the parser never throws, and adding a Deny never widens access. */

const source = { type: "identity" as const, id: "fuzz" };
const ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:*", "*", "kms:Decrypt", "s3:Get*", "iam:?assRole"];
const RESOURCES = ["*", "arn:aws:s3:::b/*", "arn:aws:s3:::b", "arn:aws:s3:::*", "arn:aws:kms:*:111122223333:key/*"];
const REQUEST_ACTIONS = ["s3:GetObject", "s3:PutObject", "kms:Decrypt", "iam:PassRole"];
const REQUEST_RESOURCES = ["arn:aws:s3:::b/x", "arn:aws:s3:::b", "arn:aws:kms:us-east-1:111122223333:key/k", "*"];

const condition = fc.option(
  fc.record({
    op: fc.constantFrom("StringEquals", "StringNotEquals", "Bool", "BoolIfExists", "ForAnyValue:StringLike", "Null", "NumericLessThan"),
    key: fc.constantFrom("aws:PrincipalTag/team", "aws:MultiFactorAuthPresent", "s3:prefix", "aws:TagKeys"),
    value: fc.constantFrom("soc", "true", "false", "a*", "10"),
  }),
  { nil: undefined },
);

const statement = (effect: fc.Arbitrary<string>) =>
  fc.record({ effect, action: fc.constantFrom(...ACTIONS), resource: fc.constantFrom(...RESOURCES), negated: fc.boolean(), condition }).map((raw) => ({
    Effect: raw.effect,
    [raw.negated ? "NotAction" : "Action"]: raw.action,
    Resource: raw.resource,
    ...(raw.condition ? { Condition: { [raw.condition.op]: { [raw.condition.key]: raw.condition.value } } } : {}),
  }));

const policy = fc.array(statement(fc.constantFrom("Allow", "Deny")), { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: "2012-10-17", Statement }));

function mutate(document: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0 || typeof document !== "object" || document === null) return value;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> = Array.isArray(document) ? { ...document } : { ...(document as Record<string, unknown>) };
  copy[head!] = mutate(copy[head!], rest, value);
  return copy;
}

function rank(decision: Decision): number {
  return decision.type === "allowed" ? 2 : decision.type === "allowedIf" ? 1 : 0;
}

describe("policy parser fuzzing", () => {
  it("never throws on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        compilePolicy(value, source);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        compilePolicy(text, source);
        compilePolicy(encodeURIComponent(text), source);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on mutated documents, nor when evaluating them", () => {
    const principal = principalFromArn("arn:aws:iam::111122223333:user/alice")!;
    fc.assert(
      fc.property(
        policy,
        fc.array(fc.constantFrom("Statement", "0", "1", "Effect", "Action", "Resource", "Condition", "Version", "Principal"), { maxLength: 4 }),
        fc.jsonValue(),
        (document, path, value) => {
          const compiled = compilePolicy(mutate(document, path, value), source);
          evaluate({ principal, action: "s3:GetObject", resource: "arn:aws:s3:::b/x" }, { identity: [compiled] });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("deny monotonicity", () => {
  it("adding a Deny never widens access", () => {
    const principal = principalFromArn("arn:aws:iam::111122223333:user/alice", { tags: { team: "soc" } })!;
    fc.assert(
      fc.property(
        policy,
        statement(fc.constant("Deny")),
        fc.constantFrom(...REQUEST_ACTIONS),
        fc.constantFrom(...REQUEST_RESOURCES),
        fc.boolean(),
        (document, denyStatement, action, resource, unknown) => {
          const base: CompiledPolicy[] = [compilePolicy(document, source)];
          const withDeny = [...base, compilePolicy({ Version: "2012-10-17", Statement: [denyStatement] }, source)];
          const request = { principal, action, resource, context: unknown ? { unknownKeys: "missing" as const } : { values: { "s3:prefix": "abc" } } };
          expect(rank(evaluate(request, { identity: withDeny }))).toBeLessThanOrEqual(rank(evaluate(request, { identity: base })));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
