import { inputError } from "../shared/errors.js";
import type { PolicyDocument } from "../model/snapshot.js";

/**
 * Decodes a policy document in any form the AWS CLI prints it: a JSON object (the CLI decodes
 * IAM documents), a JSON string (S3, KMS, SQS, Organizations, Glue) or a URL-encoded JSON string
 * (the raw IAM API, RFC 3986 encoding). Anything else is an input error naming the file and the
 * JSON path, because guessing at a policy would make every later decision unreliable.
 */
export function decodePolicyDocument(value: unknown, file: string, field: string): PolicyDocument {
  if (isJsonObject(value)) return value;
  if (typeof value !== "string") {
    throw inputError("invalidPolicyDocument", file, field, `expected a policy document (JSON object or string), got ${describeType(value)}`);
  }

  const text = value.trim();
  const decoded = text.startsWith("{") ? (parseObject(text) ?? parseObject(percentDecode(text))) : parseObject(percentDecode(text));
  if (decoded) return decoded;

  throw inputError(
    "invalidPolicyDocument",
    file,
    field,
    `policy document is neither JSON nor URL-encoded JSON (starts with ${JSON.stringify(text.slice(0, 24))})`,
  );
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Percent-decodes as RFC 3986 does: `+` stays a plus sign, `%2B` becomes one too. */
function percentDecode(text: string): string | undefined {
  if (!text.includes("%")) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || !text.trimStart().startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
