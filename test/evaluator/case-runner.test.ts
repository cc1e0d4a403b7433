import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePolicy, evaluate, principalFromArn, type CompiledPolicy, type PolicySet, type PolicyType, type RequestContext } from "../../src/evaluator/index.js";

/**
 * The project's evaluation cases: one JSON file per behaviour group under cases/, each case
 * named by the behaviour it pins. A case may set `"focus": true` while debugging; `"skip"` is
 * honoured too, but the table keeps no skipped case.
 */

interface PolicyCase {
  name: string;
  focus?: boolean;
  skip?: boolean;
  principal: string;
  principalFacts?: { tags?: Record<string, string>; orgId?: string; orgPaths?: string[]; userId?: string };
  action: string;
  resource: string;
  resourceAccount?: string;
  context?: Record<string, string | string[]>;
  unknownKeys?: string[] | "missing";
  identity?: unknown[];
  boundary?: unknown;
  session?: unknown[];
  scpLevels?: unknown[][];
  rcpLevels?: unknown[][];
  resourcePolicy?: { type: PolicyType; document: unknown };
  flags?: Pick<PolicySet, "principalInManagementAccount" | "resourceInManagementAccount" | "serviceLinkedRole" | "awsManagedKey">;
  expect: string;
  expectBlockedBy?: PolicyType;
  expectConditionKeys?: string[];
  expectStatements?: string[];
}

const CASES_DIR = join(import.meta.dirname, "cases");

function compileAll(documents: unknown[] | undefined, type: PolicyType, field: string): CompiledPolicy[] {
  return (documents ?? []).map((document, index) => compilePolicy(document, { type, id: `${field}[${index}]` }));
}

function policySetOf(testCase: PolicyCase): PolicySet {
  const set: PolicySet = { identity: compileAll(testCase.identity, "identity", "identity"), ...testCase.flags };
  if (testCase.boundary !== undefined) set.boundary = compilePolicy(testCase.boundary, { type: "boundary", id: "boundary" });
  if (testCase.session) set.session = compileAll(testCase.session, "session", "session");
  if (testCase.scpLevels) set.scpLevels = testCase.scpLevels.map((level, index) => compileAll(level, "scp", `scp${index}`));
  if (testCase.rcpLevels) set.rcpLevels = testCase.rcpLevels.map((level, index) => compileAll(level, "rcp", `rcp${index}`));
  if (testCase.resourcePolicy) set.resourcePolicy = compilePolicy(testCase.resourcePolicy.document, { type: testCase.resourcePolicy.type, id: "resourcePolicy" });
  return set;
}

function contextOf(testCase: PolicyCase): RequestContext {
  const context: RequestContext = { values: testCase.context ?? {} };
  if (testCase.unknownKeys) return { ...context, unknownKeys: testCase.unknownKeys === "missing" ? "missing" : new Set(testCase.unknownKeys) };
  return context;
}

function runCase(testCase: PolicyCase): void {
  const principal = principalFromArn(testCase.principal, testCase.principalFacts ?? {});
  expect(principal, `principal ${testCase.principal}`).toBeDefined();

  const decision = evaluate(
    {
      principal: principal!,
      action: testCase.action,
      resource: testCase.resource,
      context: contextOf(testCase),
      ...(testCase.resourceAccount ? { resourceAccountId: testCase.resourceAccount } : {}),
    },
    policySetOf(testCase),
  );

  expect(decision.type).toBe(testCase.expect);
  if (testCase.expectBlockedBy) expect(decision.blockedBy).toBe(testCase.expectBlockedBy);
  if (testCase.expectConditionKeys) expect((decision.conditions ?? []).map((condition) => condition.key).sort()).toEqual([...testCase.expectConditionKeys].sort());
  if (testCase.expectStatements) expect(decision.statements.map((ref) => `${ref.policy.id}#${ref.sid ?? ref.index}`)).toEqual(testCase.expectStatements);
}

const groups = readdirSync(CASES_DIR).filter((name) => name.endsWith(".json")).sort();
const all = groups.flatMap((file) => (JSON.parse(readFileSync(join(CASES_DIR, file), "utf8")) as PolicyCase[]).map((testCase) => ({ file, testCase })));
const focused = all.some(({ testCase }) => testCase.focus);

for (const file of groups) {
  describe(file.replace(/\.json$/, ""), () => {
    for (const { testCase } of all.filter((entry) => entry.file === file)) {
      const skip = testCase.skip || (focused && !testCase.focus);
      (skip ? it.skip : it)(testCase.name, () => runCase(testCase));
    }
  });
}

describe("case table", () => {
  it("has no focused or skipped case", () => {
    expect(all.filter(({ testCase }) => testCase.focus || testCase.skip).map(({ testCase }) => testCase.name)).toEqual([]);
  });
});
