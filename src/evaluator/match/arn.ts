import { compileGlob, compileParts, parsePattern, type Matcher, type PatternPart } from "./wildcard.js";

/**
 * ARN patterns, matched segment by segment and case-sensitively: partition, service, Region,
 * account and resource are compared separately, so a `*` in the Region never reaches into the
 * account, while a `*` in the resource part spans `/` and `:`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */

/** Splits an ARN into its six parts; the resource part keeps any further colons. */
export function splitArn(text: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(":", start);
    if (colon < 0) return undefined;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

function splitParts(parts: readonly PatternPart[]): PatternPart[][] | undefined {
  const segments: PatternPart[][] = [[]];
  for (const part of parts) {
    if ("wildcard" in part || segments.length === 6) {
      segments[segments.length - 1]?.push(part);
      continue;
    }
    const pieces = part.literal.split(":");
    pieces.forEach((piece, index) => {
      if (index > 0) {
        if (segments.length === 6) {
          segments[5]?.push({ literal: ":" });
        } else {
          segments.push([]);
        }
      }
      if (piece) segments[segments.length - 1]?.push({ literal: piece });
    });
  }
  return segments.length === 6 ? segments : undefined;
}

/**
 * Compiles an ARN pattern. `*` alone matches any resource, including the non-ARN `*` of
 * actions without resources. A pattern that does not have six parts is matched as a whole
 * string, which keeps `arn:aws:s3:::*`-like typos from matching more than their text says.
 * Wildcards in the first five parts stop at `:`, so the whole pattern becomes one regular
 * expression and matching allocates nothing.
 */
export function compileArnPattern(pattern: string | readonly PatternPart[]): Matcher {
  const parts = typeof pattern === "string" ? parsePattern(pattern) : pattern;
  if (parts.length === 1 && "wildcard" in parts[0]! && parts[0].wildcard === "*") return () => true;

  const segments = splitParts(parts);
  if (!segments || !isArnPrefix(segments[0])) return compileParts(parts);

  const head = segments.slice(0, 5);
  if (head.every((segment) => segment.every((part) => "literal" in part))) {
    // Literal leading parts pin every separator, so matching the whole text as one glob is exact.
    return compileParts(parts);
  }

  const source = segments
    .map((segment, index) => segment.map((part) => partSource(part, index < 5 ? "[^:]" : "[\\s\\S]")).join(""))
    .join(":");
  const regExp = new RegExp(`^${source}$`);
  return (text) => regExp.test(text);
}

function partSource(part: PatternPart, anyCharacter: string): string {
  if ("literal" in part) return part.literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return part.wildcard === "*" ? `${anyCharacter}*` : anyCharacter;
}

function isArnPrefix(segment: readonly PatternPart[] | undefined): boolean {
  const first = segment?.[0];
  return segment?.length === 1 && first !== undefined && "literal" in first && first.literal === "arn";
}

/** Matches ARN text against pattern text; used by the Arn condition operators. */
export function arnMatches(pattern: string, text: string): boolean {
  return compileArnPattern(pattern)(text);
}

export { compileGlob };
