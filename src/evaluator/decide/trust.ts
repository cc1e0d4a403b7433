import { parseArn } from "../../shared/arn.js";
import { asPolicy } from "../policy/compile.js";
import { principalApplies, statementApplies } from "./statement.js";
import { requestView } from "./context.js";
import { evaluate } from "./evaluate.js";
import type { CompiledPolicy, Decision, PolicySet, RequestContext, RequestPrincipal } from "../types.js";

/**
 * `sts:AssumeRole`: the role's trust policy is the resource policy of the request. In the role's
 * own account a trust policy that names the caller's ARN (or role) allows by itself. One that
 * names the account root delegates to the caller's identity policies. Across accounts both the
 * trust policy and the caller's policies must allow. `sts:ExternalId` is a context key.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
export function evaluateAssumeRole(
  caller: RequestPrincipal,
  roleArn: string,
  trustPolicy: CompiledPolicy,
  callerPolicies: Omit<PolicySet, "resourcePolicy">,
  context?: RequestContext,
): Decision {
  const roleAccount = parseArn(roleArn)?.accountId;
  return evaluate(
    { principal: caller, action: "sts:AssumeRole", resource: roleArn, ...(roleAccount ? { resourceAccountId: roleAccount } : {}), ...(context ? { context } : {}) },
    { ...callerPolicies, resourcePolicy: trustPolicy },
  );
}

/**
 * Tests whether a KMS key policy lets the IAM policies of `accountId` take effect for an action: it has
 * an Allow for the account (its id or root ARN) that covers the action with no condition left
 * false. Without it, identity policies of that account grant nothing on the key.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
 */
export function keyPolicyEnablesIam(keyPolicy: CompiledPolicy, accountId: string, action: string, keyArn: string): boolean {
  const policy = asPolicy(keyPolicy);
  if (!policy) return false;

  const principal: RequestPrincipal = { kind: "role-session", arn: `arn:aws:sts::${accountId}:assumed-role/-/-`, accountId };
  const request = { principal, action, resource: keyArn, context: { unknownKeys: "missing" as const } };
  const statementRequest = requestView(request);
  return policy.statementsFor(action.toLowerCase(), "Allow").some(
    (statement) => principalApplies(statement, principal) === "account" && statementApplies(statement, statementRequest) !== false,
  );
}
