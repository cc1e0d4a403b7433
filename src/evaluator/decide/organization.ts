import { serviceOfAction } from "../match/action.js";
import type { EvaluationRequest, PolicySet, PolicyType } from "../types.js";
import { limitOf, NO, YES, type Outcome } from "./outcome.js";
import { RCP_SERVICES } from "./rcp-services.js";
import { scanOutcome, type DenySink } from "./scan.js";
import type { StatementRequest } from "./statement.js";

/**
 * SCPs and RCPs: every level of the organization tree, from the root to the account, must have
 * an Allow that covers the request, and any matching Deny wins.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 */

/** The organization layer's Allow outcome; its Deny statements go to the request's sink. */
export interface OrganizationResult {
  type: PolicyType;
  allow: Outcome;
}

/**
 * SCPs restrict the IAM users and roles (and root users) of member accounts. They never apply to
 * the management account's principals, to service-linked roles, or to AWS service principals.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 */
export function scpApplies(request: EvaluationRequest, set: PolicySet): boolean {
  const kind = request.principal.kind;
  return set.scpLevels !== undefined && !set.principalInManagementAccount && !set.serviceLinkedRole && kind !== "service" && kind !== "anonymous";
}

/**
 * RCPs restrict requests to resources of member accounts for the services that support them,
 * whoever the caller is (AWS service principals included). They never apply to resources of
 * the management account, to AWS managed KMS keys, or to calls by service-linked roles.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
export function rcpApplies(request: EvaluationRequest, set: PolicySet): boolean {
  if (set.rcpLevels === undefined || set.resourceInManagementAccount || set.awsManagedKey || set.serviceLinkedRole) return false;
  return RCP_SERVICES.has(serviceOfAction(request.action));
}

/** Evaluates one organization policy type across its levels. */
export function evaluateLevels(
  type: PolicyType,
  levels: PolicySet["scpLevels"],
  request: StatementRequest,
  sink: DenySink,
): OrganizationResult {
  let conditions: Outcome[] | undefined;
  let allowed = true;
  for (const level of levels ?? []) {
    const outcome = scanOutcome(level, request, sink);
    if (outcome.state === "no") allowed = false;
    else if (outcome.state === "if") (conditions ??= []).push(outcome);
  }
  // Every level is scanned even after one fails, so that Deny statements in all of them count.
  if (!allowed) return { type, allow: NO };
  return { type, allow: conditions ? limitOf(conditions) : YES };
}
