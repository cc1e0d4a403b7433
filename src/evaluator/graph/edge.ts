import type { Decision, StatementRef, UnresolvedCondition } from "../types.js";
import { permits } from "./decide.js";

/** A directed edge of the access graph: `from` becomes, or acts through, `to`. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  /** `canAssume`, an escalation method id such as `passRole:lambda`, or a subscriber edge. */
  readonly kind: string;
  readonly description: string;
  readonly statements: readonly StatementRef[];
  readonly conditions?: readonly UnresolvedCondition[];
  /** Facts outside the snapshot the edge needs; an edge with any is never plainly allowed. */
  readonly requires?: readonly string[];
}

/** True when the edge holds only under unknown context or outside facts. */
export function isConditional(edge: Pick<Edge, "conditions" | "requires">): boolean {
  return (edge.conditions?.length ?? 0) > 0 || (edge.requires?.length ?? 0) > 0;
}

/** The evidence of several decisions that must all permit: their statements and conditions. */
export interface Combined {
  readonly statements: StatementRef[];
  readonly conditions: UnresolvedCondition[];
}

/** Combines decisions that must all permit; undefined when one of them does not. */
export function allPermit(decisions: readonly Decision[]): Combined | undefined {
  const statements: StatementRef[] = [];
  const conditions: UnresolvedCondition[] = [];
  for (const decision of decisions) {
    if (!permits(decision)) return undefined;
    statements.push(...decision.statements);
    conditions.push(...(decision.conditions ?? []));
  }
  return { statements, conditions };
}

/** The first decision that permits, preferring plain allows; undefined when none does. */
export function bestOf(decisions: readonly Decision[]): Decision | undefined {
  return decisions.find((decision) => decision.type === "allowed") ?? decisions.find((decision) => decision.type === "allowedIf");
}
