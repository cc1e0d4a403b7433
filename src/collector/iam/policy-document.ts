import type { PolicyDocument } from "../../model/snapshot.js";

const EXCERPT_LENGTH = 80;

/**
 * Decodes a policy document as IAM returns it: URL-encoded JSON (RFC 3986, so `+` stays a plus
 * sign), plain JSON, or JSON with HTML entities as some early SDK versions returned it. The JS
 * SDK does not decode IAM documents itself. A document that cannot be decoded becomes an
 * `undecodable` record with the reason, never an empty policy.
 */
export function decodeIamPolicyDocument(text: string): PolicyDocument {
  const trimmed = text.trim();
  let json: string;
  if (trimmed.startsWith("{")) {
    json = unescapeEntities(trimmed);
  } else {
    try {
      json = decodeURIComponent(trimmed);
    } catch {
      return undecodable("invalid percent-encoding", text);
    }
  }

  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return undecodable(`not JSON after URL decoding (${(error as Error).message})`, text);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undecodable("the JSON value is not an object", text);
  return value as Record<string, unknown>;
}

function unescapeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&#34;|&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function undecodable(reason: string, text: string): PolicyDocument {
  return { undecodable: { reason, excerpt: text.slice(0, EXCERPT_LENGTH) } };
}
