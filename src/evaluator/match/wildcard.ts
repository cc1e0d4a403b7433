/**
 * Glob patterns as IAM uses them: `*` matches any run of characters (including none, and
 * including `/` and `:`), `?` matches exactly one character, and everything else is literal.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */

/** One piece of a pattern; substituted policy variables are always literal pieces. */
export type PatternPart = { literal: string } | { wildcard: "*" | "?" };

/** A compiled glob: a predicate over already case-folded text when built case-insensitive. */
export type Matcher = (text: string) => boolean;

const MATCH_ALL: Matcher = () => true;

/** Splits pattern text into literal and wildcard parts. */
export function parsePattern(pattern: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let literal = "";
  for (const char of pattern) {
    if (char === "*" || char === "?") {
      if (literal) parts.push({ literal });
      literal = "";
      parts.push({ wildcard: char });
    } else {
      literal += char;
    }
  }
  if (literal) parts.push({ literal });
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * Compiles parts into a matcher, with fast paths for the shapes policies use most: exact text,
 * a lone `*`, and a literal prefix followed by `*`. `ignoreCase` folds the pattern; callers fold
 * the text themselves so a matcher never allocates.
 */
export function compileParts(parts: readonly PatternPart[], ignoreCase = false): Matcher {
  const fold = (text: string): string => (ignoreCase ? text.toLowerCase() : text);
  const hasQuestion = parts.some((part) => "wildcard" in part && part.wildcard === "?");
  const stars = parts.filter((part) => "wildcard" in part && part.wildcard === "*").length;

  if (parts.length === 0) return (text) => text === "";
  if (!hasQuestion && stars === 0) {
    const exact = fold(parts.map((part) => ("literal" in part ? part.literal : "")).join(""));
    return (text) => text === exact;
  }
  if (!hasQuestion && stars === parts.length) return MATCH_ALL;

  const last = parts[parts.length - 1];
  const first = parts[0];
  if (!hasQuestion && stars === 1 && parts.length === 2 && first && "literal" in first && last && "wildcard" in last) {
    const prefix = fold(first.literal);
    return (text) => text.startsWith(prefix);
  }

  const source = parts
    .map((part) => ("literal" in part ? escapeRegExp(fold(part.literal)) : part.wildcard === "*" ? "[\\s\\S]*" : "[\\s\\S]"))
    .join("");
  const regExp = new RegExp(`^${source}$`);
  return (text) => regExp.test(text);
}

/** Compiles pattern text into a matcher. */
export function compileGlob(pattern: string, ignoreCase = false): Matcher {
  return compileParts(parsePattern(pattern), ignoreCase);
}

/** Whether pattern text contains a wildcard. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes("*") || pattern.includes("?");
}
