import type { Actor } from "../actors.js";
import { permits } from "../decide.js";
import type { Edge } from "../edge.js";
import type { StatementRef, UnresolvedCondition } from "../../types.js";
import { iamResource, type EscalationMethod, type GraphContext } from "./context.js";

/**
 * Escalations that change what a principal may do: attaching or writing a policy, a new default
 * policy version, removing or replacing a permissions boundary. The edited principal must be
 * the caller itself or a role the caller can assume, since editing a principal one cannot act
 * as gains nothing. The edge leads to a variant of the edited principal with the new policy (or
 * without its boundary), which SCPs, the remaining boundary and explicit denies still limit.
 */

/** A principal the caller can act as, and the evidence of how (empty for itself). */
interface Reachable {
  readonly target: Actor;
  readonly statements: readonly StatementRef[];
  readonly conditions: readonly UnresolvedCondition[];
  readonly via?: string;
}

/**
 * The caller itself and the roles of its own account it can assume: IAM calls change only the
 * caller's account. An administrator of its account gains nothing from editing, so it has none.
 */
function reachable(context: GraphContext, actor: Actor): Reachable[] {
  if (context.isAdministrator(actor)) return [];
  const result: Reachable[] = [{ target: actor, statements: [], conditions: [] }];
  for (const edge of context.assumeEdges(actor.id)) {
    const target = context.actors.get(edge.to);
    if (!target || target.principal.accountId !== actor.principal.accountId) continue;
    result.push({ target, statements: edge.statements, conditions: edge.conditions ?? [], via: `assumes ${target.ref.label} and ` });
  }
  return result;
}

/** The policy ARNs an actor holds directly and through its groups (customer managed only). */
function customerPolicies(context: GraphContext, actor: Actor): string[] {
  const arns = [...(actor.user?.attachedPolicies ?? []), ...(actor.role?.attachedPolicies ?? [])];
  for (const entry of context.groupsOf(actor)) arns.push(...entry.group.attachedPolicies);
  return arns.filter((arn) => !context.catalog.managedRecord(arn)?.awsManaged && context.catalog.managedRecord(arn) !== undefined);
}

function edgeTo(context: GraphContext, actor: Actor, reach: Reachable, kind: string, what: string, statements: readonly StatementRef[], conditions: readonly UnresolvedCondition[], requires?: string): Edge {
  const target = context.variant(reach.target.base ?? reach.target, "policy-added", [context.writtenPolicy], false);
  return {
    from: actor.id,
    to: target.id,
    kind,
    description: `${actor.ref.label} ${reach.via ?? ""}${what}`,
    statements: [...reach.statements, ...statements],
    conditions: [...reach.conditions, ...conditions],
    requires: requires ? [requires] : undefined,
  };
}

/** Attach or put a policy on the caller's own user, its groups, or a role it can assume. */
function attachOrPut(verb: "Attach" | "Put"): EscalationMethod[] {
  const word = verb === "Attach" ? "attaches" : "writes";
  return [
    {
      id: `${verb.toLowerCase()}UserPolicy`,
      triggers: [`iam:${verb}UserPolicy`],
      build(context, actor) {
        if (!actor.user || context.isAdministrator(actor)) return [];
        const decision = context.decide(actor, `iam:${verb}UserPolicy`, iamResource(actor.user.arn, actor.principal.accountId ?? ""));
        if (!permits(decision)) return [];
        return [edgeTo(context, actor, { target: actor, statements: [], conditions: [] }, `${verb.toLowerCase()}UserPolicy`, `${word} a policy of its choice to itself`, decision.statements, decision.conditions ?? [])];
      },
    },
    {
      id: `${verb.toLowerCase()}GroupPolicy`,
      triggers: [`iam:${verb}GroupPolicy`],
      build(context, actor) {
        const edges: Edge[] = [];
        if (context.isAdministrator(actor)) return edges;
        for (const entry of context.groupsOf(actor)) {
          const groupName = entry.group.name;
          const decision = context.decide(actor, `iam:${verb}GroupPolicy`, iamResource(entry.group.arn, entry.accountId));
          if (!permits(decision)) continue;
          edges.push(edgeTo(context, actor, { target: actor, statements: [], conditions: [] }, `${verb.toLowerCase()}GroupPolicy`, `${word} a policy of its choice to its group ${groupName}`, decision.statements, decision.conditions ?? []));
        }
        return edges;
      },
    },
    {
      id: `${verb.toLowerCase()}RolePolicy`,
      triggers: [`iam:${verb}RolePolicy`],
      build(context, actor) {
        const edges: Edge[] = [];
        for (const reach of reachable(context, actor)) {
          if (!reach.target.role) continue;
          const decision = context.decide(actor, `iam:${verb}RolePolicy`, iamResource(reach.target.role.arn, reach.target.principal.accountId ?? ""));
          if (!permits(decision)) continue;
          edges.push(edgeTo(context, actor, reach, `${verb.toLowerCase()}RolePolicy`, `${word} a policy of its choice to role ${reach.target.ref.label}`, decision.statements, decision.conditions ?? []));
        }
        return edges;
      },
    },
  ];
}

