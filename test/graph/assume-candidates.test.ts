import { describe, expect, it } from "vitest";
import type { AccessGraph } from "../../src/evaluator/graph/index.js";
import { LAKE_ACCOUNT, account, allow, arnOf, doc, graphOf, role, snapshot, trust, user } from "./support/mini-org.js";

/**
 * Assume candidates the build skips without deciding: roles whose trust names only account
 * roots, for callers without an identity Allow covering the role. Each case compares the
 * edges with what AWS decides, including the trusts that must still reach the engine.
 */

const OTHER_ACCOUNT = "444455556666";
const TARGET = arnOf("role", "Target");
const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } };

/** True when a canAssume edge leads from `from` to `to`, directly or through an account hub. */
function assumes(graph: AccessGraph, from: string, to: string): boolean {
  const out = graph.edges.filter((edge) => edge.kind === "canAssume" && edge.from === from);
  if (out.some((edge) => edge.to === to)) return true;
  return out.some((edge) => graph.edges.some((next) => next.kind === "canAssume" && next.from === edge.to && next.to === to));
}

function graphWith(caller: Record<string, unknown>[], targetTrust: Record<string, unknown>, callerAccount = LAKE_ACCOUNT) {
  const target = role("Target", targetTrust);
  const alice = user("alice", caller, {}, callerAccount);
  const accounts = callerAccount === LAKE_ACCOUNT ? [account({ users: [alice], roles: [target] })] : [account({ roles: [target] }), account({ accountId: callerAccount, users: [alice] })];
  return { graph: graphOf(snapshot(accounts)), alice: alice.arn };
}

describe("assume candidates", () => {
  const cases: { name: string; caller: Record<string, unknown>[]; trust: Record<string, unknown>; account?: string; expected: boolean }[] = [
    { name: "root trust, no identity allow", caller: [], trust: trust({ AWS: LAKE_ACCOUNT }, MFA), expected: false },
    { name: "root trust, allow on the role", caller: [doc(allow("sts:AssumeRole", TARGET))], trust: trust({ AWS: LAKE_ACCOUNT }, MFA), expected: true },
    { name: "root trust, allow on another role", caller: [doc(allow("sts:AssumeRole", arnOf("role", "Other")))], trust: trust({ AWS: LAKE_ACCOUNT }, MFA), expected: false },
    { name: "root ARN trust, allow by wildcard", caller: [doc(allow("sts:AssumeRole", arnOf("role", "Tar*")))], trust: trust({ AWS: `arn:aws:iam::${LAKE_ACCOUNT}:root` }, MFA), expected: true },
    { name: "root trust, allow with variable", caller: [doc(allow("sts:AssumeRole", "arn:aws:iam::${aws:PrincipalAccount}:role/Target"))], trust: trust({ AWS: LAKE_ACCOUNT }, MFA), expected: true },
    { name: "root and user trust, no allow", caller: [], trust: trust({ AWS: [LAKE_ACCOUNT, arnOf("user", "alice")] }, MFA), expected: true },
    { name: "open trust, no identity allow", caller: [], trust: trust({ AWS: "*" }, MFA), expected: true },
    { name: "cross-account, no identity allow", caller: [], trust: trust({ AWS: OTHER_ACCOUNT }, MFA), account: OTHER_ACCOUNT, expected: false },
    { name: "cross-account, allow on the role", caller: [doc(allow("sts:AssumeRole", TARGET))], trust: trust({ AWS: OTHER_ACCOUNT }, MFA), account: OTHER_ACCOUNT, expected: true },
  ];

  it.each(cases)("$name", ({ caller, trust: targetTrust, account: callerAccount, expected }) => {
    const { graph, alice } = graphWith(caller, targetTrust, callerAccount);
    expect(assumes(graph, alice, TARGET)).toBe(expected);
  });

  it("keeps a role session named by another path", () => {
    // A role ARN in a trust policy matches the role's sessions whatever the path, so the
    // caller gets in directly, without an identity Allow covering the target. Its Allow on
    // another role makes the target a candidate through the account root.
    const caller = role("Caller", trust({ Service: "ec2.amazonaws.com" }), [doc(allow("sts:AssumeRole", arnOf("role", "Other")))]);
    const target = role("Target", trust({ AWS: [LAKE_ACCOUNT, `arn:aws:iam::${LAKE_ACCOUNT}:role/team/Caller`] }, MFA));
    const graph = graphOf(snapshot([account({ roles: [caller, target] })]));
    expect(assumes(graph, caller.arn, TARGET)).toBe(true);
  });
});
