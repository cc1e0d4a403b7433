import { describe, expect, it } from "vitest";
import { TrustIndex } from "../../src/evaluator/graph/trust-index.js";

const lambdaTrust = { Version: "2012-10-17", Statement: { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" } };
const ROLES = ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::444455556666:role/b", "arn:aws:iam::111122223333:role/c", "not-an-arn"];

describe("TrustIndex.rolesTrustingService", () => {
  const index = new TrustIndex();
  for (const role of ROLES) index.add(role, lambdaTrust);

  it("lists every role without an account", () => {
    expect(index.rolesTrustingService("lambda.amazonaws.com")).toEqual(ROLES);
  });

  it("keeps one account's roles in order", () => {
    expect(index.rolesTrustingService("lambda.amazonaws.com", "111122223333")).toEqual([ROLES[0], ROLES[2]]);
  });

  it("finds none for another service", () => {
    expect(index.rolesTrustingService("glue.amazonaws.com", "111122223333")).toEqual([]);
  });

  it("finds none for an empty account", () => {
    expect(index.rolesTrustingService("lambda.amazonaws.com", "")).toEqual([]);
  });
});
