import { stat } from "node:fs/promises";
import { validateSnapshot } from "../model/load.js";
import { SNAPSHOT_SCHEMA_VERSION, type CoverageEntry, type Snapshot } from "../model/snapshot.js";
import { inputError } from "../shared/errors.js";
import { validateOutput } from "./command.js";
import {
  accountOfAuthorizationDetails,
  authorizationDetailsSchema,
  convertAuthorizationDetails,
} from "./commands/iam-authorization-details.js";
import { importExportFolder } from "./import-export.js";
import { MAX_OUTPUT_FILE_BYTES, parseJsonText, readLimitedText } from "./read-file.js";

/** Keys of which at least one is in every `get-account-authorization-details` output. */
const AUTHORIZATION_DETAILS_KEYS = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

/**
 * Reads what `lakewarden audit` accepts: a snapshot JSON file, an export folder in the
 * documented layout, or a single `get-account-authorization-details` file for an IAM-only audit.
 */
export async function loadAuditInput(path: string): Promise<Snapshot> {
  const info = await stat(path).catch((error: unknown) => {
    throw inputError("fileNotFound", path, undefined, "file or folder not found", { cause: error });
  });
  if (info.isDirectory()) return importExportFolder(path);

  const { text, modified } = await readLimitedText(path, MAX_OUTPUT_FILE_BYTES);
  const value = parseJsonText(text, path);
  if (isObject(value) && "schemaVersion" in value) return validateSnapshot(value, path);
  if (isObject(value) && AUTHORIZATION_DETAILS_KEYS.some((key) => key in value)) {
    return snapshotOfAuthorizationDetails(value, path, modified);
  }
  throw inputError(
    "invalidSnapshot",
    path,
    "$",
    "expected a Lakewarden snapshot (with schemaVersion), an export folder, or an `aws iam get-account-authorization-details` output",
  );
}

/**
 * Builds a one-account snapshot from an `aws iam get-account-authorization-details` file, in
 * either the CLI's decoded form or the raw API form with URL-encoded documents. The account is
 * the one in the file's customer ARNs; the collection time is the file's modification time.
 */
export async function importAuthorizationDetailsFile(file: string): Promise<Snapshot> {
  const { text, modified } = await readLimitedText(file, MAX_OUTPUT_FILE_BYTES).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw inputError("fileNotFound", file, undefined, "file not found", { cause: error });
    throw error;
  });
  return snapshotOfAuthorizationDetails(parseJsonText(text, file), file, modified);
}

function snapshotOfAuthorizationDetails(value: unknown, file: string, modified: Date): Snapshot {
  const details = validateOutput(authorizationDetailsSchema, value, file);
  const accountId = accountOfAuthorizationDetails(details);
  if (!accountId) {
    throw inputError("invalidExport", file, "$", "no user, group, role or customer managed policy ARN names the account");
  }

  const coverage: CoverageEntry = {
    accountId,
    region: "global",
    service: "iam",
    operation: "GetAccountAuthorizationDetails",
    state: "collected",
  };
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: modified.toISOString(),
    source: { kind: "authorization-details", path: file },
    accounts: [{ accountId, iam: convertAuthorizationDetails(details, { file }), regions: [] }],
    coverage: [coverage],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
