import { readFile, stat } from "node:fs/promises";
import { inputError } from "../shared/errors.js";
import { jsonPathAtPosition, positionOfSyntaxError } from "./json-position.js";

/**
 * Output files above this size are rejected before reading. A 50,000-principal authorization
 * details file is about 150 MB, and Node 20's V8 cannot hold a string above 2^29 - 24 characters.
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
  return { text: decodeText(await readFile(file)), modified: info.mtime };
}

/**
 * Decodes UTF-8, and UTF-16 when a byte order mark marks it: Windows PowerShell 5 writes
 * redirected CLI output as UTF-16LE with a BOM, and some editors add a UTF-8 BOM.
 */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  return bytes.toString("utf8");
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
