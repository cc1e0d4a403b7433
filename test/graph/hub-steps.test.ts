import { describe, expect, it } from "vitest";
import { LAKE_ACCOUNT, LAKE_BUCKET, account, allow, doc, graphOf, role, snapshot, trust, user } from "./support/mini-org.js";

const CALLER_ACCOUNT = "444455556666";

/**
 * A role trusting a whole account is reached through the graph's account-trust hub, which is
 * not a principal: the path shows the caller assuming the role in one step.
 */
describe("account-trust hub in a path", () => {
  const reader = role("Reader", trust({ AWS: `arn:aws:iam::${CALLER_ACCOUNT}:root` }), [doc(allow("s3:GetObject", `${LAKE_BUCKET}/*`))]);
  const bob = user("bob", [doc(allow("sts:AssumeRole", "*"))], {}, CALLER_ACCOUNT);
  const graph = graphOf(snapshot([account({ roles: [reader], lake: true }), account({ accountId: CALLER_ACCOUNT, users: [bob] })]));
  const grant = graph.grants("lake.read").find((candidate) => candidate.principal.id === bob.arn);

  it("reaches the role through the hub", () => {
    expect(graph.edges.some((edge) => edge.from === bob.arn && edge.to.includes("#roles-of-"))).toBe(true);
  });

  it("finds the grant", () => {
    expect(grant?.decision).toBe("allowed");
  });

  it("takes the role in one step", () => {
    expect(grant?.path.map((step) => [step.from, step.to])).toEqual([
      [bob.arn, reader.arn],
      [reader.arn, expect.stringContaining(LAKE_ACCOUNT)],
    ]);
  });

  it("cites both policies of the step", () => {
    expect(grant?.path[0]?.statements.map((statement) => statement.policy.type).sort()).toEqual(["identity", "trust"]);
  });
});
