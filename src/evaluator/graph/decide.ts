import type { Decision, EvaluationRequest, RequestContext, StatementRef } from "../types.js";
import type { Actor } from "./actors.js";
import type { PolicyCatalog } from "./catalog.js";
import type { PolicyEngine } from "./engine.js";
import type { LakeResource } from "./resources.js";

/**
 * Deciding one request of an actor: the actor's policies plus the resource's policy, SCPs of
 * the caller and RCPs of the resource, with unknown context left unknown so that conditions the
 * snapshot cannot decide give `allowedIf`.
 */
export class RequestDecider {
  /** Decisions made, for the benchmark. */
  count = 0;

  constructor(
    private readonly engine: PolicyEngine,
    private readonly catalog: PolicyCatalog,
    private readonly managementAccountId: string | undefined,
  ) {}

  decide(actor: Actor, action: string, resource: LakeResource, values?: RequestContext["values"]): Decision {
    const grant = kmsGrantDecision(actor, action, resource);
    if (!this.mayAllow(actor, action, resource)) return grant ?? IMPLICIT_DENY;

    const request: EvaluationRequest = {
      principal: actor.principal,
      action,
      resource: resource.arn,
      resourceAccountId: resource.accountId,
      context: { values, unknownKeys: "missing" },
    };
    const policies = {
      ...actor.policies,
      resourcePolicy: resource.policy,
      rcpLevels: this.catalog.rcpLevels(resource.accountId),
      resourceInManagementAccount: resource.accountId === this.managementAccountId,
      awsManagedKey: resource.awsManagedKey,
    };
    this.count += 1;
    let decision = this.engine.evaluate(request, policies);
    decision = this.withPrincipalKeysKnown(request, policies, decision);
    if (decision.type === "implicitDeny" && grant) return grant;
    return decision;
  }

  /**
   * The caller is fully known from the snapshot, so a principal key it lacks (the org id of an
   * account outside the organization, a tag it does not carry) is absent, not unknown. With
   * every missing key unknown the engine reports such conditions as unresolved; this decides
   * again with only the other keys unknown.
   * NOTE: the engine's "missing" mode does not separate principal keys; this re-evaluation
   * can be dropped once it does.
   */
  private withPrincipalKeysKnown(request: EvaluationRequest, policies: Parameters<PolicyEngine["evaluate"]>[1], decision: Decision): Decision {
    let current = decision;
    for (let round = 0; round < 2 && current.conditions?.some((condition) => isPrincipalKey(condition.key)); round += 1) {
      const unknown = new Set(current.conditions.map((condition) => condition.key.toLowerCase()).filter((key) => !isPrincipalKey(key)));
      this.count += 1;
      current = this.engine.evaluate({ ...request, context: { values: request.context?.values, unknownKeys: unknown } }, policies);
    }
    return current;
  }

  /** A fast filter: without an Allow that could match the action, nothing can allow it. */
  private mayAllow(actor: Actor, action: string, resource: LakeResource): boolean {
    if (resource.policy?.mayMatchAction(action, "Allow")) return true;
    return actor.policies.identity.some((policy) => policy.mayMatchAction(action, "Allow"));
  }
}

const PRINCIPAL_KEYS = new Set([
  "aws:principalarn",
  "aws:principalaccount",
  "aws:username",
  "aws:userid",
  "aws:principaltype",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalisawsservice",
  "aws:principalservicename",
]);

/** Global condition keys whose value comes from the caller alone. */
function isPrincipalKey(key: string): boolean {
  const lower = key.toLowerCase();
  return PRINCIPAL_KEYS.has(lower) || lower.startsWith("aws:principaltag/");
}

export const IMPLICIT_DENY: Decision = { type: "implicitDeny", statements: [] };

/** True for decisions that let the request through, now or under some context. */
export function permits(decision: Decision): boolean {
  return decision.type === "allowed" || decision.type === "allowedIf";
}

/**
 * A KMS grant lets its grantee use the operations it lists without any policy allowing them.
 * NOTE: SCPs still restrict grant use in AWS; this check does not apply them.
 */
function kmsGrantDecision(actor: Actor, action: string, resource: LakeResource): Decision | undefined {
  if (!resource.kmsGrants || !action.toLowerCase().startsWith("kms:")) return undefined;

  const operation = action.slice(4).toLowerCase();
  const callers = new Set([actor.principal.arn, actor.principal.roleArn, actor.ref.id].filter((value): value is string => Boolean(value)));
  for (const grant of resource.kmsGrants) {
    if (!callers.has(grant.granteePrincipal)) continue;
    if (!grant.operations.some((listed) => listed.toLowerCase() === operation)) continue;

    const statement: StatementRef = { policy: { type: "key", id: `${resource.arn}#grant/${grant.grantId}`, name: grant.name ?? `grant ${grant.grantId}` }, index: 1, effect: "Allow" };
    if (!grant.constraints || Object.keys(grant.constraints).length === 0) return { type: "allowed", statements: [statement] };
    const conditions = Object.entries(grant.constraints).map(([key, value]) => ({ statement, operator: "KmsGrantConstraint", key, values: [JSON.stringify(value)] }));
    return { type: "allowedIf", statements: [statement], conditions };
  }
  return undefined;
}
