/**
 * The error catalogue. Every error Lakewarden raises on purpose has a stable code with the
 * `LW_` prefix, a kind that decides the process exit code, and a message that names the file
 * or value at fault. Retired codes are never reused; docs/errors.md lists cause and remedy.
 */

/** Input errors exit with 2, runtime errors with 1. */
export type ErrorKind = "input" | "runtime";

export interface ErrorSpec {
  readonly code: string;
  readonly kind: ErrorKind;
  /** HTTP status when the error reaches the reviewer service. */
  readonly httpStatus: number;
}

export const ERRORS = {
  usage: { code: "LW_USAGE", kind: "input", httpStatus: 400 },
  fileNotFound: { code: "LW_FILE_NOT_FOUND", kind: "input", httpStatus: 404 },
  invalidJson: { code: "LW_INVALID_JSON", kind: "input", httpStatus: 400 },
  invalidYaml: { code: "LW_INVALID_YAML", kind: "input", httpStatus: 400 },
  invalidSnapshot: { code: "LW_INVALID_SNAPSHOT", kind: "input", httpStatus: 400 },
  invalidExport: { code: "LW_INVALID_EXPORT", kind: "input", httpStatus: 400 },
  invalidPolicyDocument: { code: "LW_INVALID_POLICY_DOCUMENT", kind: "input", httpStatus: 400 },
  invalidBaseline: { code: "LW_INVALID_BASELINE", kind: "input", httpStatus: 400 },
  invalidExceptions: { code: "LW_INVALID_EXCEPTIONS", kind: "input", httpStatus: 400 },
  invalidSimulateInput: { code: "LW_INVALID_SIMULATE_INPUT", kind: "input", httpStatus: 400 },
  inputTooLarge: { code: "LW_INPUT_TOO_LARGE", kind: "input", httpStatus: 413 },
  noCredentials: { code: "LW_NO_CREDENTIALS", kind: "input", httpStatus: 500 },
  writeFailed: { code: "LW_WRITE_FAILED", kind: "runtime", httpStatus: 500 },
  store: { code: "LW_STORE", kind: "runtime", httpStatus: 500 },
  readOnlyViolation: { code: "LW_READ_ONLY_VIOLATION", kind: "runtime", httpStatus: 500 },
  internal: { code: "LW_INTERNAL", kind: "runtime", httpStatus: 500 },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorName = keyof typeof ERRORS;

/** An error from the catalogue; `cause` keeps the wrapped error. */
export class LakewardenError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly httpStatus: number;

  constructor(name: ErrorName, message: string, options?: { cause?: unknown }) {
    super(message, options);
    const spec: ErrorSpec = ERRORS[name];
    this.name = "LakewardenError";
    this.code = spec.code;
    this.kind = spec.kind;
    this.httpStatus = spec.httpStatus;
  }
}

/** Raises an input error that names the file and, when known, the field inside it. */
export function inputError(
  name: ErrorName,
  file: string,
  field: string | undefined,
  problem: string,
  options?: { cause?: unknown },
): LakewardenError {
  const where = field ? `${file}: ${field}` : file;
  return new LakewardenError(name, `${where}: ${problem}`, options);
}

/** Marks a broken invariant: reaching it is a bug in Lakewarden, not bad input. */
export function bug(message: string): LakewardenError {
  return new LakewardenError("internal", `internal error (a bug in Lakewarden): ${message}`);
}

export function isLakewardenError(error: unknown): error is LakewardenError {
  return error instanceof LakewardenError;
}
