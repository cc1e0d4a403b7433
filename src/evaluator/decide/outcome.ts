import type { StatementRef, UnresolvedCondition } from "../types.js";

/**
 * Three-valued results of a layer: certainly allowed, allowed only if some unresolved conditions
 * hold, or not allowed. Combining keeps the statements behind each result as evidence.
 */
export type Outcome =
  | { readonly state: "yes"; readonly statements: readonly StatementRef[]; readonly conditions: undefined }
  | { readonly state: "if"; readonly statements: readonly StatementRef[]; readonly conditions: readonly UnresolvedCondition[] }
  | { readonly state: "no"; readonly statements: undefined; readonly conditions: undefined };

// Every outcome has the same three fields, so that reading them stays monomorphic.
export const NO: Outcome = { state: "no", statements: undefined, conditions: undefined };
export const YES: Outcome = { state: "yes", statements: [], conditions: undefined };

/** Both must allow: the conditions of both apply. */
export function both(a: Outcome, b: Outcome): Outcome {
  if (a.state === "no" || b.state === "no") return NO;
  if (a.state === "yes" && a.statements.length === 0) return b;
  if (b.state === "yes" && b.statements.length === 0) return a;
  const statements = [...a.statements, ...b.statements];
  const conditions = [...(a.state === "if" ? a.conditions : []), ...(b.state === "if" ? b.conditions : [])];
  return conditions.length > 0 ? { state: "if", statements, conditions } : { state: "yes", statements, conditions: undefined };
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

/**
 * A layer that only limits (boundary, session policy, organization levels): every outcome must
 * allow. The result keeps the unresolved conditions but no statements, because a limit is not
 * what grants the request.
 */
export function limitOf(outcomes: readonly Outcome[] | Outcome): Outcome {
  if (!Array.isArray(outcomes)) {
    const outcome = outcomes as Outcome;
    return outcome.state === "if" ? { state: "if", statements: [], conditions: outcome.conditions } : outcome.state === "no" ? NO : YES;
  }
  let conditions: UnresolvedCondition[] | undefined;
  for (const outcome of outcomes) {
    if (outcome.state === "no") return NO;
    if (outcome.state === "if") (conditions ??= []).push(...outcome.conditions);
  }
  return conditions ? { state: "if", statements: [], conditions } : YES;
}
