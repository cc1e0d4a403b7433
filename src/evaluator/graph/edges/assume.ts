import type { Actor } from "../actors.js";
import type { Edge } from "../edge.js";
import { identityMayAllow, permits } from "../decide.js";
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
  const mayCallAssume = identityMayAllow(actor, "sts:AssumeRole");
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
    if (lacksIdentityAllow(context, actor, role)) continue;

    const decision = context.decide(actor, "sts:AssumeRole", context.roleResource(role));
    if (!permits(decision)) continue;
    edges.push({
      from: actor.id,
      to: role.id,
      kind: "canAssume",
      description: `${actor.ref.label} assumes role ${role.ref.label}`,
      statements: decision.statements,
      conditions: decision.conditions,
    });
  }
  return edges;
}

/**
 * True when the role's trust policy names only account roots and services, and no identity
 * policy of the caller has an Allow for sts:AssumeRole whose Resource covers the role. Such a
 * trust lets a user or role session in only by delegating to its identity policies, in the
 * same account and across accounts. The engine would find that layer empty and return an
 * implicit deny, so the candidate is dropped without a decision.
 */
function lacksIdentityAllow(context: GraphContext, actor: Actor, role: Actor): boolean {
  const kind = actor.principal.kind;
  if (kind !== "user" && kind !== "role-session" && kind !== "federated") return false;
  if (!context.trust.trustsOnlyAccounts(role.id)) return false;
  return !identityMayAllow(actor, "sts:AssumeRole", role.id);
}

type AccountGroups = Map<string, { unconditional: Actor[]; conditional: Actor[] }>;

/**
 * Groups per list of root-trusting roles. Every caller of an account gets the same list from
 * the trust index, so grouping it once per account keeps the build linear in its callers.
 */
const groupsByList = new WeakMap<readonly string[], AccountGroups>();

/** Root-trusting roles by account, split by whether their trust policy has conditions. */
function groupByAccount(context: GraphContext, roleArns: readonly string[]): AccountGroups {
  const known = groupsByList.get(roleArns);
  if (known) return known;
  const groups = groupRoles(context, roleArns);
  groupsByList.set(roleArns, groups);
  return groups;
}

function groupRoles(context: GraphContext, roleArns: readonly string[]): AccountGroups {
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
