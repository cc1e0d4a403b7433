import type { CoverageState } from "../model/snapshot.js";

/** A failed call as the AWS CLI printed it on stderr. */
export interface CliError {
  /** The service's error code (`AccessDenied`), or `Unknown` when stderr names none. */
  readonly code: string;
  /** The operation the CLI named, when it named one. */
  readonly operation?: string;
  readonly message: string;
}

/** Coverage messages are cut to this length: stderr can hold a whole stack trace. */
export const MAX_ERROR_MESSAGE_LENGTH = 500;

// `An error occurred (Code) when calling the Operation operation[ (reached max retries: N)]: message`
const CLI_ERROR = /An error occurred \(([^)\s]+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?: ?(.*)/;

/** Reads the error code, operation and message from a `.error` file's text. */
export function parseCliError(text: string): CliError {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  for (const line of lines) {
    const match = CLI_ERROR.exec(line);
    if (match) {
      const [, code, operation, message] = match as unknown as [string, string, string, string];
      return { code, operation, message: truncate(message) };
    }
  }
  return { code: "Unknown", message: truncate(lines[0] ?? "the .error file is empty") };
}

/** Codes that mean the caller lacks a permission (IAM, an SCP, a key policy, Lake Formation). */
const DENIED_CODES = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedAccess",
  "AuthorizationError",
  "Forbidden",
  "AllAccessDisabled",
]);

/** Codes that mean the call was throttled after the CLI's own retries ran out. */
const THROTTLED_CODES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
]);

/** Codes that mean the feature is not turned on for the account, a gap with its own state. */
const NOT_ENABLED_CODES = new Set([
  "AWSOrganizationsNotInUseException",
  "PolicyTypeNotEnabledException",
  "OptInRequired",
  "SubscriptionRequiredException",
]);

/** Returns the coverage state of an error code that is not a "not configured" fact for its command. */
export function coverageStateOfError(code: string): CoverageState {
  if (DENIED_CODES.has(code)) return "denied";
  if (THROTTLED_CODES.has(code)) return "throttled-out";
  if (NOT_ENABLED_CODES.has(code)) return "not-enabled";
  return "error";
}

function truncate(message: string): string {
  return message.length > MAX_ERROR_MESSAGE_LENGTH ? `${message.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…` : message;
}
