import type { CompiledCondition } from "../conditions/condition.js";
import type { ActionPattern } from "../match/action.js";
import type { PrincipalSpec } from "../match/principal.js";
import type { TemplatePart } from "../match/variables.js";
import type { Matcher } from "../match/wildcard.js";
import type { StatementRef } from "../types.js";

/** A Resource or NotResource value: a precompiled matcher, or a template holding variables. */
export interface ResourcePattern {
  readonly text: string;
  readonly matches?: Matcher;
  readonly template?: readonly TemplatePart[];
}

/** One statement, compiled: every pattern and condition is ready to test without parsing. */
export interface CompiledStatement {
  readonly ref: StatementRef;
  readonly effect: "Allow" | "Deny";
  /** Exactly one of actions and notActions is set. */
  readonly actions?: readonly ActionPattern[];
  readonly notActions?: readonly ActionPattern[];
  /** Neither set means the statement has no resource element (trust policies): any resource. */
  readonly resources?: readonly ResourcePattern[];
  readonly notResources?: readonly ResourcePattern[];
  /** True when a Resource or NotResource value contains a policy variable, resolved per request. */
  readonly resourceTemplates: boolean;
  /** Neither set means the policy type names no principal (identity policies). */
  readonly principal?: PrincipalSpec;
  readonly notPrincipal?: PrincipalSpec;
  readonly conditions: readonly CompiledCondition[];
  /** The outcome this statement gives when it applies unconditionally, built once. */
  readonly granted: { readonly state: "yes"; readonly statements: readonly StatementRef[]; readonly conditions: undefined };
}

/**
 * Tests whether the statement's Resource or NotResource could cover the resource: exact for
 * statements without policy variables, and true for those with them (they are resolved per
 * request).
 */
export function statementMayMatchResource(statement: CompiledStatement, resource: string): boolean {
  if (statement.resourceTemplates) return true;
  if (statement.resources) return statement.resources.some((pattern) => pattern.matches?.(resource) === true);
  if (statement.notResources) return !statement.notResources.some((pattern) => pattern.matches?.(resource) === true);
  return true;
}

/** Tests whether the statement's Action or NotAction covers a lower-case action name. */
export function statementMatchesAction(statement: Pick<CompiledStatement, "actions" | "notActions">, actionLower: string): boolean {
  if (statement.actions) return anyMatches(statement.actions, actionLower);
  return !anyMatches(statement.notActions ?? [], actionLower);
}

// A loop rather than `some` with a closure, because the graph's pre-filter runs this millions of times.
function anyMatches(patterns: readonly ActionPattern[], actionLower: string): boolean {
  for (let index = 0; index < patterns.length; index += 1) {
    if (patterns[index]!.matches(actionLower)) return true;
  }
  return false;
}
