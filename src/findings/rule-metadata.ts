import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { inputError } from "../shared/errors.js";
import { SEVERITIES } from "./finding.js";
import { parseYamlInput, readInputFileSync } from "./yaml-input.js";

/** A rule id: lower-case words joined by hyphens, so `<rule id>:<subject>` splits at the first colon. */
export const RULE_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Control ids are `<framework>:<control>`, such as `NIST-800-53:AU-9(4)`. */
const controlId = z.string().regex(/^[A-Za-z0-9.-]+:\S+$/, "expected <framework>:<control>, such as NIST-800-53:AU-9");

export const ruleMetadataSchema = z
  .object({
    id: z.string().regex(RULE_ID_PATTERN, "expected lower-case words joined by hyphens"),
    title: z.string().min(1),
    severity: z.enum(SEVERITIES),
    rationale: z.string().min(1),
    remediation: z.string().min(1),
    controls: z.array(controlId),
  })
  .strict();

/** What people read about a rule: the prose and severity live in policies/rules/<id>.yaml. */
export type RuleMetadata = z.infer<typeof ruleMetadataSchema>;

/** The shipped policies folder, found from this module in both src/ and dist/. */
export function defaultPoliciesDir(): string {
  return fileURLToPath(new URL("../../policies/", import.meta.url));
}

/** Reads every rule file of `<policies>/rules/`; the file name must be the rule id. */
export function loadRuleMetadata(policiesDir: string = defaultPoliciesDir()): Map<string, RuleMetadata> {
  const folder = join(policiesDir, "rules");
  const rules = new Map<string, RuleMetadata>();

  for (const name of readdirSync(folder).filter((entry) => entry.endsWith(".yaml")).sort()) {
    const file = join(folder, name);
    const metadata = parseYamlInput(readInputFileSync(file), file, ruleMetadataSchema, "invalidYaml");
    if (`${metadata.id}.yaml` !== name) {
      throw inputError("invalidYaml", file, "$.id", `expected the file to be named ${metadata.id}.yaml`);
    }
    rules.set(metadata.id, metadata);
  }
  return rules;
}
