/**
 * The export layout's names: account folders, Region folders and `<service>__<command>[__<param>]`
 * files. Only the layout's character set is accepted, so a hostile name (path separators, `..`,
 * control characters) never reaches a path join.
 */

/** The folder for global services (IAM, Organizations) inside an account folder. */
export const GLOBAL_FOLDER = "global";

/** The optional file at the export root with the collection time and the management account. */
export const EXPORT_MANIFEST = "export.json";

/** A command output file name, split into its parts. */
export interface ExportFileName {
  readonly service: string;
  readonly command: string;
  /** The value that distinguishes calls of the same command, as written in the name. */
  readonly param?: string;
  /** `json` for the CLI's stdout, `error` for its stderr when the call failed. */
  readonly kind: "json" | "error";
}

const ACCOUNT_FOLDER = /^\d{12}$/;
// Region names as AWS forms them: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`.
const REGION_FOLDER = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)__([a-z0-9]+(?:-[a-z0-9]+)*)(?:__([A-Za-z0-9._-]+))?\.(json|error)$/;

export function isAccountFolderName(name: string): boolean {
  return ACCOUNT_FOLDER.test(name);
}

export function isRegionFolderName(name: string): boolean {
  return REGION_FOLDER.test(name);
}

/** Splits a file name of the layout, or returns undefined when the name is not one. */
export function parseExportFileName(name: string): ExportFileName | undefined {
  const match = FILE_NAME.exec(name);
  if (!match) return undefined;

  const [, service, command, param, kind] = match as unknown as [string, string, string, string | undefined, "json" | "error"];
  // A parameter made only of dots would read as `.` or `..` once sanitized names are reused as paths.
  if (param !== undefined && /^\.+$/.test(param)) return undefined;
  return param === undefined ? { service, command, kind } : { service, command, param, kind };
}

/** Replaces every character outside the layout's set with `_`, as the export script does. */
export function sanitizeParam(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** Returns the layout's file name for one call, without the extension. */
export function exportFileStem(service: string, command: string, param?: string): string {
  return param === undefined ? `${service}__${command}` : `${service}__${command}__${sanitizeParam(param)}`;
}
