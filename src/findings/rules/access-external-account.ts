import type { CapabilityGrant } from "../../evaluator/access.js";
import { APPROVABLE_CAPABILITIES } from "../baseline.js";
import { grantEvidence } from "../evidence.js";
import { accessGaps, accountOf } from "../lake-index.js";
import type { FindingDraft, Rule, RuleContext } from "../rule.js";

// `escalate` repeats what these show, and `admin` is about an account, not the lake.
const LAKE_CAPABILITIES: ReadonlySet<string> = new Set(APPROVABLE_CAPABILITIES);

/**
 * Accounts outside the organization that reach any lake capability, by any path. An account the
 * baseline lists under allowedExternalAccounts may hold anything; an approved subscriber's
 * account may read. With no baseline, every external account is reported at low confidence.
 */
export const externalAccountAccess: Rule = {
  id: "access-external-account",
  check(context) {
    const byAccount = new Map<string, CapabilityGrant[]>();
    for (const grant of context.grants) {
      if (grant.principal.inOrganization || grant.principal.kind === "service") continue;
      if (!LAKE_CAPABILITIES.has(grant.capability)) continue;
      // Anonymous callers and principals without an account are grouped under their own id.
      const key = grant.principal.accountId ?? accountOf(grant.principal.id) ?? grant.principal.id;
      if (isAllowed(context, key, grant.capability)) continue;
      const held = byAccount.get(key);
      if (held) held.push(grant);
      else byAccount.set(key, [grant]);
    }

    const findings = [...byAccount.entries()].map(([accountId, grants]) => externalFinding(context, accountId, grants));
    return { findings, ...accessGaps(context.index), withoutBaseline: !context.baseline };
  },
};

function isAllowed(context: RuleContext, accountId: string, capability: string): boolean {
  const baseline = context.baseline;
  if (baseline?.allowedExternalAccounts?.some((entry) => entry.accountId === accountId)) return true;
  return capability === "lake.read" && !!baseline?.approvedSubscribers?.some((entry) => entry.accountId === accountId);
}

function externalFinding(context: RuleContext, accountId: string, grants: CapabilityGrant[]): FindingDraft {
  const capabilities = [...new Set(grants.map((grant) => grant.capability))].sort();
  const shortest = [...grants].sort((left, right) => left.path.length - right.path.length);
  const evidence = shortest.slice(0, 3).flatMap((grant) => grantEvidence(grant));

  const isAccount = /^\d{12}$/.test(accountId);
  const holder = isAccount ? `Account ${accountId}` : `Principal ${grants[0]?.principal.label ?? accountId}`;
  return {
    subject: isAccount
      ? { kind: "account", id: accountId, label: `external account ${accountId}`, accountId }
      : { kind: "principal", id: accountId, label: grants[0]?.principal.label ?? accountId },
    summary: `${holder}, outside the organization, holds ${capabilities.join(", ")} on the security data lake${context.baseline ? " without being an allowed external account" : "; no baseline lists allowed external accounts"}.`,
    evidence: [{ kind: "fact", text: "Capabilities held", value: capabilities.join(", ") }, ...evidence],
    ...(context.baseline ? {} : { confidence: "low" as const }),
  };
}
