import { coverageStateOfErrorCode } from "../model/error-codes.js";
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

/** Returns the coverage state of an error code that is not a "not configured" fact for its command. */
export function coverageStateOfError(code: string): CoverageState {
  return coverageStateOfErrorCode(code);
}

function truncate(message: string): string {
  return message.length > MAX_ERROR_MESSAGE_LENGTH ? `${message.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…` : message;
}
