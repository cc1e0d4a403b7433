/**
 * Finds the JSON path of the value being read at a character position, so a syntax error in a
 * large file names the field where the text broke off (`$.RoleDetailList[41].RolePolicyList`).
 * It scans only structure and strings. The text before the position is assumed well-formed,
 * which is true because JSON.parse reports the first position it could not read.
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
      // A key cut off by the end of the text is still the best name for where it broke.
      if (expectKey && top?.kind === "object") top.key = safeParseString(text.slice(i, close + 1)) ?? text.slice(i + 1, close);
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

/**
 * Finds the position where JSON.parse stopped. V8 puts it in most messages (`at position 1234`)
 * but leaves it out of some, so the text is scanned when the message has none.
 */
export function positionOfSyntaxError(error: unknown, text: string): number | undefined {
  const message = error instanceof Error ? error.message : "";
  const match = /at position (\d+)/.exec(message);
  if (match) return Number(match[1]);
  try {
    return new SyntaxScanner(text).firstError();
  } catch {
    // Nesting deep enough to exhaust the stack: report the error without a position.
    return undefined;
  }
}

/** A JSON grammar check that returns the first position that breaks it. */
class SyntaxScanner {
  private at = 0;

  constructor(private readonly text: string) {}

  firstError(): number | undefined {
    try {
      this.value();
      this.space();
      return this.at < this.text.length ? this.at : undefined;
    } catch (error) {
      if (error instanceof ScanError) return error.position;
      throw error;
    }
  }

  private value(): void {
    this.space();
    const char = this.text[this.at];
    if (char === "{") return this.object();
    if (char === "[") return this.array();
    if (char === '"') return this.string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.at, this.at + 400));
    if (!literal) throw new ScanError(this.at);
    this.at += literal[0].length;
  }

  private object(): void {
    this.at++;
    this.space();
    if (this.text[this.at] === "}") {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw new ScanError(this.at);
      this.string();
      this.expect(":");
      this.value();
      this.space();
      if (this.text[this.at] === "}") {
        this.at++;
        return;
      }
      this.expect(",");
    }
  }

  private array(): void {
    this.at++;
    this.space();
    if (this.text[this.at] === "]") {
      this.at++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      if (this.text[this.at] === "]") {
        this.at++;
        return;
      }
      this.expect(",");
    }
  }

  private string(): void {
    const close = endOfString(this.text, this.at);
    if (close >= this.text.length) throw new ScanError(this.text.length);
    this.at = close + 1;
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.at] !== char) throw new ScanError(this.at);
    this.at++;
  }

  private space(): void {
    while (this.at < this.text.length && " \t\n\r".includes(this.text[this.at] as string)) this.at++;
  }
}

class ScanError {
  constructor(readonly position: number) {}
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
