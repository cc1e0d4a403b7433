import { accountRootArn, parseArn, principalNameOfArn, roleArnOfSession } from "../shared/arn.js";
import type { RequestPrincipal } from "./types.js";

/**
 * Builders for the callers of requests. Each fills the fields from which the global condition
 * keys are derived (`aws:PrincipalArn`, `aws:username`, `aws:PrincipalAccount`, ...).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */

/** Facts about the caller that its ARN does not carry. */
export type PrincipalFacts = Pick<RequestPrincipal, "userId" | "tags" | "orgId" | "orgPaths">;

/** An IAM user, signing with its own credentials. */
export function userPrincipal(userArn: string, facts: PrincipalFacts = {}): RequestPrincipal {
  const arn = parseArn(userArn);
  const userName = principalNameOfArn(userArn);
  return { kind: "user", arn: userArn, ...(arn ? { accountId: arn.accountId } : {}), ...(userName ? { userName } : {}), ...facts };
}

/**
 * A role session. Accepts the session ARN (`arn:aws:sts::…:assumed-role/Role/session`) or a role
 * ARN, for which the session name `session` is assumed; `roleArn` keeps the role's path when the
 * caller knows it.
 */
export function roleSessionPrincipal(arnText: string, facts: PrincipalFacts & { roleArn?: string } = {}): RequestPrincipal {
  const arn = parseArn(arnText);
  const fromRole = arn?.service === "iam" && arn.resource.startsWith("role/");
  const sessionArn = fromRole && arn ? `arn:${arn.partition}:sts::${arn.accountId}:assumed-role/${principalNameOfArn(arnText)}/session` : arnText;
  const roleArn = facts.roleArn ?? (fromRole ? arnText : roleArnOfSession(arnText));
  return { kind: "role-session", arn: sessionArn, ...(arn ? { accountId: arn.accountId } : {}), ...(roleArn ? { roleArn } : {}), ...facts };
}

/** The root user of an account. */
export function rootPrincipal(accountId: string, facts: PrincipalFacts = {}): RequestPrincipal {
  return { kind: "root", arn: accountRootArn(accountId), accountId, ...facts };
}

/** An AWS service principal, named by its service (`s3.amazonaws.com`), which has no ARN. */
export function servicePrincipal(serviceName: string): RequestPrincipal {
  return { kind: "service", arn: serviceName };
}

/** An unauthenticated caller. */
export function anonymousPrincipal(): RequestPrincipal {
  return { kind: "anonymous", arn: "*" };
}

/**
 * Builds the principal for any caller text: a user, role, session or root ARN, or a service name.
 * Returns undefined for text that names none of these.
 */
export function principalFromArn(text: string, facts: PrincipalFacts = {}): RequestPrincipal | undefined {
  if (text === "*") return anonymousPrincipal();
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text)) return servicePrincipal(text);

  const arn = parseArn(text);
  if (!arn) return undefined;
  if (arn.service === "iam" && arn.resource === "root") return rootPrincipal(arn.accountId, facts);
  if (arn.service === "iam" && arn.resource.startsWith("user/")) return userPrincipal(text, facts);
  if (arn.service === "iam" && arn.resource.startsWith("role/")) return roleSessionPrincipal(text, facts);
  if (arn.service === "sts" && arn.resource.startsWith("assumed-role/")) return roleSessionPrincipal(text, facts);
  if (arn.service === "sts" && arn.resource.startsWith("federated-user/")) {
    return { kind: "federated", arn: text, accountId: arn.accountId, ...facts };
  }
  return undefined;
}
