import { evaluateCondition, UNKNOWN, type ConditionContext } from "../conditions/condition.js";
import { compileArnPattern } from "../match/arn.js";
import { matchPrincipal, type PrincipalMatch } from "../match/principal.js";
import { resolveTemplate } from "../match/variables.js";
import type { CompiledStatement, ResourcePattern } from "../policy/statement.js";
import type { RequestPrincipal, UnresolvedCondition } from "../types.js";

/**
 * Whether one statement applies to a request whose action already matched: resource, principal
 * and conditions. The result is `false`, `true`, or the conditions left unresolved because their
 * keys are unknown.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
export type StatementResult = boolean | readonly UnresolvedCondition[];

/**
 * What a statement needs from the request besides the action, including the condition view of
 * its context (`RequestView` implements both).
 */
export interface StatementRequest extends ConditionContext {
  /** The lower-case action and its (action, resource) id from `targetId`. */
  readonly actionLower: string;
  readonly target: number;
  readonly resource: string;
  readonly principal: RequestPrincipal;
}

/** Tests a pattern against the resource; undefined when a variable in it has no value. */
function patternMatches(pattern: ResourcePattern, request: StatementRequest): boolean | undefined {
  if (pattern.matches) return pattern.matches(request.resource);
  // NOTE: a variable whose key is unknown (not just absent) is treated as absent here, so such a
  // Resource yields a definite answer rather than allowedIf.
  const parts = resolveTemplate(pattern.template ?? [], (key) => request.variable(key));
  return parts === undefined ? undefined : compileArnPattern(parts)(request.resource);
}

/**
 * Tests the Resource or NotResource element. A value whose variable has no value matches
 * nothing. In NotResource such a value
 * makes the whole statement inapplicable, since AWS cannot tell what it excludes ("if AWS
 * cannot resolve a variable this might cause the entire statement to be invalid").
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function resourceApplies(statement: CompiledStatement, request: StatementRequest): boolean {
  const resources = statement.resources;
  if (resources) {
    for (let i = 0; i < resources.length; i++) {
      if (patternMatches(resources[i]!, request) === true) return true;
    }
    return false;
  }
  const notResources = statement.notResources;
  if (notResources) {
    for (let i = 0; i < notResources.length; i++) {
      if (patternMatches(notResources[i]!, request) !== false) return false;
    }
  }
  return true;
}

/**
 * Matches the statement's Principal or NotPrincipal against the caller. Returns "none" when the
 * statement names no principal (identity policies) and undefined when it excludes the caller.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
export function principalApplies(statement: CompiledStatement, principal: RequestPrincipal): PrincipalMatch | "none" | undefined {
  if (statement.principal) return matchPrincipal(statement.principal, principal);
  if (statement.notPrincipal) {
    // NOTE: NotPrincipal is matched on the caller's own ARN (user, session, root) only; AWS also
    // evaluates the account and role in the caller's chain, which is not modelled.
    const match = matchPrincipal(statement.notPrincipal, principal);
    return match === "exact" || statement.notPrincipal.everyone ? undefined : "wildcard";
  }
  return "none";
}

/**
 * Evaluates the statement's resource element and conditions. `resourceChecked` skips the
 * resource element when the caller's per-resource index already matched it.
 */
export function statementApplies(statement: CompiledStatement, request: StatementRequest, resourceChecked = false): StatementResult {
  if (!(resourceChecked && !statement.resourceTemplates) && !resourceApplies(statement, request)) return false;

  let unresolved: UnresolvedCondition[] | undefined;
  const conditions = statement.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const condition = conditions[i]!;
    const result = evaluateCondition(condition, request);
    if (result === false) return false;
    if (result === UNKNOWN) {
      unresolved ??= [];
      unresolved.push({ statement: statement.ref, operator: condition.operator, key: condition.key, values: condition.values });
    }
  }
  return unresolved ?? true;
}
