import { accountRootArn } from "../../../shared/arn.js";
import type { CompiledPolicy } from "../../types.js";
import type { Actor } from "../actors.js";
import { permits } from "../decide.js";
import type { Edge } from "../edge.js";
import type { GraphContext } from "./context.js";

/**
 * "Trusts the account root" as one edge class. Roles whose trust policy names an account root
 * without conditions let in every caller of that account whose own policies allow
 * sts:AssumeRole on them. A caller allowed on any role name reaches one hub node per pair of
 * accounts, and the hub reaches each such role, so N callers and M roles add N + M edges
 * instead of N × M.
 */

/** A role name no account uses, so that an Allow on it means an Allow on any role name. */
const PROBE_ROLE = "lakewarden-probe-any-role";
const NO_ACCOUNT = "000000000000";

/** Builds the hub node of a pair of accounts and its edges to the roles it stands for. */
export function accountTrustHub(context: GraphContext, callerAccount: string, roleAccount: string, roles: readonly Actor[]): { node: Actor; edges: Edge[] } {
  const id = `${accountRootArn(callerAccount)}#roles-of-${roleAccount}`;
  const node: Actor = {
    id,
    ref: { id, kind: "account", label: `any role of ${roleAccount} that trusts account ${callerAccount}`, accountId: roleAccount, inOrganization: true },
    principal: { kind: "root", arn: id, accountId: callerAccount },
    policies: { identity: [] },
    evaluable: false,
    placeholder: true,
    trustHub: true,
  };

  // The trust side alone, for a caller of the account: an allow-all identity across accounts.
  const caller: Actor = { ...node, principal: { kind: "role-session", arn: `arn:aws:sts::${callerAccount}:assumed-role/${PROBE_ROLE}/lakewarden`, accountId: callerAccount }, policies: { identity: [context.writtenPolicy] }, evaluable: true };
  const edges: Edge[] = [];
  for (const role of roles) {
    const decision = context.decide(caller, "sts:AssumeRole", { ...context.roleResource(role), accountId: NO_ACCOUNT });
    if (!permits(decision)) continue;
    // The probe caller's allow-all identity is not evidence; the trust policy's statements are.
    const statements = decision.statements.filter((statement) => statement.policy.type === "trust");
    const conditions = decision.conditions?.filter((condition) => condition.statement.policy.type === "trust");
    edges.push({ from: id, to: role.id, kind: "canAssume", description: `role ${role.ref.label} trusts account ${callerAccount}`, statements, conditions });
  }
  return { node, edges };
}

/**
 * The edge from a caller to the hub of a role account, when the caller's policies allow
 * sts:AssumeRole on a role name nobody uses there and no Deny could single a role out.
 * NOTE: an Allow written with NotResource can cover the probe yet exclude a real role; such a
 * caller is reported through the hub as able to assume that role.
 */
export function hubEdge(context: GraphContext, actor: Actor, roleAccount: string, roles: readonly Actor[]): Edge | undefined {
  const callerAccount = actor.principal.accountId;
  if (!callerAccount || mayDenyAssume(actor)) return undefined;

  const probe = context.decide(actor, "sts:AssumeRole", { arn: `arn:aws:iam::${roleAccount}:role/${PROBE_ROLE}`, accountId: roleAccount, policy: context.rootTrustProbe(callerAccount) });
  if (probe.type !== "allowed") return undefined;
  const hub = context.accountTrustHub(callerAccount, roleAccount, roles);
  return {
    from: actor.id,
    to: hub,
    kind: "canAssume",
    description: `${actor.ref.label} may assume any role of ${roleAccount} that trusts account ${callerAccount}`,
    statements: probe.statements.filter((statement) => statement.policy.type !== "trust"),
  };
}

function mayDenyAssume(actor: Actor): boolean {
  const { identity, boundary, scpLevels } = actor.policies;
  if (boundary?.mayMatchAction("sts:AssumeRole", "Deny")) return true;
  if (identity.some(deniesAssume)) return true;
  return scpLevels?.some((level) => level.some(deniesAssume)) ?? false;
}

function deniesAssume(policy: CompiledPolicy): boolean {
  return policy.mayMatchAction("sts:AssumeRole", "Deny");
}
