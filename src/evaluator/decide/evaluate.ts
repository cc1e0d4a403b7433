import { resourceFactsOf, targetId } from "../policy/target.js";
import type { PrincipalMatch } from "../match/principal.js";
import type { CompiledPolicy, Decision, EvaluationRequest, PolicySet, PolicyType } from "../types.js";
import { requestView } from "./context.js";
import { evaluateLevels, rcpApplies, scpApplies, type OrganizationResult } from "./organization.js";
import { both, either, limitOf, NO, YES, type Outcome } from "./outcome.js";
import { allowOf, scanOutcome, scanOutcomeOf, scanPolicy, type Allows, type DenySink } from "./scan.js";
import type { StatementRequest } from "./statement.js";

/**
 * The final decision, in AWS's order: any applicable explicit Deny wins; the RCP and SCP levels
 * must allow; then identity, boundary, session and resource policies are combined with the
 * same-account rule (either side) or the cross-account rule (both sides).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */

/**
 * Principal matches by which a same-account resource policy grants to the caller directly, past
 * an implicit deny in its identity policies, boundary or session policy: the user or session
 * ARN itself, or `*`, which matches the calling principal as it is.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
const DIRECT_EXACT: readonly PrincipalMatch[] = ["exact", "wildcard"];
/** A grant to the role ARN reaches its sessions but stays limited by a boundary or session policy. */
const DIRECT_LIMITED: readonly PrincipalMatch[] = ["role"];
const ACCOUNT: readonly PrincipalMatch[] = ["account"];

interface Layers {
  identity: Outcome;
  boundary: Outcome;
  session: Outcome;
  /** Null when the set has no resource policy. */
  resource: Allows | null;
  organization: OrganizationResult[];
}

/**
 * Decides a request against every policy that applies to it. Pure and synchronous.
 *
 * Unknown context keys: an Allow that depends on them makes the decision `allowedIf`, with the
 * conditions that must hold. A Deny that depends on them is neither applied nor ignored: the
 * decision becomes (or stays) `allowedIf`, and its unknown conditions are listed with
 * `negated: true`, meaning the request is allowed only if that Deny does not apply. A Deny never
 * turns an implicit deny into anything else, and a certain Deny always wins.
 */
export function evaluate(request: EvaluationRequest, policies: PolicySet): Decision {
  const statementRequest: StatementRequest = requestView(request);
  const sink: DenySink = { denies: undefined, possibleDenies: undefined };

  const layers = scanLayers(request, policies, statementRequest, sink);
  const { denies, possibleDenies } = sink;
  if (denies) return { type: "explicitDeny", statements: denies, blockedBy: denies[0]!.policy.type };

  const principalSide = both(both(layers.identity, layers.boundary), layers.session);
  let outcome = combineWithResource(request, policies, layers, principalSide);
  for (const organization of layers.organization) outcome = both(outcome, organization.allow);

  if (outcome.state === "no") return implicitDeny(request, policies, layers, principalSide);
  if (outcome.state === "yes" && !possibleDenies) return { type: "allowed", statements: outcome.statements };
  const conditions = [...(outcome.state === "if" ? outcome.conditions : []), ...(possibleDenies ?? [])];
  return { type: "allowedIf", statements: outcome.statements, conditions };
}

function principalLayer(list: readonly CompiledPolicy[] | undefined, request: StatementRequest, sink: DenySink): Outcome {
  return list === undefined ? YES : scanOutcome(list, request, sink);
}

function scanLayers(request: EvaluationRequest, policies: PolicySet, statementRequest: StatementRequest, sink: DenySink): Layers {
  const kind = request.principal.kind;
  const hasIdentity = kind === "user" || kind === "role-session" || kind === "federated";
  const organization: OrganizationResult[] = [];
  if (rcpApplies(request, policies)) organization.push(evaluateLevels("rcp", policies.rcpLevels, statementRequest, sink));
  if (scpApplies(request, policies)) organization.push(evaluateLevels("scp", policies.scpLevels, statementRequest, sink));

  // The root user needs no identity policy; service principals and anonymous callers have none.
  let identity = NO;
  if (kind === "root") identity = YES;
  else if (hasIdentity) identity = principalLayer(policies.identity, statementRequest, sink);
  const boundary = hasIdentity && policies.boundary ? limitOf(scanOutcomeOf(policies.boundary, statementRequest, sink, NO)) : YES;
  const session = hasIdentity && policies.session ? limitOf(principalLayer(policies.session, statementRequest, sink)) : YES;
  const resource = policies.resourcePolicy ? scanPolicy(policies.resourcePolicy, statementRequest, sink) : null;
  return { identity, boundary, session, resource, organization };
}

