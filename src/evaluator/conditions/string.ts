import { compileGlob } from "../match/wildcard.js";
import { operatorPair, type BaseOperator } from "./operator.js";

/**
 * String operators. Equality compares case-sensitively unless the name says IgnoreCase;
 * `StringLike` takes `*` and `?` as wildcards, also case-sensitively.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
export const STRING_OPERATORS: BaseOperator[] = [
  ...operatorPair("StringEquals", "StringNotEquals", (values) => {
    if (values.length === 1) {
      const only = values[0];
      return (value) => value === only;
    }
    const set = new Set(values);
    return (value) => set.has(value);
  }),
  ...operatorPair("StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", (values) => {
    const set = new Set(values.map((value) => value.toLowerCase()));
    return (value) => set.has(value.toLowerCase());
  }),
  ...operatorPair("StringLike", "StringNotLike", (values) => {
    const matchers = values.map((value) => compileGlob(value));
    return (value) => matchers.some((matches) => matches(value));
  }),
];
