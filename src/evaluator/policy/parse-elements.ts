import type { PolicyProblem } from "../types.js";

/** Reading helpers that record a path-addressed problem instead of throwing. */

export type Problems = PolicyProblem[];

/** Reads a string or an array of strings; numbers and booleans become text as IAM reads them. */
export function readStrings(value: unknown, path: string | (() => string), problems: Problems): string[] | undefined {
  // Fast paths for what nearly every policy contains, because a large organization reads
  // hundreds of thousands of these elements. The path text is built only for a problem.
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.length > 0 && value.every(isString)) return value.slice();

  const pathText = typeof path === "string" ? path : path();
  const list = Array.isArray(value) ? value : [value];
  const strings: string[] = [];
  for (const [index, item] of list.entries()) {
    if (typeof item === "string") strings.push(item);
    else if (typeof item === "number" || typeof item === "boolean") strings.push(String(item));
    else {
      problems.push({ path: Array.isArray(value) ? `${pathText}[${index}]` : pathText, message: "expected a string or an array of strings" });
    }
  }
  if (Array.isArray(value) && value.length === 0) {
    problems.push({ path: pathText, message: "expected at least one value" });
  }
  return strings.length > 0 || Array.isArray(value) ? strings : undefined;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** JSON path of an object member, quoting names that are not identifiers. */
export function memberPath(path: string, name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
