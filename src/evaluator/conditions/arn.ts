import { compileArnPattern } from "../match/arn.js";
import { operatorPair, type BaseOperator, type ValueTest } from "./operator.js";

/**
 * ARN operators. `ArnEquals` and `ArnLike` behave the same: both match segment by segment,
 * case-sensitively, with `*` and `?` inside a segment.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
function compileArns(values: readonly string[]): ValueTest {
  const matchers = values.map((value) => compileArnPattern(value));
  return (value) => value.startsWith("arn:") && matchers.some((matches) => matches(value));
}

export const ARN_OPERATORS: BaseOperator[] = [
  ...operatorPair("ArnEquals", "ArnNotEquals", compileArns),
  ...operatorPair("ArnLike", "ArnNotLike", compileArns),
];
