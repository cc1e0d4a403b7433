/**
 * Interned strings: one shared string object per distinct text. Condition keys and context keys
 * are interned on both sides, so map lookups during evaluation find equal keys by identity
 * instead of comparing characters.
 */

const MAX_INTERNED = 200_000;
let interned = new Map<string, string>();

/** Returns the shared string object for `text`. */
export function intern(text: string): string {
  const existing = interned.get(text);
  if (existing !== undefined) return existing;
  // Interning is an optimization only, so a full table is simply started afresh.
  if (interned.size >= MAX_INTERNED) interned = new Map();
  interned.set(text, text);
  return text;
}
