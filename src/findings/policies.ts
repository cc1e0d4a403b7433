import { bug } from "../shared/errors.js";
import { defaultPoliciesDir, loadRuleMetadata, type RuleMetadata } from "./rule-metadata.js";
import { RULES } from "./rules/index.js";

/** Rules raised by the exceptions step rather than by a check module. */
export const EXCEPTION_RULE_IDS = ["exception-expired", "exception-unused"] as const;

/** The shipped rule metadata, checked against the registered rules. */
export interface Policies {
  rules: ReadonlyMap<string, RuleMetadata>;
}

const cache = new Map<string, Policies>();

/**
 * Reads `<policies>/rules/` once per folder, and checks that every registered rule has a
 * metadata file and every metadata file a rule. The compliance layer reads the controls.
 */
export function loadPolicies(policiesDir: string = defaultPoliciesDir()): Policies {
  const cached = cache.get(policiesDir);
  if (cached) return cached;

  const rules = loadRuleMetadata(policiesDir);
  const expected = new Set<string>([...RULES.map((rule) => rule.id), ...EXCEPTION_RULE_IDS]);
  for (const id of expected) if (!rules.has(id)) throw bug(`rule ${id} has no file in ${policiesDir}rules/`);
  for (const id of rules.keys()) if (!expected.has(id)) throw bug(`policies rule file ${id}.yaml matches no registered rule`);

  const policies = { rules };
  cache.set(policiesDir, policies);
  return policies;
}

/** Returns every rule id an exceptions file may name. */
export function knownRuleIds(policies: Policies = loadPolicies()): Set<string> {
  return new Set(policies.rules.keys());
}
