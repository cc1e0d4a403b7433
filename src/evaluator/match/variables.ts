import { parsePattern, type PatternPart } from "./wildcard.js";

/**
 * Policy variables (`${aws:username}`) in Resource and Condition values. They are only read in
 * policies whose Version is `2012-10-17`; older policies take the text literally. A default is
 * written after a comma in single quotes (`${aws:PrincipalTag/team, 'none'}`), and `${*}`,
 * `${?}` and `${$}` stand for the literal characters.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */

/** A piece of a value template: policy text (whose wildcards stay active), a variable, or a literal. */
export type TemplatePart =
  | { text: string }
  | { literal: string }
  | { variable: string; fallback?: string };

/** Reads a single-valued context key for substitution; undefined when the request lacks it. */
export type VariableLookup = (key: string) => string | undefined;

const VARIABLE = /\$\{([^}]*)\}/g;
const DEFAULT_FORM = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;

/** Splits a value into a template, or returns undefined when it contains no variable. */
export function parseTemplate(value: string): TemplatePart[] | undefined {
  if (!value.includes("${")) return undefined;

  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of value.matchAll(VARIABLE)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: value.slice(last, index) });
    parts.push(variablePart(match[1] ?? ""));
    last = index + match[0].length;
  }
  if (last < value.length) parts.push({ text: value.slice(last) });
  return parts.some((part) => !("text" in part)) ? parts : undefined;
}

function variablePart(inner: string): TemplatePart {
  if (inner === "*" || inner === "?" || inner === "$") return { literal: inner };

  const withDefault = DEFAULT_FORM.exec(inner);
  if (withDefault) return { variable: withDefault[1] ?? "", fallback: withDefault[2] ?? "" };
  return { variable: inner.trim() };
}

/**
 * Resolves a template into pattern parts. Returns undefined when a variable has no value and no
 * default, because AWS then treats the element as unable to match.
 */
export function resolveTemplate(parts: readonly TemplatePart[], lookup: VariableLookup): PatternPart[] | undefined {
  const resolved: PatternPart[] = [];
  for (const part of parts) {
    if ("text" in part) {
      resolved.push(...parsePattern(part.text));
      continue;
    }
    if ("literal" in part) {
      resolved.push({ literal: part.literal });
      continue;
    }
    const value = lookup(part.variable) ?? part.fallback;
    if (value === undefined) return undefined;
    resolved.push({ literal: value });
  }
  return resolved;
}

/** Renders resolved parts back into plain text, for operators that compare whole strings. */
export function partsToText(parts: readonly PatternPart[]): string {
  return parts.map((part) => ("literal" in part ? part.literal : part.wildcard)).join("");
}
