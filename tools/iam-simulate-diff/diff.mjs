/**
 * Differential test: random scenarios through Lakewarden and iam-simulate; writes every
 * disagreement to out/disagreements.json. Run with `npx tsx tools/iam-simulate-diff/diff.mjs
 * [COUNT] [SEED]` from the repository root, or through test/evaluator/differential.test.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { iamSimulateDecision, lakewardenDecision } from "./engines.mjs";
import { classify } from "./known.mjs";
import { scenarios } from "./scenarios.mjs";

/** Compares both engines on `count` seeded scenarios. */
export async function runDiff({ count = 11_000, seed = 20261204 } = {}) {
  const disagreements = [];
  let compared = 0;
  let rejected = 0;
  for (const [index, scenario] of scenarios(count, seed).entries()) {
    const theirs = await iamSimulateDecision(scenario);
    if (typeof theirs !== "string") {
      rejected += 1;
      continue;
    }
    compared += 1;
    const ours = lakewardenDecision(scenario);
    if (ours !== theirs) disagreements.push({ index, lakewarden: ours, iamSimulate: theirs, known: await classify(scenario), scenario });
  }
  return { count, seed, compared, rejected, disagreements };
}

const invokedDirectly = process.argv[1]?.endsWith("diff.mjs");
if (invokedDirectly) {
  const count = Number(process.argv[2] ?? 11_000);
  const seed = Number(process.argv[3] ?? 20261204);
  const result = await runDiff({ count, seed });
  const folder = join(import.meta.dirname, "out");
  mkdirSync(folder, { recursive: true });
  const file = join(folder, "disagreements.json");
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const unexplained = result.disagreements.filter((entry) => !entry.known).length;
  process.stdout.write(
    `compared ${result.compared}, rejected by iam-simulate ${result.rejected}, disagreements ${result.disagreements.length} (${unexplained} unexplained), written to ${file}\n`,
  );
}
