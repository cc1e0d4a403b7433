import type { Actor } from "../actors.js";
import type { Decision, StatementRef, UnresolvedCondition } from "../../types.js";
import type { LakeResource } from "../resources.js";
import type { Edge } from "../edge.js";
import { permits } from "../decide.js";
import { hubEdge } from "./account-trust.js";
import type { GraphContext } from "./context.js";

/**
 * Builds the canAssume edges out of one actor. The trust index gives the candidate roles (named
 * exactly, through the caller's account root, or `*`). The engine decides each with the trust
 * policy as the resource policy, so the caller's identity policy is needed exactly where AWS
 * needs it. Conditions such as `sts:ExternalId` stay on the edge.
 */
export function assumeEdges(context: GraphContext, actor: Actor): Edge[] {
  // Anonymous requests cannot call AssumeRole: it needs signed credentials.
  if (!actor.evaluable || actor.principal.kind === "anonymous") return [];

  const callerIds = [actor.ref.id, actor.principal.arn, actor.principal.roleArn].filter((value): value is string => Boolean(value));
  const { named, throughAccount } = context.trust.candidates(callerIds, actor.principal.accountId);
  const mayCallAssume = actor.policies.identity.some((policy) => policy.mayMatchAction("sts:AssumeRole", "Allow"));
  const edges: Edge[] = [];
  const candidates = new Set(named);
  if (mayCallAssume) {
    for (const [roleAccount, roles] of groupByAccount(context, throughAccount)) {
      const hub = hubEdge(context, actor, roleAccount, roles.unconditional);
      if (hub) edges.push(hub);
      for (const role of hub ? roles.conditional : [...roles.unconditional, ...roles.conditional]) candidates.add(role.id);
    }
  }
  for (const roleArn of candidates) {
    const role = context.actors.get(roleArn);
    if (!role || role.id === actor.id || role.id === actor.base?.id) continue;

    const resource = context.roleResource(role);
    const decision = context.decide(actor, "sts:AssumeRole", resource);
    if (!permits(decision)) continue;
    const trusted = trustAllows(context, actor, resource);
    if (!trusted) continue;
    edges.push({
      from: actor.id,
      to: role.id,
      kind: "canAssume",
      description: `${actor.ref.label} assumes role ${role.ref.label}`,
      statements: unique([...decision.statements, ...trusted.statements.filter(isTrustStatement)]),
      conditions: uniqueConditions([...(decision.conditions ?? []), ...(trusted.conditions ?? []).filter((condition) => isTrustStatement(condition.statement))]),
    });
  }
  return edges;
}

/** Root-trusting roles by account, split by whether their trust policy has conditions. */
function groupByAccount(context: GraphContext, roleArns: readonly string[]) {
  const groups = new Map<string, { unconditional: Actor[]; conditional: Actor[] }>();
  for (const roleArn of roleArns) {
    const role = context.actors.get(roleArn);
    const account = role?.principal.accountId;
    if (!role || !account) continue;
    let group = groups.get(account);
    if (!group) {
      group = { unconditional: [], conditional: [] };
      groups.set(account, group);
    }
    (context.trust.isUnconditional(roleArn) ? group.unconditional : group.conditional).push(role);
  }
  return groups;
}

/** An account id no caller has, so that a request to it follows the cross-account rule. */
const NO_ACCOUNT = "000000000000";

/**
 * Whether the trust policy itself lets the caller in. AWS requires it for every AssumeRole,
 * even in the role's own account, while the same-account rule of other resource policies lets
 * an identity Allow suffice; deciding with an allow-all identity across accounts isolates the
 * trust policy's decision (an account-root statement still counts, and the caller's own
 * policies were checked by the full decision).
 * NOTE: the engine's evaluate applies the same-account rule to trust policies; this check can
 * go once it requires the trust policy to allow.
 */
function trustAllows(context: GraphContext, actor: Actor, resource: LakeResource): Decision | undefined {
  const probe: Actor = { ...actor, policies: { identity: [context.writtenPolicy] } };
  const decision = context.decide(probe, "sts:AssumeRole", { ...resource, accountId: NO_ACCOUNT });
  return permits(decision) ? decision : undefined;
}

/** The probe's allow-all identity is not evidence; only the trust policy's statements are. */
function isTrustStatement(statement: StatementRef): boolean {
  return statement.policy.type === "trust";
}

/** Conditions without repeats: both decisions report the trust policy's conditions. */
function uniqueConditions(conditions: readonly UnresolvedCondition[]): UnresolvedCondition[] {
  const seen = new Set<string>();
  return conditions.filter((condition) => {
    const key = JSON.stringify([condition.statement.policy.id, condition.statement.index, condition.operator, condition.key.toLowerCase(), condition.values]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Items without repeats, compared by their JSON form (the two decisions share evidence). */
function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
