import { describe, expect, it } from "vitest";
import { buildPrincipalSpec, matchPrincipal } from "../../src/evaluator/match/principal.js";
import type { RequestPrincipal } from "../../src/evaluator/types.js";

const LAMBDA = [{ kind: "Service", value: "lambda.amazonaws.com" }];
const ALICE = [{ kind: "AWS", value: "arn:aws:iam::111122223333:user/alice" }];

describe("principal spec cache", () => {
  it("shares equal elements", () => {
    expect(buildPrincipalSpec([...LAMBDA])).toBe(buildPrincipalSpec([...LAMBDA]));
  });

  it("keeps different elements apart", () => {
    expect(buildPrincipalSpec(LAMBDA)).not.toBe(buildPrincipalSpec(ALICE));
  });

  it("keeps kinds apart for one value", () => {
    const value = "arn:aws:iam::111122223333:user/alice";
    expect(buildPrincipalSpec([{ kind: "AWS", value }])).not.toBe(buildPrincipalSpec([{ kind: "Federated", value }]));
  });

  it("matches through a shared spec", () => {
    buildPrincipalSpec(ALICE);
    const caller: RequestPrincipal = { kind: "user", arn: "arn:aws:iam::111122223333:user/alice", accountId: "111122223333" };
    expect(matchPrincipal(buildPrincipalSpec(ALICE), caller)).toBe("exact");
  });
});
