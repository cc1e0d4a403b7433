import { describe, expect, it } from "vitest";
import { LAKE_BUCKET, account, allow, arnOf, doc, graphOf, role, snapshot, trust, user } from "./support/mini-org.js";

/** Grants that pass through the same edge share one path step object with the same content. */
describe("shared path steps", () => {
  const reader = role("Reader", trust({ AWS: arnOf("user", "alice") }), [doc(allow(["s3:GetObject", "s3:DeleteObject", "s3:PutObject"], `${LAKE_BUCKET}/*`))]);
  const alice = user("alice");
  const graph = graphOf(snapshot([account({ users: [alice], roles: [reader], lake: true })]));
  const grants = graph.allGrants().filter((grant) => grant.principal.id === alice.arn && grant.path.length > 1);

  it("finds grants through the role", () => {
    expect(grants.length).toBeGreaterThan(1);
  });

  it("shares the first step", () => {
    expect(new Set(grants.map((grant) => grant.path[0])).size).toBe(1);
  });

  it("keeps the step content", () => {
    expect(grants[0]?.path[0]).toMatchObject({ from: alice.arn, to: reader.arn, edge: "canAssume" });
  });
});
