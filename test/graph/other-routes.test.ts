import { describe, expect, it } from "vitest";
import { LAKE_BUCKET, account, allow, arnOf, doc, graphOf, role, snapshot, trust, user } from "./support/mini-org.js";

/** A grant names the other principals its holder can become that also reach the capability. */
describe("other routes of a grant", () => {
  const read = doc(allow("s3:GetObject", `${LAKE_BUCKET}/*`));
  const first = role("ReaderA", trust({ AWS: arnOf("user", "carol") }), [read]);
  const second = role("ReaderB", trust({ AWS: arnOf("user", "carol") }), [read]);
  const loop = role("Loop", trust({ AWS: arnOf("user", "carol") }), [doc(allow("sts:AssumeRole", arnOf("user", "carol")))]);
  const carol = user("carol", [doc(allow("sts:AssumeRole", "*"))]);
  const graph = graphOf(snapshot([account({ users: [carol], roles: [first, second, loop], lake: true })]));
  const grant = graph.grants("lake.read").find((candidate) => candidate.principal.id === carol.arn);

  it("lists the role the path does not use", () => {
    const used = grant?.path[0]?.to;
    expect(grant?.otherRoutes).toEqual([first.arn, second.arn].filter((arn) => arn !== used));
  });

  it("leaves out a principal without a route", () => {
    expect(grant?.otherRoutes).not.toContain(loop.arn);
  });

  it("gives a direct holder no other route", () => {
    const direct = graph.grants("lake.read").find((candidate) => candidate.principal.id === first.arn);
    expect(direct?.otherRoutes).toBeUndefined();
  });
});

describe("other routes through an escalation", () => {
  const read = doc(allow("s3:GetObject", `${LAKE_BUCKET}/*`));
  const reader = role("Reader", trust({ AWS: arnOf("user", "dave") }), [read]);
  const dave = user("dave", [doc(allow("sts:AssumeRole", reader.arn), allow("iam:PutUserPolicy", arnOf("user", "dave")))]);
  const graph = graphOf(snapshot([account({ users: [dave], roles: [reader], lake: true })]));
  const grant = graph.grants("lake.read").find((candidate) => candidate.principal.id === dave.arn);

  it("names the escalation in words", () => {
    const routes = [grant?.path[0]?.to, ...(grant?.otherRoutes ?? [])];
    expect(routes).toContain(`${dave.arn} (after writing itself a policy)`);
  });
});
