import type { CapabilityGrant } from "../../evaluator/access.js";
import { approvedPatterns } from "../baseline.js";
import { accessGaps } from "../lake-index.js";
import { describeReach, grantEvidence } from "../evidence.js";
import type { FindingDraft, Rule, RuleContext, RuleOutcome } from "../rule.js";
import { matchesAny } from "../wildcard.js";

/**
 * Builds the rule "principals holding CAPABILITY that the baseline does not approve". With no
 * approved list for the capability, every holder is reported at low confidence, as needing a
 * review. Holders judged elsewhere are left out: AWS service principals and service-linked
 * roles (AWS manages them), subscribers and their roles (the subscriber rules judge them), and
 * principals outside the organization (access-external-account judges them).
 */
export function unapprovedHoldersRule(id: string, capability: string, verb: string): Rule {
  return {
    id,
    check: (context) => checkHolders(context, capability, verb),
  };
}

function checkHolders(context: RuleContext, capability: string, verb: string): RuleOutcome {
  const approved = approvedPatterns(context.baseline, capability);
  const subscriberRoles = new Set(context.index.subscribers.map((entry) => entry.item.roleArn).filter(Boolean));

  const byPrincipal = new Map<string, CapabilityGrant[]>();
  for (const grant of context.grants) {
    if (grant.capability !== capability || isJudgedElsewhere(grant, subscriberRoles)) continue;
    if (approved && matchesAny(approved, grant.principal.id)) continue;
    const held = byPrincipal.get(grant.principal.id);
    if (held) held.push(grant);
    else byPrincipal.set(grant.principal.id, [grant]);
  }

  const findings = [...byPrincipal.values()].map((grants) => holderFinding(grants, capability, verb, approved !== undefined));
  return { findings, ...accessGaps(context.index), withoutBaseline: approved === undefined };
}

function isJudgedElsewhere(grant: CapabilityGrant, subscriberRoles: ReadonlySet<string | undefined>): boolean {
  const principal = grant.principal;
  if (principal.kind === "service" || principal.kind === "subscriber") return true;
  if (!principal.inOrganization) return true;
  if (principal.id.includes(":role/aws-service-role/")) return true;
  if (grant.capability !== "lake.read") return false;
  return subscriberRoles.has(principal.id) || grant.path[0]?.edge === "subscriberIdentity";
}

function holderFinding(grants: CapabilityGrant[], capability: string, verb: string, judged: boolean): FindingDraft {
  // The shortest path is the clearest evidence; the graph already orders grants, but be sure.
  const sorted = [...grants].sort((left, right) => left.path.length - right.path.length);
  const grant = sorted[0] as CapabilityGrant;
  const principal = grant.principal;
  const resources = [...new Set(grants.flatMap((each) => each.resources))];

  const summary = judged
    ? `${principal.label} can ${verb} ${describeReach(grant)}, and the baseline does not approve it for ${capability}.`
    : `${principal.label} can ${verb} ${describeReach(grant)}; no baseline lists who is approved for ${capability}, so review whether it needs this.`;

  return {
    subject: {
      kind: "principal",
      id: principal.id,
      label: principal.label,
      ...(principal.accountId === undefined ? {} : { accountId: principal.accountId }),
    },
    summary,
    evidence: [...grantEvidence({ ...grant, resources })],
    ...(judged ? {} : { confidence: "low" as const }),
  };
}
