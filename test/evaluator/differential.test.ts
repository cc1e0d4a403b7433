import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Differential test against @cloud-copilot/iam-simulate, an independent simulator kept in its
 * own package (tools/iam-simulate-diff) because of its AGPL licence. Runs only when that
 * package's dependencies are installed.
 */
const TOOL_DIR = resolve(import.meta.dirname, "../../tools/iam-simulate-diff");
const installed = existsSync(resolve(TOOL_DIR, "node_modules/@cloud-copilot/iam-simulate"));

interface DiffResult {
  compared: number;
  disagreements: { index: number; known?: string }[];
}

if (!installed) {
  console.warn("differential test skipped: tools/iam-simulate-diff is not installed; run `npm ci --prefix tools/iam-simulate-diff`");
  describe.skip("differential test: skipped, run `npm ci --prefix tools/iam-simulate-diff` to enable it", () => {
    it("needs tools/iam-simulate-diff/node_modules", () => undefined);
  });
} else {
  describe("differential test against iam-simulate", () => {
    it("explains every disagreement over 10,000 requests", async () => {
      const modulePath = resolve(TOOL_DIR, "diff.mjs");
      const { runDiff } = (await import(modulePath)) as { runDiff: (options?: { count?: number; seed?: number }) => Promise<DiffResult> };

      const result = await runDiff();

      expect(result.compared).toBeGreaterThanOrEqual(10_000);
      expect(result.disagreements.filter((entry) => !entry.known).map((entry) => entry.index)).toEqual([]);
    }, 300_000);
  });
}
