import type { StatementRef, UnresolvedCondition } from "../types.js";

/**
 * Three-valued results of a layer: certainly allowed, allowed only if some unresolved conditions
 * hold, or not allowed. Combining keeps the statements behind each result as evidence.
 */
export type Outcome =
  | { readonly state: "yes"; readonly statements: readonly StatementRef[] }
  | { readonly state: "if"; readonly statements: readonly StatementRef[]; readonly conditions: readonly UnresolvedCondition[] }
  | { readonly state: "no" };

export const NO: Outcome = { state: "no" };
export const YES: Outcome = { state: "yes", statements: [] };

/** Both must allow: the conditions of both apply. */
export function both(a: Outcome, b: Outcome): Outcome {
  if (a.state === "no" || b.state === "no") return NO;
  const statements = [...a.statements, ...b.statements];
  const conditions = [...(a.state === "if" ? a.conditions : []), ...(b.state === "if" ? b.conditions : [])];
  return conditions.length > 0 ? { state: "if", statements, conditions } : { state: "yes", statements };
}

/**
 * Either may allow. When neither is certain, the alternative with fewer conditions is kept: its
 * conditions are sufficient for access, though not the only way to it.
 */
export function either(a: Outcome, b: Outcome): Outcome {
  if (a.state === "yes") return a;
  if (b.state === "yes") return b;
  if (a.state === "no") return b;
  if (b.state === "no") return a;
  return b.conditions.length < a.conditions.length ? b : a;
}
