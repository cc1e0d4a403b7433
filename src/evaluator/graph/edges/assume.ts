import type { Actor } from "../actors.js";
import type { Edge } from "../edge.js";
import { permits } from "../decide.js";
import type { GraphContext } from "./context.js";

/**
 * canAssume edges out of one actor: the trust index gives the candidate roles (named exactly,
 * through the caller's account root, or `*`), and the engine decides each with the trust
 * policy as the resource policy, so the caller's identity policy is needed exactly where AWS
 * needs it. Conditions such as `sts:ExternalId` stay on the edge.
 */
export function assumeEdges(context: GraphContext, actor: Actor): Edge[] {
  if (!actor.evaluable) return [];

  const callerIds = [actor.ref.id, actor.principal.arn, actor.principal.roleArn].filter((value): value is string => Boolean(value));
  const { named, throughAccount } = context.trust.candidates(callerIds, actor.principal.accountId);
  const mayCallAssume = actor.policies.identity.some((policy) => policy.mayMatchAction("sts:AssumeRole", "Allow"));
  const candidates = mayCallAssume ? new Set([...named, ...throughAccount]) : new Set(named);
  const edges: Edge[] = [];
  for (const roleArn of candidates) {
    const role = context.actors.get(roleArn);
    if (!role || role.id === actor.id || role.id === actor.base?.id) continue;

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