/** Create a new default version of, or switch the default version of, a policy one holds. */
function policyVersion(action: "CreatePolicyVersion" | "SetDefaultPolicyVersion"): EscalationMethod {
  const id = action === "CreatePolicyVersion" ? "createPolicyVersion" : "setDefaultPolicyVersion";
  return {
    id,
    triggers: [`iam:${action}`],
    build(context, actor) {
      const edges: Edge[] = [];
      for (const reach of reachable(context, actor)) {
        for (const arn of customerPolicies(context, reach.target)) {
          const record = context.catalog.managedRecord(arn);
          if (!record) continue;
          if (action === "SetDefaultPolicyVersion" && record.versions.length < 2) continue;
          const decision = context.decide(actor, `iam:${action}`, iamResource(arn, reach.target.principal.accountId ?? ""));
          if (!permits(decision)) continue;
          const what = action === "CreatePolicyVersion" ? `writes a new default version of ${record.name}, which ${reach.target.ref.label} holds` : `makes another version of ${record.name} the default`;
          const requires = action === "SetDefaultPolicyVersion" ? `a non-default version of ${record.name} that grants more than the default` : undefined;
          edges.push(edgeTo(context, actor, reach, id, what, decision.statements, decision.conditions ?? [], requires));
        }
      }
      return edges;
    },
  };
}

/** Delete or replace the permissions boundary of oneself or of a role one can assume. */
function boundaryRemoval(kind: "User" | "Role"): EscalationMethod {
  const actions = [`iam:Delete${kind}PermissionsBoundary`, `iam:Put${kind}PermissionsBoundary`];
  return {
    id: `remove${kind}Boundary`,
    triggers: actions,
    build(context, actor) {
      const edges: Edge[] = [];
      for (const reach of reachable(context, actor)) {
        const record = kind === "User" ? reach.target.user : reach.target.role;
        if (!record || !reach.target.policies.boundary) continue;
        const decision = actions.map((action) => context.decide(actor, action, iamResource(record.arn, reach.target.principal.accountId ?? ""))).find(permits);
        if (!decision) continue;
        const base = reach.target.base ?? reach.target;
        const added = reach.target.variant ? reach.target.policies.identity.slice(base.policies.identity.length) : [];
        const target = context.variant(base, reach.target.variant ? `${reach.target.variant}+no-boundary` : "no-boundary", added, true);
        edges.push({
          from: actor.id,
          to: target.id,
          kind: `remove${kind}Boundary`,
          description: `${actor.ref.label} ${reach.via ?? ""}removes the permissions boundary of ${reach.target.ref.label}`,
          statements: [...reach.statements, ...decision.statements],
          conditions: [...reach.conditions, ...(decision.conditions ?? [])],
        });
      }
      return edges;
    },
  };
}

/** Add oneself to a group, gaining its policies. */
const addUserToGroup: EscalationMethod = {
  id: "addUserToGroup",
  triggers: ["iam:AddUserToGroup"],
  build(context, actor) {
    if (!actor.user || context.isAdministrator(actor)) return [];
    const edges: Edge[] = [];
    for (const entry of context.groupsByArn.values()) {
      if (entry.accountId !== actor.principal.accountId || actor.user.groups.includes(entry.group.name)) continue;
      const decision = context.decide(actor, "iam:AddUserToGroup", iamResource(entry.group.arn, entry.accountId));
      if (!permits(decision)) continue;
      const added = [
        ...entry.group.attachedPolicies.flatMap((arn) => context.catalog.managedPolicy(arn) ?? []),
        ...context.groupInline(entry.group),
      ];
      const target = context.variant(actor.base ?? actor, `group:${entry.group.name}`, added, false);
      edges.push({
        from: actor.id,
        to: target.id,
        kind: "addUserToGroup",
        description: `${actor.ref.label} adds itself to group ${entry.group.name}`,
        statements: decision.statements,
        conditions: decision.conditions,
      });
    }
    return edges;
  },
};

export const POLICY_EDIT_METHODS: readonly EscalationMethod[] = [
  ...attachOrPut("Attach"),
  ...attachOrPut("Put"),
  policyVersion("CreatePolicyVersion"),
  policyVersion("SetDefaultPolicyVersion"),
  boundaryRemoval("User"),
  boundaryRemoval("Role"),
  addUserToGroup,
];
