import { readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { inputError } from "../shared/errors.js";
import type { RuleMetadata } from "../findings/rule-metadata.js";
import { parseYamlInput, readInputFileSync } from "../findings/yaml-input.js";

/**
 * Control mappings: one file per framework under policies/compliance/, each control naming the
 * rules whose findings fail it. Control titles there are paraphrases, never the standard's text.
 */
export const frameworkSchema = z
  .object({
    /** The prefix of control ids, such as `NIST-800-53`. */
    framework: z.string().regex(/^[A-Za-z0-9.-]+$/),
    name: z.string().min(1),
    /** The source of the control numbering, and any caveat about it. */
    source: z.string().min(1),
    controls: z.array(
      z
        .object({
          id: z.string().min(1),
          title: z.string().min(1),
          rules: z.array(z.string()).min(1),
        })
        .strict(),
    ),
  })
  .strict();

export type Framework = z.infer<typeof frameworkSchema>;

/** One control with its full id (`NIST-800-53:AU-9(4)`). */
export interface ControlDefinition {
  id: string;
  framework: string;
  title: string;
  rules: string[];
}

/** Reads every framework file of `<policies>/compliance/` and checks it against the rule files. */
export function loadControls(policiesDir: string, rules: ReadonlyMap<string, RuleMetadata>): ControlDefinition[] {
  const folder = join(policiesDir, "compliance");
  const controls: ControlDefinition[] = [];

  for (const name of readdirSync(folder).filter((entry) => entry.endsWith(".yaml")).sort()) {
    const file = join(folder, name);
    const framework = parseYamlInput(readInputFileSync(file), file, frameworkSchema, "invalidYaml");
    framework.controls.forEach((control, position) => {
      const id = `${framework.framework}:${control.id}`;
      control.rules.forEach((ruleId, rulePosition) => {
        const field = `$.controls[${position}].rules[${rulePosition}]`;
        if (!rules.has(ruleId)) throw inputError("invalidYaml", file, field, `unknown rule id "${ruleId}"`);
        if (!rules.get(ruleId)?.controls.includes(id)) {
          throw inputError("invalidYaml", file, field, `rule ${ruleId} does not list control ${id} in its own file`);
        }
      });
      controls.push({ id, framework: framework.name, title: control.title, rules: control.rules });
    });
  }

  checkRuleControlsExist(rules, controls);
  return controls;
}

/** Every control a rule file names must be mapped back, so the two directions never drift. */
function checkRuleControlsExist(rules: ReadonlyMap<string, RuleMetadata>, controls: readonly ControlDefinition[]): void {
  for (const rule of rules.values()) {
    for (const controlId of rule.controls) {
      const control = controls.find((each) => each.id === controlId);
      if (!control?.rules.includes(rule.id)) {
        throw inputError("invalidYaml", `policies/rules/${rule.id}.yaml`, "$.controls", `control ${controlId} does not list this rule in policies/compliance/`);
      }
    }
  }
}
