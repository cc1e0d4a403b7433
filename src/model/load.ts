import { readFile, stat } from "node:fs/promises";
import type { z } from "zod";
import { inputError, LakewardenError } from "../shared/errors.js";
import { writeFileAtomic } from "../shared/atomic-write.js";
import { snapshotSchema, type Snapshot } from "./snapshot.js";

/** Larger snapshot files are rejected before reading: 2 GiB is past any organization we know of. */
export const MAX_SNAPSHOT_BYTES = 2 * 1024 ** 3;

/** Formats a zod issue path as a JSON path: `$.accounts[2].iam.roles[0].arn`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let text = "$";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

/** Describes the first schema problem as `JSON path` and `what was expected`. */
export function describeIssue(error: z.ZodError): { field: string; problem: string } {
  const issue = error.issues[0];
  if (!issue) return { field: "$", problem: "invalid" };
  return { field: jsonPath(issue.path), problem: issue.message };
}

/** Parses and validates a snapshot held in memory; `file` names it in errors. */
export function parseSnapshot(text: string, file: string): Snapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError("invalidJson", file, undefined, `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  return validateSnapshot(value, file);
}

export function validateSnapshot(value: unknown, file: string): Snapshot {
  const result = snapshotSchema.safeParse(value);
  if (!result.success) {
    const { field, problem } = describeIssue(result.error);
    throw inputError("invalidSnapshot", file, field, problem);
  }
  return result.data;
}

/** Reads, parses and validates a snapshot file. */
export async function loadSnapshot(file: string): Promise<Snapshot> {
  const info = await stat(file).catch((error: unknown) => {
    throw inputError("fileNotFound", file, undefined, "file not found", { cause: error });
  });
  if (info.size > MAX_SNAPSHOT_BYTES) {
    throw inputError("inputTooLarge", file, undefined, `file is ${info.size} bytes, above the ${MAX_SNAPSHOT_BYTES}-byte limit`);
  }
  const text = await readFile(file, "utf8");
  return parseSnapshot(text, file);
}

/** Writes a snapshot atomically after validating it, so an invalid one never reaches disk. */
export async function saveSnapshot(snapshot: Snapshot, file: string): Promise<void> {
  const checked = snapshotSchema.safeParse(snapshot);
  if (!checked.success) {
    const { field, problem } = describeIssue(checked.error);
    throw new LakewardenError("internal", `internal error (a bug in Lakewarden): built an invalid snapshot at ${field}: ${problem}`);
  }
  await writeFileAtomic(file, JSON.stringify(checked.data));
}
