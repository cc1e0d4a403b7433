/** Matching of `*` and `?` wildcards, as IAM and the baseline and exceptions files use them. */

const cache = new Map<string, RegExp>();

/** True when `value` matches `pattern`, where `*` is any run of characters and `?` one character. */
export function matchesWildcard(pattern: string, value: string, options: { ignoreCase?: boolean } = {}): boolean {
  const key = `${options.ignoreCase ? "i" : "c"}${pattern}`;
  let expression = cache.get(key);
  if (!expression) {
    const body = pattern
      .split("")
      .map((character) => (character === "*" ? ".*" : character === "?" ? "." : character.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
      .join("");
    expression = new RegExp(`^${body}$`, options.ignoreCase ? "is" : "s");
    cache.set(key, expression);
  }
  return expression.test(value);
}

/** True when any pattern matches. */
export function matchesAny(patterns: readonly string[], value: string, options: { ignoreCase?: boolean } = {}): boolean {
  return patterns.some((pattern) => matchesWildcard(pattern, value, options));
}
