/**
 * Finds the JSON path of the value being read at a character position, so a syntax error in a
 * large file names the field where the text broke off (`$.RoleDetailList[41].RolePolicyList`).
 * It scans only structure and strings; the text before the position is assumed well-formed,
 * which holds because JSON.parse reports the first position it could not read.
 */
export function jsonPathAtPosition(text: string, position: number): string {
  const stack: Array<{ kind: "object"; key: string | undefined } | { kind: "array"; index: number }> = [];
  let expectKey = false;
  const end = Math.min(position, text.length);

  for (let i = 0; i < end; i++) {
    const char = text[i];
    if (char === '"') {
      const close = endOfString(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === "object") top.key = safeParseString(text.slice(i, close + 1));
      i = close;
    } else if (char === "{") {
      stack.push({ kind: "object", key: undefined });
      expectKey = true;
    } else if (char === "[") {
      stack.push({ kind: "array", index: 0 });
      expectKey = false;
    } else if (char === "}" || char === "]") {
      stack.pop();
      expectKey = false;
    } else if (char === ":") {
      expectKey = false;
    } else if (char === ",") {
      const top = stack[stack.length - 1];
      if (top?.kind === "array") top.index += 1;
      else expectKey = true;
    }
  }

  let path = "$";
  for (const frame of stack) {
    if (frame.kind === "array") path += `[${frame.index}]`;
    else if (frame.key !== undefined) path += /^[A-Za-z_$][\w$]*$/.test(frame.key) ? `.${frame.key}` : `[${JSON.stringify(frame.key)}]`;
  }
  return path;
}

/** The position JSON.parse names in its message (`... at position 1234 ...`), if any. */
export function positionOfSyntaxError(error: unknown, textLength: number): number | undefined {
  const message = error instanceof Error ? error.message : "";
  const match = /at position (\d+)/.exec(message);
  if (match) return Number(match[1]);
  // Node 20 says "Unexpected end of JSON input" without a position when the text stops early.
  return /end of JSON input/.test(message) ? textLength : undefined;
}

function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

function safeParseString(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
