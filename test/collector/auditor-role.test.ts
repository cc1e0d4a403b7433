import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readOnlyActions, readOnlySessionPolicy } from "../../src/collector/read-only-operations.js";
import { compilePolicy, evaluate, loadActionCatalog, roleSessionPrincipal, type ActionCatalog, type CompiledPolicy } from "../../src/evaluator/index.js";

const ROLE = "arn:aws:iam::111111111111:role/LakewardenAudit";
const CHANGING_LEVELS = new Set(["Write", "Tagging", "Permissions management"]);

function allows(policy: CompiledPolicy, action: string): boolean {
  const decision = evaluate({ principal: roleSessionPrincipal(ROLE), action, resource: "*", resourceAccountId: "111111111111" }, { identity: [policy] });
  return decision.type === "allowed" || decision.type === "allowedIf";
}

describe.each([
  ["policies/auditor-role.json", async () => JSON.parse(await readFile(join(import.meta.dirname, "../../policies/auditor-role.json"), "utf8")) as unknown],
  ["the session policy", async () => JSON.parse(readOnlySessionPolicy()) as unknown],
])("%s", (name, load) => {
  let catalog: ActionCatalog;
  let policy: CompiledPolicy;

  beforeAll(async () => {
    catalog = await loadActionCatalog();
    policy = compilePolicy(await load(), { type: "identity", id: name });
  });

  it("compiles without problems", () => {
    expect(policy.usable).toBe(true);
    expect(policy.problems).toEqual([]);
  });

  it("grants no write, tagging or permissions action", () => {
    const changing = catalog.actions.filter((action) => CHANGING_LEVELS.has(catalog.accessLevel(action) ?? ""));
    expect(changing.length).toBeGreaterThan(1000);
    const granted = changing.filter((action) => allows(policy, action));
    expect(granted).toEqual([]);
  });

  it("grants every read the collector sends", () => {
    const reads = readOnlyActions().filter((action) => !action.startsWith("sts:"));
    const refused = reads.filter((action) => !allows(policy, action));
    expect(refused).toEqual([]);
  });

  it("names only catalogued List and Read actions", () => {
    for (const action of readOnlyActions().filter((candidate) => !candidate.startsWith("sts:"))) {
      expect(catalog.has(action), action).toBe(true);
      expect(["List", "Read"], action).toContain(catalog.accessLevel(action));
    }
  });
});

describe("policies/auditor-role.json", () => {
  it("names exactly the collector's reads", async () => {
    const file = JSON.parse(await readFile(join(import.meta.dirname, "../../policies/auditor-role.json"), "utf8")) as { Statement: { Action: string[] }[] };
    const actions = file.Statement.flatMap((statement) => statement.Action).sort();
    expect(actions).toEqual(readOnlyActions().filter((action) => !action.startsWith("sts:")));
  });
});
