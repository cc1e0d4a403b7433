import type { RiskException } from "../findings/exceptions.js";
import { isActive } from "../findings/exceptions.js";
import { LakewardenError } from "../shared/errors.js";
import type { Store } from "./database.js";

/** A reviewer's decision on the findings of one rule whose subject matches a pattern. */
export interface ReviewDecision {
  organizationKey: string;
  ruleId: string;
  /** The finding subject with `*` and `?` wildcards, as in the exceptions file. */
  subjectPattern: string;
  /** `accept` records an accepted risk, `reject` a refused request, `revoke` withdraws an earlier acceptance. */
  decision: "accept" | "reject" | "revoke";
  justification: string;
  reviewer: string;
  /** Last day an acceptance applies (YYYY-MM-DD); required for `accept`. */
  expiresOn?: string;
  decidedAt: string;
}

/** Stores a review decision and returns its id. */
export function recordDecision(db: Store, decision: ReviewDecision): number {
  if (decision.decision === "accept" && !decision.expiresOn) {
    throw new LakewardenError("usage", `missing expiry date: an accepted risk on ${decision.ruleId} needs expiresOn (YYYY-MM-DD)`);
  }
  const inserted = db
    .prepare(`INSERT INTO review_decisions
      (organization_key, rule_id, subject_pattern, decision, justification, reviewer, expires_on, decided_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      decision.organizationKey,
      decision.ruleId,
      decision.subjectPattern,
      decision.decision,
      decision.justification,
      decision.reviewer,
      decision.expiresOn ?? null,
      decision.decidedAt,
    );
  return Number(inserted.lastInsertRowid);
}

interface DecisionRow {
  rule_id: string;
  subject_pattern: string;
  decision: ReviewDecision["decision"];
  justification: string;
  reviewer: string;
  expires_on: string | null;
}

/**
 * Returns the organization's accepted risks still in force at `now`, as exceptions that the
 * rules apply like the exceptions file. For each rule and subject pattern the latest decision
 * wins, so a later `revoke` or `reject` ends an acceptance.
 */
export function activeAcceptances(db: Store, organizationKey: string, now: Date): RiskException[] {
  const rows = db
    .prepare(`SELECT rule_id, subject_pattern, decision, justification, reviewer, expires_on
      FROM review_decisions d
      WHERE organization_key = ? AND id = (
        SELECT MAX(id) FROM review_decisions
        WHERE organization_key = d.organization_key AND rule_id = d.rule_id AND subject_pattern = d.subject_pattern)`)
    .all(organizationKey) as DecisionRow[];

  return rows
    .filter((row) => row.decision === "accept" && row.expires_on !== null)
    .map((row) => ({
      rule: row.rule_id,
      subject: row.subject_pattern,
      justification: row.justification,
      approver: row.reviewer,
      expires: row.expires_on ?? "",
    }))
    .filter((exception) => isActive(exception, now));
}
