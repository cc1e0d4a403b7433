import type { BaseOperator } from "./operator.js";

/**
 * `BinaryEquals`: compares base-64 values byte for byte.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
 */
export const BINARY_OPERATORS: BaseOperator[] = [
  {
    name: "BinaryEquals",
    negated: false,
    compile: (values) => {
      const decoded = new Set(values.map((value) => Buffer.from(value, "base64").toString("hex")));
      return (value) => decoded.has(Buffer.from(value, "base64").toString("hex"));
    },
  },
];