/** Returns the account that owns the resource: given, else the ARN's account, else the caller's. */
export function resourceAccountOf(request: EvaluationRequest): string | undefined {
  if (request.resourceAccountId) return request.resourceAccountId;
  const account = resourceFactsOf(targetId(request.action, request.resource)).account;
  return account ? account : request.principal.accountId;
}

function combineWithResource(request: EvaluationRequest, policies: PolicySet, layers: Layers, principalSide: Outcome): Outcome {
  const resource = layers.resource;
  const kind = request.principal.kind;
  if (kind === "service" || kind === "anonymous") return resource ? allowOf(resource) : NO;

  const sameAccount = request.principal.accountId !== undefined && request.principal.accountId === resourceAccountOf(request);
  const limits = both(layers.boundary, layers.session);
  const direct = resource ? either(allowOf(resource, DIRECT_EXACT), both(allowOf(resource, DIRECT_LIMITED), limits)) : NO;
  const delegated = resource ? allowOf(resource, ACCOUNT) : NO;

  const resourceType = policies.resourcePolicy?.source.type ?? requiredPolicyType(request);
  if (resourceType === "key" || resourceType === "trust") return requiredPolicyOutcome(sameAccount, direct, delegated, principalSide);
  if (sameAccount) return either(principalSide, direct);
  return both(either(direct, delegated), principalSide);
}

/**
 * KMS key policies and role trust policies must always allow: identity policies take effect only
 * when the policy allows the caller's account (the account root statement), while principals
 * named directly are granted by it in the resource's own account. Across accounts both the
 * policy and the caller's policies must allow.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html
 */
function requiredPolicyOutcome(sameAccount: boolean, direct: Outcome, delegated: Outcome, principalSide: Outcome): Outcome {
  if (sameAccount) return either(direct, both(delegated, principalSide));
  return both(either(direct, delegated), principalSide);
}

/**
 * Returns the policy type that the resource always has (a KMS key's key policy, a role's trust
 * policy). A request without that policy in the set is decided as if the policy allowed nothing.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
 */
function requiredPolicyType(request: EvaluationRequest): PolicyType | undefined {
  const facts = resourceFactsOf(targetId(request.action, request.resource));
  if (facts.service === "kms" && facts.resourcePart.startsWith("key/") && /^kms:/i.test(request.action)) return "key";
  if (facts.service === "iam" && facts.resourcePart.startsWith("role/") && /^sts:assumerole/i.test(request.action)) return "trust";
  return undefined;
}


/** Builds an implicit deny, naming the layer that blocked a request some policy allowed. */
function implicitDeny(request: EvaluationRequest, policies: PolicySet, layers: Layers, principalSide: Outcome): Decision {
  const blocked = blockingLayer(request, policies, layers, principalSide);
  return blocked ? { type: "implicitDeny", statements: [], blockedBy: blocked } : { type: "implicitDeny", statements: [] };
}

function blockingLayer(request: EvaluationRequest, policies: PolicySet, layers: Layers, principalSide: Outcome): PolicyType | undefined {
  for (const organization of layers.organization) {
    if (organization.allow.state === "no") return organization.type;
  }
  const resourceAllows = allowOf(layers.resource).state !== "no";
  if (layers.identity.state !== "no" || resourceAllows) {
    if (layers.boundary.state === "no") return "boundary";
    if (layers.session.state === "no") return "session";
  }
  if (principalSide.state !== "no") return policies.resourcePolicy?.source.type ?? requiredPolicyType(request) ?? "resource";
  if (resourceAllows && request.principal.kind !== "service") return "identity";
  return undefined;
}
