/**
 * The shape shared by every condition operator family. An operator is defined by its positive
 * test; the negated forms (`StringNotEquals`, `NotIpAddress`, ...) invert it, and AWS treats
 * them as true when the key is absent.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */

/** Tests one request value against all of a condition's policy values (OR). */
export type ValueTest = (requestValue: string) => boolean;

/** A base operator, without `ForAnyValue:`/`ForAllValues:` qualifiers or the `IfExists` suffix. */
export interface BaseOperator {
  /** The canonical name, as AWS documents it. */
  readonly name: string;
  /** True for the `Not` forms, whose result is the inverse of `positive`'s test. */
  readonly negated: boolean;
  /** Compiles the policy values into a positive test. */
  compile(policyValues: readonly string[]): ValueTest;
}

/** Builds an operator and its negated twin from one positive test factory. */
export function operatorPair(name: string, negatedName: string, compile: BaseOperator["compile"]): BaseOperator[] {
  return [
    { name, negated: false, compile },
    { name: negatedName, negated: true, compile },
  ];
}
