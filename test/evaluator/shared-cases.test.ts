import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSimulateInput } from "../../src/cli/simulate/input.js";
import { runSimulation } from "../../src/cli/simulate/run.js";

/** Evaluation cases kept beside the repository (`../shared/cases/simulate`), as CI clones them. */
const CASES_DIR = resolve(import.meta.dirname, "../../../shared/cases/simulate");
const NOT_INPUT = new Set(["Case", "Expected", "Why"]);

const files = existsSync(CASES_DIR) ? readdirSync(CASES_DIR).filter((name) => name.endsWith(".json")).sort() : [];

if (files.length === 0) {
  console.warn(`shared simulate cases skipped: ${CASES_DIR} is absent`);
  describe.skip(`shared simulate cases: skipped, ${CASES_DIR} is absent`, () => {
    it("needs ../shared/cases/simulate", () => undefined);
  });
} else {
  describe("shared simulate cases", () => {
    it.each(files)("%s", (name) => {
      const raw = JSON.parse(readFileSync(join(CASES_DIR, name), "utf8")) as Record<string, unknown>;
      const input = parseSimulateInput(Object.fromEntries(Object.entries(raw).filter(([key]) => !NOT_INPUT.has(key))), name);

      const result = runSimulation(input, name).EvaluationResults[0];

      expect(result?.EvalDecision, `${String(raw.Case)}: ${String(raw.Why)}`).toBe(raw.Expected);
    });
  });
}
