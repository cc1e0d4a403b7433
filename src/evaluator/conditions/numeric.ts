import type { BaseOperator, ValueTest } from "./operator.js";

/**
 * Numeric operators. A value that is not a number never matches.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 */

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

function toNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

function comparing(compare: (request: number, policy: number) => boolean) {
  return (values: readonly string[]): ValueTest => {
    const numbers = values.map(toNumber).filter((value): value is number => value !== undefined);
    return (value) => {
      const request = toNumber(value);
      return request !== undefined && numbers.some((policy) => compare(request, policy));
    };
  };
}

const equals = comparing((request, policy) => request === policy);

export const NUMERIC_OPERATORS: BaseOperator[] = [
  { name: "NumericEquals", negated: false, compile: equals },
  { name: "NumericNotEquals", negated: true, compile: equals },
  { name: "NumericLessThan", negated: false, compile: comparing((request, policy) => request < policy) },
  { name: "NumericLessThanEquals", negated: false, compile: comparing((request, policy) => request <= policy) },
  { name: "NumericGreaterThan", negated: false, compile: comparing((request, policy) => request > policy) },
  { name: "NumericGreaterThanEquals", negated: false, compile: comparing((request, policy) => request >= policy) },
];
