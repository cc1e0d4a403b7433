import { ARN_OPERATORS } from "./arn.js";
import { BINARY_OPERATORS } from "./binary.js";
import { BOOL_OPERATORS } from "./bool.js";
import { DATE_OPERATORS } from "./date.js";
import { IP_OPERATORS } from "./ip.js";
import { NUMERIC_OPERATORS } from "./numeric.js";
import type { BaseOperator } from "./operator.js";
import { STRING_OPERATORS } from "./string.js";

/** Every base condition operator, by lower-case name (operator names are case-insensitive). */
export const OPERATORS: ReadonlyMap<string, BaseOperator> = new Map(
  [...STRING_OPERATORS, ...NUMERIC_OPERATORS, ...DATE_OPERATORS, ...BOOL_OPERATORS, ...BINARY_OPERATORS, ...IP_OPERATORS, ...ARN_OPERATORS].map(
    (operator) => [operator.name.toLowerCase(), operator],
  ),
);

/** A parsed operator name: qualifier, base operator (or `Null`) and the IfExists suffix. */
export interface OperatorName {
  set: "ForAnyValue" | "ForAllValues" | undefined;
  base: BaseOperator | "Null";
  ifExists: boolean;
}

/**
 * Parses `ForAllValues:StringLikeIfExists`-like names. Returns undefined for unknown operators,
 * which AWS rejects in policies.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
export function parseOperatorName(name: string): OperatorName | undefined {
  let rest = name;
  let set: OperatorName["set"];
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === "foranyvalue") set = "ForAnyValue";
    else if (qualifier === "forallvalues") set = "ForAllValues";
    else return undefined;
    rest = rest.slice(colon + 1);
  }

  let lower = rest.toLowerCase();
  if (lower === "null") return set ? undefined : { set: undefined, base: "Null", ifExists: false };

  const ifExists = lower.endsWith("ifexists");
  if (ifExists) lower = lower.slice(0, -"ifexists".length);
  const base = OPERATORS.get(lower);
  if (!base) return undefined;
  return { set, base, ifExists };
}
