import type { BaseOperator } from "./operator.js";

/**
 * `Bool`: compares `true`/`false` case-insensitively.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
 */
export const BOOL_OPERATORS: BaseOperator[] = [
  {
    name: "Bool",
    negated: false,
    compile: (values) => {
      const set = new Set(values.map((value) => value.toLowerCase()));
      return (value) => set.has(value.toLowerCase());
    },
  },
];
