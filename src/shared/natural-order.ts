/**
 * Natural order for names with numbers, as people read lists: `role-2` before `role-10`.
 */

/** Returns a key whose text order is the natural order of `text`: each run of digits padded to 20 places. */
export function naturalKey(text: string): string {
  return text.replace(/\d+/g, (digits) => digits.padStart(20, "0"));
}

/** Sorts by `compare`, then by the natural order of `name`. Each name's key is built once. */
export function sortNaturally<T>(items: readonly T[], compare: (left: T, right: T) => number, name: (item: T) => string): T[] {
  const keys = new Map(items.map((item) => [item, naturalKey(name(item))]));
  return [...items].sort((left, right) => compare(left, right) || keys.get(left)!.localeCompare(keys.get(right)!));
}
