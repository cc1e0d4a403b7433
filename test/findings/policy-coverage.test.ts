import { describe, expect, it } from "vitest";
import { compilePolicy } from "../../src/evaluator/policy/compile.js";
import { flawedPolicyGaps } from "../../src/findings/policy-coverage.js";
import type { Snapshot } from "../../src/model/snapshot.js";

const SNAPSHOT = { managementAccountId: "999988887777", coverage: [], accounts: [] } as unknown as Snapshot;
const BROKEN = { Version: "2012-10-17", Statement: [{ Effect: "Allwo", Action: "*", Resource: "*" }] };

describe("flawedPolicyGaps", () => {
  it("places an inline policy in its owner's account", () => {
    const policy = compilePolicy(BROKEN, { type: "identity", id: "arn:aws:iam::111122223333:role/r#inline", name: "inline" });
    const [gap] = flawedPolicyGaps([policy], SNAPSHOT);
    expect([gap?.accountId, gap?.region, gap?.service, gap?.state]).toEqual(["111122223333", "global", "iam", "error"]);
  });

  it("names the problem's path", () => {
    const policy = compilePolicy(BROKEN, { type: "identity", id: "arn:aws:iam::111122223333:role/r#inline", name: "inline" });
    expect(flawedPolicyGaps([policy], SNAPSHOT)[0]?.message).toBe('policy inline: statements with these problems were not evaluated: $.Statement[0].Effect: expected "Allow" or "Deny"');
  });

  it("places an SCP in the management account", () => {
    const policy = compilePolicy(BROKEN, { type: "scp", id: "arn:aws:organizations::999988887777:policy/o-1/service_control_policy/p-1", name: "deny" });
    expect(flawedPolicyGaps([policy], SNAPSHOT)[0]?.accountId).toBe("999988887777");
  });

  it("places a key policy in the key's Region", () => {
    const policy = compilePolicy(BROKEN, { type: "key", id: "arn:aws:kms:eu-west-1:111122223333:key/k", name: "key policy" });
    expect(flawedPolicyGaps([policy], SNAPSHOT)[0]?.region).toBe("eu-west-1");
  });

  it("says an unreadable document grants nothing", () => {
    const policy = compilePolicy("%7Bnot json", { type: "identity", id: "arn:aws:iam::aws:policy/Broken", name: "Broken" });
    const [gap] = flawedPolicyGaps([policy], SNAPSHOT);
    expect([gap?.accountId, gap?.message]).toEqual(["aws", expect.stringContaining("evaluated as granting nothing")]);
  });

  it("reports a policy compiled twice once", () => {
    const source = { type: "identity" as const, id: "arn:aws:iam::111122223333:policy/p", name: "p" };
    expect(flawedPolicyGaps([compilePolicy(BROKEN, source), compilePolicy(BROKEN, source)], SNAPSHOT)).toHaveLength(1);
  });
});
