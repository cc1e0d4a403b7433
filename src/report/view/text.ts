/**
 * Text safety for the report. Every string in a view model comes from a scanned account, so
 * each rendered page is made inert beyond what HTML escaping does: bidirectional overrides
 * and control characters become visible code points. No template turns such a string into a
 * link; links point only at the report's own pages.
 */
import { createHash } from "node:crypto";

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks) and the C0/C1 control
 * characters other than tab and newline. A right-to-left override in a role name can make
 * `evil‮txt.exe` read as something else, so each is shown as `[U+202E]` instead.
 */
// Every character in the class is in the Basic Multilingual Plane, so the pattern needs no `u`
// flag. Without it, Node 20 scanned 69 MB of rendered pages in 60 ms instead of 100 to 200 ms.
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_REORDERING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Replaces bidirectional controls and control characters with a visible `[U+XXXX]`. */
export function makeVisible(text: string): string {
  return text.replace(INVISIBLE_OR_REORDERING, (character) => {
    const codePoint = character.codePointAt(0) ?? 0;
    return `[U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}]`;
  });
}

/**
 * Builds an HTML id from an untrusted key, such as a finding id with ARNs in it.
 * A hash keeps ids short, stable across runs and free of characters that need escaping.
 */
export function anchorId(prefix: string, key: string): string {
  return `${prefix}-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

/** Joins words for a sentence: `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) {
    return words.join("");
  }
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Formats an ISO-8601 time as `2026-12-04 21:30 UTC` for people. A bare date and other text are returned unchanged. */
export function formatTime(iso: string | undefined): string {
  if (iso === undefined) {
    return "";
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    return iso;
  }
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) {
    return iso;
  }
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
