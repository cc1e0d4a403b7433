import { compileActionPattern, type ActionPattern } from "../match/action.js";
import { compileArnPattern } from "../match/arn.js";
import { parseTemplate } from "../match/variables.js";
import { BoundedMemo } from "../../shared/bounded-memo.js";
import type { ResourcePattern } from "./statement.js";

/**
 * Compiled Action and Resource patterns shared by text. An organization repeats a few thousand
 * patterns across tens of thousands of inline and trust policies. A compiled pattern depends
 * only on its text and, for resources, on whether the policy version reads policy variables,
 * so one matcher serves every statement that writes it.
 */

const MAX_PATTERNS = 100_000;

const actionPatterns = new BoundedMemo<string, ActionPattern>(MAX_PATTERNS);
/**
 * Resource patterns by text, one memo for policy versions that read policy variables and one
 * for those that do not. A combined key would be a new string to hash on every lookup.
 */
const variableResources = new BoundedMemo<string, ResourcePattern>(MAX_PATTERNS);
const literalResources = new BoundedMemo<string, ResourcePattern>(MAX_PATTERNS);

/** Returns the compiled Action or NotAction pattern of `text`. */
export function actionPatternOf(text: string): ActionPattern {
  return actionPatterns.get(text, compileActionPattern);
}

/** Returns the compiled Resource or NotResource pattern of `text`. */
export function resourcePatternOf(text: string, variables: boolean): ResourcePattern {
  return variables ? variableResources.get(text, compileWithVariables) : literalResources.get(text, compileLiteral);
}

function compileWithVariables(text: string): ResourcePattern {
  return compileResource(text, true);
}

function compileLiteral(text: string): ResourcePattern {
  return compileResource(text, false);
}

function compileResource(text: string, variables: boolean): ResourcePattern {
  const template = variables ? parseTemplate(text) : undefined;
  return template ? { text, template } : { text, matches: compileArnPattern(text) };
}
