import { compileGlob, hasWildcard, type Matcher } from "./wildcard.js";

/**
 * Action patterns (`s3:Get*`, `sqs:?etQueueAttributes`, `*`), matched case-insensitively.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */

/** A compiled action pattern and the service prefix it is indexed under (`*` for any). */
export interface ActionPattern {
  readonly text: string;
  /** Lower-case service prefix, or `*` when the prefix itself has a wildcard. */
  readonly service: string;
  /** Tests a lower-case action name. */
  readonly matches: Matcher;
}

/** Compiles one action pattern; the matcher expects lower-case action names. */
export function compileActionPattern(text: string): ActionPattern {
  const lower = text.toLowerCase();
  const colon = lower.indexOf(":");
  const prefix = colon < 0 ? lower : lower.slice(0, colon);
  const service = colon < 0 || hasWildcard(prefix) ? "*" : prefix;
  return { text, service, matches: compileGlob(lower, true) };
}

/** The lower-case service prefix of an action name (`s3` for `s3:GetObject`). */
export function serviceOfAction(action: string): string {
  const colon = action.indexOf(":");
  return (colon < 0 ? action : action.slice(0, colon)).toLowerCase();
}
