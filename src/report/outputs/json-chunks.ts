/**
 * Serialises a large document in pieces. A single JSON string of a 50,000-principal audit
 * passes V8's maximum string length (about 512 MB), so the writer emits the text of
 * `JSON.stringify(document, null, 2)` in chunks instead, byte for byte the same.
 */

/** Chunks are joined up to about this many characters before they are handed to the writer. */
const CHUNK_CHARACTERS = 1 << 20;

/**
 * Yields the two-space-indented JSON of a plain object, followed by a newline, in chunks of
 * about a megabyte. Each top-level array is written element by element; everything else is
 * small enough for one `JSON.stringify`.
 */
export function* jsonChunks(document: Record<string, unknown>): Generator<string> {
  let buffer = "{";
  let first = true;
  for (const [key, value] of Object.entries(document)) {
    // JSON.stringify leaves out members whose value it cannot represent.
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    buffer += `${first ? "" : ","}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (!Array.isArray(value) || value.length === 0) {
      buffer += indented(JSON.stringify(value, null, 2), "  ");
      continue;
    }
    buffer += "[";
    for (const [index, item] of value.entries()) {
      buffer += `${index === 0 ? "" : ","}\n    ${indented(JSON.stringify(item, null, 2) ?? "null", "    ")}`;
      if (buffer.length >= CHUNK_CHARACTERS) {
        yield buffer;
        buffer = "";
      }
    }
    buffer += "\n  ]";
  }
  yield `${buffer}${first ? "" : "\n"}}\n`;
}

/** Indents every line after the first; JSON text has newlines only between its tokens. */
function indented(text: string, prefix: string): string {
  return text.includes("\n") ? text.replaceAll("\n", `\n${prefix}`) : text;
}
