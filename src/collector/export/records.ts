/**
 * What the collector read, in the shape of the export layout: one record per AWS CLI command
 * output (or its error), so a live run can be written to disk and replayed with `import`.
 */
export interface ExportRecord {
  readonly accountId: string;
  /** `global` or a Region name. */
  readonly region: string;
  /** The AWS CLI service name (`s3api`, `iam`, `securitylake`). */
  readonly cliService: string;
  /** The AWS CLI command name (`get-bucket-policy`). */
  readonly cliCommand: string;
  readonly param?: string;
  /** The output as the CLI prints it with `--output json`, all pages merged. */
  readonly output?: unknown;
  /** The CLI's stderr line when the call failed. */
  readonly error?: string;
}

/** The AWS CLI command name of an API operation: `ListFindingsV2` gives `list-findings-v2`. */
export function cliCommandName(operation: string): string {
  return operation.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** The AWS CLI's name for an SDK service where they differ. */
export function cliServiceName(service: string): string {
  return service === "s3" ? "s3api" : service;
}

/** The CLI's stderr line for a failed call, from which the importer reads the error code. */
export function cliErrorLine(operation: string, errorCode: string, message: string): string {
  return `An error occurred (${errorCode}) when calling the ${operation} operation: ${message}`;
}

/**
 * Converts an SDK response to what the CLI prints: no `$metadata`, times as ISO 8601 text and
 * no undefined members. The SDK and the CLI share member names, so nothing is renamed.
 */
export function toCliOutput(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toCliOutput);
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (typeof value !== "object" || value === null) return value;

  const output: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (key === "$metadata" || member === undefined) continue;
    output[key] = toCliOutput(member);
  }
  return output;
}
