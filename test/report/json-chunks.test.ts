import { describe, expect, it } from "vitest";
import { findingsJsonChunks, formatFindingsJson } from "../../src/report/outputs/findings-json.js";
import { jsonChunks } from "../../src/report/outputs/json-chunks.js";
import { exampleAuditResult } from "../fixtures/audit-results.js";

const joined = (chunks: Iterable<string>) => [...chunks].join("");

describe("jsonChunks", () => {
  it.each([
    ["an empty object", {}],
    ["empty and nested arrays", { empty: [], rows: [{ a: [1, { b: "x\ny" }] }, [], "s", null], after: { c: [] } }],
    ["members JSON leaves out", { kept: 1, gone: undefined, rows: [undefined, () => 1, 2] }],
  ])("matches JSON.stringify for %s", (_name, document) => {
    expect(joined(jsonChunks(document as Record<string, unknown>))).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it("splits long arrays into chunks", () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => ({ index, text: "x".repeat(100) }));
    expect([...jsonChunks({ rows })].length).toBeGreaterThan(1);
  });

  it("writes findings.json as formatFindingsJson does", () => {
    expect(joined(findingsJsonChunks(exampleAuditResult()))).toBe(formatFindingsJson(exampleAuditResult()));
  });
});
