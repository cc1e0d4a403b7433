/**
 * `Null`: tests whether a key is absent (`"true"`) or present (`"false"`) in the request. It has
 * no IfExists form and takes no ForAnyValue/ForAllValues qualifier.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
 */
export function nullResult(values: readonly string[], present: readonly string[] | undefined): boolean {
  const absent = present === undefined;
  return values.some((value) => (value.toLowerCase() === "true") === absent);
}
