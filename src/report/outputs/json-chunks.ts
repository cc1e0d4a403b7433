/**
 * Serialises a large document in pieces. A single JSON string of a 50,000-principal audit
 * passes V8's maximum string length (about 512 MB), so the writer emits the text in chunks.
 */

/** Chunks are joined up to about this many characters before they are handed to the writer. */
const CHUNK_CHARACTERS = 1 << 20;

/**
 * Yields the JSON of a plain object in chunks of about a megabyte, followed by a newline.
 * Values are compact: two-space indentation made findings.json about half again as large
 * and slower to write. Each top-level member and each element of a top-level array starts a line, so
 * line-based tools such as `grep` and `diff` still work on the file, and it parses to the same
 * value as `JSON.stringify(document)`.
 */
export function* jsonChunks(document: Record<string, unknown>): Generator<string> {
  let buffer = "{";
  let first = true;
  for (const [key, value] of Object.entries(document)) {
    // JSON.stringify leaves out members whose value it cannot represent.
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    buffer += `${first ? "" : ","}\n${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(value) || value.length === 0) {
      buffer += JSON.stringify(value);
      continue;
    }
    buffer += "[";
    for (const [index, item] of value.entries()) {
      buffer += `${index === 0 ? "" : ","}\n${JSON.stringify(item) ?? "null"}`;
      if (buffer.length >= CHUNK_CHARACTERS) {
        yield buffer;
        buffer = "";
      }
    }
    buffer += "\n]";
  }
  yield `${buffer}${first ? "" : "\n"}}\n`;
}
