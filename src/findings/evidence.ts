import type { CapabilityGrant } from "../evaluator/access.js";
import type { StatementRef } from "../evaluator/types.js";
import type { Evidence, StatementEvidence } from "./finding.js";
import type { PolicyStatement } from "./policy-statements.js";
import { lakeResourceLabel } from "../evaluator/graph/index.js";

/** Evidence for one statement read from a policy document, with its text for display. */
export function statementEvidence(policyType: string, policyId: string, statement: PolicyStatement): StatementEvidence {
  return {
    kind: "statement",
    policyType,
    policyId,
    ...(statement.sid === undefined ? {} : { sid: statement.sid }),
    statementIndex: statement.index,
    effect: statement.effect,
    statement: JSON.stringify(statement.raw),
  };
}

/** Evidence for a statement the evaluator located. */
export function statementRefEvidence(reference: StatementRef): StatementEvidence {
  return {
    kind: "statement",
    policyType: reference.policy.type,
    policyId: reference.policy.id,
    ...(reference.policy.name === undefined ? {} : { policyName: reference.policy.name }),
    ...(reference.sid === undefined ? {} : { sid: reference.sid }),
    statementIndex: reference.index,
    effect: reference.effect,
  };
}

/**
 * Evidence for a capability grant: the path hop by hop, then every statement the path relies
 * on, each once, then the conditions an `allowedIf` grant depends on.
 */
export function grantEvidence(grant: CapabilityGrant): Evidence[] {
  const evidence: Evidence[] = [{ kind: "path", capability: grant.capability, steps: grant.path }];

  const seen = new Set<string>();
  for (const step of grant.path) {
    for (const reference of step.statements) {
      const key = `${reference.policy.id}#${reference.index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push(statementRefEvidence(reference));
    }
  }

  if (grant.resources.length > 0) evidence.push({ kind: "fact", text: "Lake resources covered", value: grant.resources.map(lakeResourceLabel).join(", ") });
  if (grant.otherRoutes && grant.otherRoutes.length > 0) {
    evidence.push({ kind: "fact", text: "Other routes to the same capability, which removing this path leaves open, start at", value: grant.otherRoutes.join(", ") });
  }
  if (grant.decision === "allowedIf") {
    const conditions = grant.path.flatMap((step) => step.conditions ?? []);
    const text = conditions.map((condition) => `${condition.operator} ${condition.key} ${condition.values.join("|")}`).join("; ");
    evidence.push({ kind: "fact", text: "Allowed only when these conditions hold", value: text || "conditions the snapshot cannot decide" });
  }
  return evidence;
}

/** Describes how a grant reaches its holder, for a finding's summary. */
export function describeReach(grant: CapabilityGrant): string {
  const hops = grant.path.length;
  const route = hops <= 1 ? "directly" : `through a path of ${hops} steps`;
  return grant.decision === "allowedIf" ? `${route}, under conditions the snapshot cannot decide` : route;
}
