import type { PolicyProblem } from "../types.js";

/**
 * Turns a policy as it arrives (a JSON object, JSON text, the URL-encoded JSON text IAM's API
 * returns, or the snapshot's record of an undecodable document) into a JSON value.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html
 */

export type DecodeResult = { document: Record<string, unknown> } | { problem: PolicyProblem };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Decodes a policy document; never throws. */
export function decodeDocument(input: unknown): DecodeResult {
  if (typeof input === "string") return decodeText(input);
  if (!isRecord(input)) return { problem: { path: "$", message: `expected a policy document object or JSON text, got ${describe(input)}` } };

  const undecodable = input.undecodable;
  if (Object.keys(input).length === 1 && isRecord(undecodable)) {
    const reason = typeof undecodable.reason === "string" ? undecodable.reason : "unknown reason";
    return { problem: { path: "$", message: `the document could not be decoded when it was collected: ${reason}` } };
  }
  return { document: input };
}

/**
 * IAM returns documents percent-encoded as RFC 3986 says, so `+` is a literal plus and only
 * `%XX` sequences are decoded (never `+` to space, as form decoding would).
 */
function decodeText(text: string): DecodeResult {
  const trimmed = text.trim();
  let json = trimmed;
  if (!trimmed.startsWith("{") && trimmed.includes("%")) {
    try {
      json = decodeURIComponent(trimmed);
    } catch {
      return { problem: { path: "$", message: "the document is neither JSON nor valid URL-encoded JSON" } };
    }
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { problem: { path: "$", message: `the document is not valid JSON: ${(error as Error).message}` } };
  }
  if (!isRecord(parsed)) return { problem: { path: "$", message: `expected a JSON object, got ${describe(parsed)}` } };
  return { document: parsed };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
