import { compileActionPattern, type ActionPattern } from "../match/action.js";
import { compileArnPattern } from "../match/arn.js";
import { parseTemplate } from "../match/variables.js";
import type { ResourcePattern } from "./statement.js";

/**
 * Compiled Action and Resource patterns shared by text. An organization repeats a few thousand
 * patterns across tens of thousands of inline and trust policies. A compiled pattern depends
 * only on its text and, for resources, on whether the policy version reads policy variables,
 * so one matcher serves every statement that writes it.
 */

const MAX_PATTERNS = 100_000;

let actionPatterns = new Map<string, ActionPattern>();
/**
 * Resource patterns by text, one map for policy versions that read policy variables and one
 * for those that do not. A combined key would be a new string to hash on every lookup.
 */
let resourcePatterns = { variables: new Map<string, ResourcePattern>(), literal: new Map<string, ResourcePattern>() };

/** Returns the compiled Action or NotAction pattern of `text`. */
export function actionPatternOf(text: string): ActionPattern {
  let pattern = actionPatterns.get(text);
  if (!pattern) {
    // The caches only save work, so a full one is started afresh rather than grown.
    if (actionPatterns.size >= MAX_PATTERNS) actionPatterns = new Map();
    pattern = compileActionPattern(text);
    actionPatterns.set(text, pattern);
  }
  return pattern;
}

/** Returns the compiled Resource or NotResource pattern of `text`. */
export function resourcePatternOf(text: string, variables: boolean): ResourcePattern {
  let patterns = variables ? resourcePatterns.variables : resourcePatterns.literal;
  let pattern = patterns.get(text);
  if (!pattern) {
    if (patterns.size >= MAX_PATTERNS) {
      resourcePatterns = { variables: new Map(), literal: new Map() };
      patterns = variables ? resourcePatterns.variables : resourcePatterns.literal;
    }
    pattern = compileResource(text, variables);
    patterns.set(text, pattern);
  }
  return pattern;
}

function compileResource(text: string, variables: boolean): ResourcePattern {
  const template = variables ? parseTemplate(text) : undefined;
  return template ? { text, template } : { text, matches: compileArnPattern(text) };
}
