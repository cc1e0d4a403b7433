import { parseTemplate, partsToText, resolveTemplate, type TemplatePart, type VariableLookup } from "../match/variables.js";
import { intern } from "../match/intern.js";
import { nullResult } from "./null.js";
import type { ValueTest } from "./operator.js";
import { parseOperatorName, type OperatorName } from "./registry.js";

/**
 * One condition (operator, key, values) compiled once, and its evaluation against a request.
 * Values of one key are ORed; keys and operators of a block are ANDed by the caller.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_logic_multiple-context-keys-or-values.html
 */

/** The marker a request returns for a key whose value is unknown to the snapshot. */
export const UNKNOWN = Symbol("unknown");

/** The request as conditions read it: values by lower-case key, and policy variables. */
export interface ConditionContext {
  /** The key's values, undefined when the request lacks the key, UNKNOWN when unknowable. */
  values(keyLower: string): readonly string[] | undefined | typeof UNKNOWN;
  variable: VariableLookup;
}

export interface CompiledCondition {
  /** The operator as written in the policy. */
  readonly operator: string;
  /** The key as written in the policy. */
  readonly key: string;
  readonly keyLower: string;
  readonly values: readonly string[];
  readonly parsed: OperatorName;
  /** Precompiled test when no value contains a policy variable. */
  readonly test: ValueTest | undefined;
  /** Value templates when some value contains a policy variable. */
  readonly templates: readonly (TemplatePart[] | undefined)[] | undefined;
}

/** Compiles a condition, or returns undefined when the operator is unknown. */
export function compileCondition(operator: string, key: string, values: readonly string[], variables: boolean): CompiledCondition | undefined {
  const parsed = parseOperatorName(operator);
  if (!parsed) return undefined;

  const templates = variables ? values.map(parseTemplate) : [];
  const hasTemplates = templates.some((template) => template !== undefined);
  const precompiled = hasTemplates || parsed.base === "Null" ? undefined : parsed.base.compile(values);
  // Every condition gets the same fields in the same order, so they share one object shape.
  return {
    operator,
    key,
    keyLower: intern(key.toLowerCase()),
    values,
    parsed,
    test: precompiled,
    templates: hasTemplates ? templates : undefined,
  };
}

/** The result of one condition: true, false, or unknown when its key is unknown. */
export type ConditionResult = boolean | typeof UNKNOWN;

/** Evaluates a condition against a request. */
export function evaluateCondition(condition: CompiledCondition, context: ConditionContext): ConditionResult {
  const present = context.values(condition.keyLower);
  if (present === UNKNOWN) return UNKNOWN;

  const { parsed } = condition;
  if (parsed.base === "Null") return nullResult(condition.values, present);

  if (present === undefined) return absentResult(parsed);

  const negated = parsed.base.negated;
  const test = condition.test ?? resolveTest(condition, (key) => context.variable(key), negated);
  if (!test) return false;

  if (parsed.set === "ForAllValues") {
    for (let i = 0; i < present.length; i++) {
      if (test(present[i]!) === negated) return false;
    }
    return true;
  }
  if (parsed.set === "ForAnyValue") {
    for (let i = 0; i < present.length; i++) {
      if (test(present[i]!) !== negated) return true;
    }
    return false;
  }
  let anyMatch = false;
  for (let i = 0; i < present.length && !anyMatch; i++) anyMatch = test(present[i]!);
  return negated ? !anyMatch : anyMatch;
}

/**
 * Decides a condition whose key is absent from the request. IfExists forms and ForAllValues are
 * true, ForAnyValue is false, negated operators are true and every other operator is false.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
function absentResult(parsed: OperatorName): boolean {
  if (parsed.ifExists) return true;
  if (parsed.set === "ForAllValues") return true;
  if (parsed.set === "ForAnyValue") return false;
  return parsed.base !== "Null" && parsed.base.negated;
}


/**
 * Substitutes policy variables into the values. A value whose variable has no value matches
 * nothing. Under a negated operator it makes the condition false, because AWS cannot tell what
 * the value excludes.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
function resolveTest(condition: CompiledCondition, lookup: VariableLookup, negated: boolean): ValueTest | undefined {
  const resolved: string[] = [];
  let unresolved = false;
  condition.templates?.forEach((template, index) => {
    if (!template) {
      resolved.push(condition.values[index] ?? "");
      return;
    }
    const parts = resolveTemplate(template, lookup);
    // NOTE: a `${*}` or `${?}` escape turns back into a wildcard under StringLike, because the
    // resolved value is compared as text.
    if (parts) resolved.push(partsToText(parts));
    else unresolved = true;
  });
  if (condition.parsed.base === "Null" || (unresolved && negated)) return undefined;
  return condition.parsed.base.compile(resolved);
}
