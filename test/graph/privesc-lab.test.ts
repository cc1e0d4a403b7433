import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CapabilityGrant } from "../../src/evaluator/access.js";
import { importAuthorizationDetailsFile } from "../../src/importer/load-input.js";
import { graphOf } from "./support/mini-org.js";

/**
 * The IAM-Vulnerable lab account exported by cloudsplaining: every exploitable principal must
 * reach administrator through another node, conditional ones as allowedIf, and the others not.
 */
const FILE = new URL("../../../shared/fixtures/public/cloudsplaining-authz-details/example-account-authz-details.json", import.meta.url);
const present = existsSync(FILE);
if (!present) console.warn("skipping the privilege-escalation lab: ../shared is absent");

type Verdict = "allowed" | "allowedIf" | "none";

/** [principal kind, name, verdict]; names without a kind apply to the user and the role. */
const ANSWER_KEY: [("user" | "role")[], string, Verdict][] = [
  [["user", "role"], "privesc1-CreateNewPolicyVersion", "allowed"],
  [["user", "role"], "privesc2-SetExistingDefaultPolicyVersion", "none"],
  [["user", "role"], "privesc3-CreateEC2WithExistingInstanceProfile", "allowed"],
  [["user", "role"], "privesc4-CreateAccessKey", "allowed"],
  [["user", "role"], "privesc5-CreateLoginProfile", "allowedIf"],
  [["user", "role"], "privesc6-UpdateLoginProfile", "allowedIf"],
  [["user"], "privesc7-AttachUserPolicy", "allowed"],
  [["role"], "privesc7-AttachUserPolicy", "none"],
  [["user"], "privesc8-AttachGroupPolicy", "allowed"],
  [["role"], "privesc8-AttachGroupPolicy", "none"],
  [["role"], "privesc9-AttachRolePolicy", "allowed"],
  [["user"], "privesc9-AttachRolePolicy", "none"],
  [["user"], "privesc10-PutUserPolicy", "allowed"],
  [["role"], "privesc10-PutUserPolicy", "none"],
  [["user"], "privesc11-PutGroupPolicy", "allowed"],
  [["role"], "privesc11-PutGroupPolicy", "none"],
  [["role"], "privesc12-PutRolePolicy", "allowed"],
  [["user"], "privesc12-PutRolePolicy", "none"],
  [["user"], "privesc13-AddUserToGroup", "allowed"],
  [["role"], "privesc13-AddUserToGroup", "none"],
  [["user", "role"], "privesc14-UpdatingAssumeRolePolicy", "allowed"],
  [["user", "role"], "privesc15-PassExistingRoleToNewLambdaThenInvoke", "allowed"],
  [["user", "role"], "privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo", "allowedIf"],
  [["user", "role"], "privesc17-EditExistingLambdaFunctionWithRole", "allowedIf"],
  [["user", "role"], "privesc18-PassExistingRoleToNewGlueDevEndpoint", "allowed"],
  [["user", "role"], "privesc19-UpdateExistingGlueDevEndpoint", "allowedIf"],
  [["user", "role"], "privesc20-PassExistingRoleToCloudFormation", "allowed"],
  [["user", "role"], "privesc21-PassExistingRoleToNewDataPipeline", "allowed"],
  [["role"], "privesc-AssumeRole-starting", "allowed"],
  [["role"], "privesc-AssumeRole-intermediate", "allowed"],
  [["user"], "privesc-AssumeRole-start", "none"],
  [["user", "role"], "privesc-CloudFormationUpdateStack", "allowedIf"],
  [["user", "role"], "privesc-codeBuildCreateProjectPassRole", "allowed"],
  [["user", "role"], "privesc-ec2InstanceConnect", "allowedIf"],
  [["user", "role"], "privesc-sageMakerCreateNotebookPassRole", "allowed"],
  [["user", "role"], "privesc-sageMakerCreatePresignedNotebookURL", "allowedIf"],
  [["user", "role"], "privesc-sageMakerCreateProcessingJobPassRole", "allowed"],
  [["user", "role"], "privesc-sageMakerCreateTrainingJobPassRole", "allowed"],
  [["user", "role"], "privesc-ssmSendCommand", "allowedIf"],
  [["user", "role"], "privesc-ssmStartSession", "allowedIf"],
  [["user", "role"], "privesc-sre", "allowed"],
  [["role"], "privesc-permissive-role-trust", "none"],
  [["user", "role"], "fn1-privesc3-partial", "allowed"],
  [["user", "role"], "fn2-exploitableResourceConstraint", "allowed"],
  [["role"], "fn3-exploitableConditionConstraint", "allowed"],
  [["user"], "fn3-exploitableConditionConstraint", "allowedIf"],
  [["user", "role"], "fn4-exploitableNotAction", "allowed"],
  [["user", "role"], "fp1-allow-and-deny", "none"],
  [["user", "role"], "fp2-allow-and-deny-multiple-policies", "none"],
  [["user", "role"], "fp3-deny-iam", "none"],
  [["user", "role"], "fp4-nonExploitableResourceConstraint", "none"],
  [["user", "role"], "fp5-nonExploitableConditionConstraint", "none"],
];

const CASES = ANSWER_KEY.flatMap(([kinds, name, verdict]) => kinds.map((kind) => ({ key: `${kind}:${name}-${kind}`, verdict })));

describe.skipIf(!present)("privilege-escalation lab", async () => {
  const snapshot = present ? await importAuthorizationDetailsFile(FILE.pathname) : undefined;
  const graph = snapshot ? graphOf(snapshot) : undefined;
  // Administrator reached through at least one other node: an escalation to administrator.
  const escalations = new Map<string, CapabilityGrant>(
    (graph?.grants("admin") ?? []).filter((grant) => grant.path.length > 1).map((grant) => [`${grant.principal.kind}:${grant.principal.label}`, grant]),
  );

  it.each(CASES)("$key is $verdict", ({ key, verdict }) => {
    expect(escalations.get(key)?.decision ?? "none").toBe(verdict);
  });

  it("notes that no lake was found", () => {
    expect(graph?.fallback).toBe(true);
  });
});
