import { coverageStateOfErrorCode } from "../model/error-codes.js";
import type { CoverageState } from "../model/snapshot.js";

/** The coverage outcome of a failed AWS call: its state, error code and message. */
export interface CallFailure {
  readonly state: CoverageState;
  readonly errorCode: string;
  readonly message: string;
}

/** Returns the error code AWS returned, which the SDK exposes as the error's name. */
export function errorCodeOf(error: unknown): string {
  if (typeof error !== "object" || error === null) return "UnknownError";
  const record = error as { name?: unknown; Code?: unknown; code?: unknown };
  for (const candidate of [record.Code, record.code, record.name]) {
    if (typeof candidate === "string" && candidate.length > 0 && candidate !== "Error") return candidate;
  }
  return "UnknownError";
}

/**
 * Classifies a call that failed after the SDK's retries: denied, throttled-out, not-enabled or error. The
 * message keeps AWS's text (ARNs and the SCP "explicit deny" form) and nothing of the request.
 */
export function classifyFailure(error: unknown): CallFailure {
  const errorCode = errorCodeOf(error);
  const message = oneLine(error instanceof Error ? error.message : String(error));
  return { state: coverageStateOfErrorCode(errorCode), errorCode, message };
}

/** Coverage messages are cut to this length, as the importer cuts them, so both record the same text. */
export const MAX_MESSAGE_LENGTH = 500;

/** Returns the message's first line, cut to MAX_MESSAGE_LENGTH, because the SDK appends hints on later lines. */
function oneLine(message: string): string {
  const first = message.split(/\r?\n/).map((line) => line.trim()).find((line) => line.length > 0) ?? "";
  return first.length > MAX_MESSAGE_LENGTH ? `${first.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : first;
}
