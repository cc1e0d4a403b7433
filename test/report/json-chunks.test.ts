import { describe, expect, it } from "vitest";
import { buildFindingsJson, findingsJsonChunks, formatFindingsJson } from "../../src/report/outputs/findings-json.js";
import { jsonChunks } from "../../src/report/outputs/json-chunks.js";
import { exampleAuditResult } from "../fixtures/audit-results.js";

const joined = (chunks: Iterable<string>) => [...chunks].join("");

describe("jsonChunks", () => {
  it.each([
    ["an empty object", {}],
    ["empty and nested arrays", { empty: [], rows: [{ a: [1, { b: "x\ny" }] }, [], "s", null], after: { c: [] } }],
    ["members JSON leaves out", { kept: 1, gone: undefined, rows: [undefined, () => 1, 2] }],
  ])("parses as JSON.stringify for %s", (_name, document) => {
    const text = joined(jsonChunks(document as Record<string, unknown>));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("puts each array element on a line", () => {
    expect(joined(jsonChunks({ rows: [{ a: 1 }, [2]], after: { b: [] } }))).toBe('{\n"rows":[\n{"a":1},\n[2]\n],\n"after":{"b":[]}\n}\n');
  });

  it("writes an empty object", () => {
    expect(joined(jsonChunks({}))).toBe("{}\n");
  });

  it("splits long arrays into chunks", () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => ({ index, text: "x".repeat(100) }));
    expect([...jsonChunks({ rows })].length).toBeGreaterThan(1);
  });

  it("writes findings.json as formatFindingsJson does", () => {
    expect(joined(findingsJsonChunks(exampleAuditResult()))).toBe(formatFindingsJson(exampleAuditResult()));
  });

  it("keeps findings.json's content", () => {
    expect(JSON.parse(formatFindingsJson(exampleAuditResult()))).toEqual(JSON.parse(JSON.stringify(buildFindingsJson(exampleAuditResult()))));
  });
});
