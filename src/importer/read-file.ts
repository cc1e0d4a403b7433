import { readFile, stat } from "node:fs/promises";
import { inputError } from "../shared/errors.js";
import { jsonPathAtPosition, positionOfSyntaxError } from "./json-position.js";

/**
 * Output files above this size are rejected before reading. A 50,000-principal authorization
 * details file is about 150 MB; V8 cannot hold a string much above 512 MiB.
 */
export const MAX_OUTPUT_FILE_BYTES = 256 * 1024 ** 2;

/** `.error` files hold one stderr message; anything larger is not what the CLI writes. */
export const MAX_ERROR_FILE_BYTES = 64 * 1024;

/** Reads a file's text and modification time, after checking its size against `limit`. */
export async function readLimitedText(file: string, limit: number): Promise<{ text: string; modified: Date }> {
  const info = await stat(file);
  if (!info.isFile()) throw inputError("invalidExport", file, undefined, "expected a regular file");
  if (info.size > limit) {
    throw inputError("inputTooLarge", file, undefined, `file is ${info.size} bytes, above the ${limit}-byte limit`);
  }
  return { text: await readFile(file, "utf8"), modified: info.mtime };
}

/** Parses JSON, naming the file and the JSON path where the text stops being valid. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = positionOfSyntaxError(error, text);
    const field = position === undefined ? undefined : jsonPathAtPosition(text, position);
    const where = position === undefined ? "" : ` at character ${position}`;
    throw inputError("invalidJson", file, field, `not valid JSON${where} (${(error as Error).message})`, { cause: error });
  }
}
