import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { inputError, type ErrorName } from "../shared/errors.js";
import { jsonPath } from "../model/load.js";

/**
 * Parses YAML (or JSON, which is YAML) text and validates it with a strict zod schema. Errors
 * name the file, the key as a JSON path and what was expected.
 */
export function parseYamlInput<T>(text: string, file: string, schema: z.ZodType<T>, errorName: ErrorName): T {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw inputError("invalidYaml", file, undefined, `not valid YAML (${(error as Error).message})`, { cause: error });
  }

  const result = schema.safeParse(value);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  if (!issue) throw inputError(errorName, file, "$", "invalid");

  // zod reports an unknown key on its parent object; name the key itself so the user finds it.
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    throw inputError(errorName, file, jsonPath([...issue.path, key]), "unknown key");
  }
  throw inputError(errorName, file, jsonPath(issue.path), issue.message);
}

/** Reads a YAML input file; a missing file is an input error naming it. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw inputError("fileNotFound", file, undefined, "file not found or not readable", { cause: error });
  }
}

/** Synchronous form of readInputFile, for the shipped policies read once per process. */
export function readInputFileSync(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw inputError("fileNotFound", file, undefined, "file not found or not readable", { cause: error });
  }
}
