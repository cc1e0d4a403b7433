import type { Actor } from "../actors.js";
import { permits } from "../decide.js";
import type { Edge } from "../edge.js";
import type { EscalationMethod } from "./context.js";

/**
 * Security Lake subscriber edges. Creating a subscriber hands lake data to any account the
 * caller names, so it leads to a node standing for "a subscriber the caller creates" in that
 * lake; updating one can replace its identity, so it leads to that subscriber.
 * NOTE: only the Security Lake action is checked, not the IAM, Lake Formation and RAM actions
 * Security Lake performs for the caller when it creates the subscriber.
 */

/** The node id of the subscriber a caller could create in a data lake. */
export function newSubscriberId(scopeId: string): string {
  return `${scopeId}#new-subscriber`;
}

const createSubscriber: EscalationMethod = {
  id: "createSubscriber",
  triggers: ["securitylake:CreateSubscriber"],
  build(context, actor) {
    const edges: Edge[] = [];
    for (const scope of context.scopes) {
      if (scope.fallback || scope.accountId !== actor.principal.accountId) continue;
      const decision = context.decide(actor, "securitylake:CreateSubscriber", { arn: "*", accountId: scope.accountId });
      if (!permits(decision)) continue;
      edges.push({
        from: actor.id,
        to: newSubscriberId(scope.id),
        kind: "createSubscriber",
        description: `${actor.ref.label} creates a subscriber that hands data of ${scope.id} to any account it names`,
        statements: decision.statements,
        conditions: decision.conditions,
      });
    }
    return edges;
  },
};

const updateSubscriber: EscalationMethod = {
  id: "updateSubscriber",
  triggers: ["securitylake:UpdateSubscriber"],
  build(context, actor: Actor) {
    const edges: Edge[] = [];
    for (const scope of context.scopes) {
      for (const subscriber of scope.resources.subscriber ?? []) {
        if (scope.fallback || !context.actors.has(subscriber.arn)) continue;
        const decision = context.decide(actor, "securitylake:UpdateSubscriber", subscriber);
        if (!permits(decision)) continue;
        edges.push({
          from: actor.id,
          to: subscriber.arn,
          kind: "updateSubscriber",
          description: `${actor.ref.label} replaces the identity of subscriber ${subscriber.arn} with an account it names`,
          statements: decision.statements,
          conditions: decision.conditions,
        });
      }
    }
    return edges;
  },
};

export const SECURITY_LAKE_METHODS: readonly EscalationMethod[] = [createSubscriber, updateSubscriber];
