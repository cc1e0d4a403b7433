import type { BaseOperator, ValueTest } from "./operator.js";

/**
 * Date operators. Values are ISO 8601 date-times or epoch seconds; anything else never matches.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */

const EPOCH = /^\s*-?\d+\s*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch, or undefined when the text is no date AWS accepts. */
export function toEpochMillis(text: string): number | undefined {
  if (EPOCH.test(text)) return Number(text) * 1000;
  if (!ISO_DATE.test(text.trim())) return undefined;
  const millis = Date.parse(text.trim());
  return Number.isNaN(millis) ? undefined : millis;
}

function comparing(compare: (request: number, policy: number) => boolean) {
  return (values: readonly string[]): ValueTest => {
    const dates = values.map(toEpochMillis).filter((value): value is number => value !== undefined);
    return (value) => {
      const request = toEpochMillis(value);
      return request !== undefined && dates.some((policy) => compare(request, policy));
    };
  };
}

const equals = comparing((request, policy) => request === policy);

export const DATE_OPERATORS: BaseOperator[] = [
  { name: "DateEquals", negated: false, compile: equals },
  { name: "DateNotEquals", negated: true, compile: equals },
  { name: "DateLessThan", negated: false, compile: comparing((request, policy) => request < policy) },
  { name: "DateLessThanEquals", negated: false, compile: comparing((request, policy) => request <= policy) },
  { name: "DateGreaterThan", negated: false, compile: comparing((request, policy) => request > policy) },
  { name: "DateGreaterThanEquals", negated: false, compile: comparing((request, policy) => request >= policy) },
];
