import { describe, expect, it } from "vitest";
import {
  anonymousPrincipal,
  compilePolicy,
  evaluateAssumeRole,
  keyPolicyEnablesIam,
  loadActionCatalog,
  principalFromArn,
  roleSessionPrincipal,
  rootPrincipal,
  servicePrincipal,
  userPrincipal,
} from "../../src/evaluator/index.js";

describe("principal builders", () => {
  it("derives the user name", () => {
    expect(userPrincipal("arn:aws:iam::111122223333:user/team/alice").userName).toBe("alice");
  });

  it("derives a session's role", () => {
    expect(roleSessionPrincipal("arn:aws:sts::111122223333:assumed-role/Reader/s").roleArn).toBe("arn:aws:iam::111122223333:role/Reader");
  });

  it("builds a session from a role ARN", () => {
    expect(roleSessionPrincipal("arn:aws:iam::111122223333:role/Reader").arn).toBe("arn:aws:sts::111122223333:assumed-role/Reader/session");
  });

  it("builds the root user", () => {
    expect(rootPrincipal("111122223333").arn).toBe("arn:aws:iam::111122223333:root");
  });

  it("builds a service principal", () => {
    expect(servicePrincipal("s3.amazonaws.com").kind).toBe("service");
  });

  it("builds an anonymous caller", () => {
    expect(anonymousPrincipal().arn).toBe("*");
  });

  it("recognises a service name", () => {
    expect(principalFromArn("securitylake.amazonaws.com")?.kind).toBe("service");
  });

  it("rejects other text", () => {
    expect(principalFromArn("arn:aws:s3:::bucket")).toBeUndefined();
  });
});

describe("evaluateAssumeRole", () => {
  const trust = compilePolicy(
    { Version: "2012-10-17", Statement: { Effect: "Allow", Principal: { AWS: "444455556666" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x" } } } },
    { type: "trust", id: "arn:aws:iam::111122223333:role/Target" },
  );
  const callerPolicies = { identity: [compilePolicy({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" } }, { type: "identity", id: "p" })] };
  const caller = roleSessionPrincipal("arn:aws:sts::444455556666:assumed-role/Siem/s");

  it("allows with the ExternalId", () => {
    expect(evaluateAssumeRole(caller, "arn:aws:iam::111122223333:role/Target", trust, callerPolicies, { values: { "sts:ExternalId": "x" } }).type).toBe("allowed");
  });

  it("denies without the ExternalId", () => {
    expect(evaluateAssumeRole(caller, "arn:aws:iam::111122223333:role/Target", trust, callerPolicies).type).toBe("implicitDeny");
  });

  it("is allowedIf when the ExternalId is unknown", () => {
    expect(evaluateAssumeRole(caller, "arn:aws:iam::111122223333:role/Target", trust, callerPolicies, { unknownKeys: "missing" }).type).toBe("allowedIf");
  });
});

describe("keyPolicyEnablesIam", () => {
  const key = "arn:aws:kms:us-east-1:111122223333:key/k";
  const policy = compilePolicy(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] },
    { type: "key", id: key },
  );

  it("is true for the delegating account", () => {
    expect(keyPolicyEnablesIam(policy, "111122223333", "kms:Decrypt", key)).toBe(true);
  });

  it("is false for another account", () => {
    expect(keyPolicyEnablesIam(policy, "444455556666", "kms:Decrypt", key)).toBe(false);
  });
});

describe("action catalog", () => {
  it("expands a pattern to known actions", async () => {
    const catalog = await loadActionCatalog();
    expect(catalog.expand("sqs:?etQueueAttributes").sort()).toEqual(["sqs:GetQueueAttributes", "sqs:SetQueueAttributes"]);
  });

  it("reads an access level", async () => {
    const catalog = await loadActionCatalog();
    expect(catalog.accessLevel("s3:putbucketpolicy")).toBe("Permissions management");
  });

  it("shares one load", async () => {
    expect(await loadActionCatalog()).toBe(await loadActionCatalog());
  });
});
