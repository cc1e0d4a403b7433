import type { Actor } from "../actors.js";
import { permits } from "../decide.js";
import type { Edge } from "../edge.js";
import { iamResource, type EscalationMethod, type GraphContext } from "./context.js";

/**
 * Escalations that take over another user or role of the same account: new credentials for a
 * user (access key, console password) and a rewritten trust policy for a role.
 */

interface CredentialMethod {
  readonly id: string;
  readonly action: string;
  readonly what: string;
  /** Whether the credential report rules the method out, and what it needs when unknown. */
  readonly precondition: (passwordEnabled: boolean | undefined, keysActive: number | undefined) => { possible: boolean; requires?: string };
}

const CREDENTIAL_METHODS: readonly CredentialMethod[] = [
  {
    id: "createAccessKey",
    action: "iam:CreateAccessKey",
    what: "creates an access key for",
    // A user holds at most two access keys; the key count is known only from the credential report.
    precondition: (_password, keys) => ({ possible: keys === undefined || keys < 2 }),
  },
  {
    id: "createLoginProfile",
    action: "iam:CreateLoginProfile",
    what: "sets a console password for",
    precondition: (password) =>
      password === undefined ? { possible: true, requires: "the user has no console password yet" } : { possible: !password },
  },
  {
    id: "updateLoginProfile",
    action: "iam:UpdateLoginProfile",
    what: "changes the console password of",
    precondition: (password) =>
      password === undefined ? { possible: true, requires: "the user has a console password" } : { possible: password },
  },
];

function credentialEdges(context: GraphContext, actor: Actor, method: CredentialMethod): Edge[] {
  const accountId = actor.principal.accountId;
  if (!accountId) return [];

  const edges: Edge[] = [];
  for (const user of context.usersByAccount.get(accountId) ?? []) {
    if (user.id === actor.id || user.id === actor.base?.id || !context.worthTargeting(actor, user)) continue;
    const entry = context.credentialReport.get(user.id);
    const keysActive = entry ? Number(entry.accessKey1Active) + Number(entry.accessKey2Active) : undefined;
    const { possible, requires } = method.precondition(entry?.passwordEnabled, keysActive);
    if (!possible) continue;

    const decision = context.decide(actor, method.action, iamResource(user.id, accountId));
    if (!permits(decision)) continue;
    edges.push({
      from: actor.id,
      to: user.id,
      kind: method.id,
      description: `${actor.ref.label} ${method.what} user ${user.ref.label}`,
      statements: decision.statements,
      conditions: decision.conditions,
      requires: requires ? [requires] : undefined,
    });
  }
  return edges;
}

/** Rewrites a role's trust policy to name itself, then assumes the role. */
const updateAssumeRolePolicy: EscalationMethod = {
  id: "updateAssumeRolePolicy",
  triggers: ["iam:UpdateAssumeRolePolicy"],
  build(context, actor) {
    const accountId = actor.principal.accountId;
    if (!accountId) return [];
    const edges: Edge[] = [];
    for (const role of context.rolesByAccount.get(accountId) ?? []) {
      if (role.id === actor.id || role.id === actor.base?.id || role.policies.serviceLinkedRole || !context.worthTargeting(actor, role)) continue;
      const decision = context.decide(actor, "iam:UpdateAssumeRolePolicy", iamResource(role.id, accountId));
      if (!permits(decision)) continue;
      edges.push({
        from: actor.id,
        to: role.id,
        kind: "updateAssumeRolePolicy",
        description: `${actor.ref.label} rewrites the trust policy of role ${role.ref.label} to name itself and assumes it`,
        statements: decision.statements,
        conditions: decision.conditions,
      });
    }
    return edges;
  },
};

export const CREDENTIAL_TAKEOVER_METHODS: readonly EscalationMethod[] = [
  ...CREDENTIAL_METHODS.map((method) => ({ id: method.id, triggers: [method.action], build: (context: GraphContext, actor: Actor) => credentialEdges(context, actor, method) })),
  updateAssumeRolePolicy,
];
