import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvCell, formatFindingsCsv, neutraliseCell } from "../../src/report/outputs/findings-csv.js";
import { HOSTILE, exampleAuditResult, hostileAuditResult } from "../fixtures/audit-results.js";

describe("neutraliseCell", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["  =1", "'  =1"],
    ["arn:aws:iam::1:role/a-b", "arn:aws:iam::1:role/a-b"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j", (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });
});

describe("findings.csv", () => {
  const csv = formatFindingsCsv(exampleAuditResult());
  const lines = csv.trimEnd().split("\r\n");

  it("starts with the header", () => {
    expect(lines[0]).toBe(CSV_COLUMNS.map((column) => `"${column}"`).join(","));
  });

  it("has one row per open and accepted finding", () => {
    const rows = csv.split(/\r\n(?=")/).length - 1;
    expect(rows).toBe(7 + 1);
  });

  it("marks accepted findings as muted", () => {
    expect(csv).toMatch(/"True","Incident response needs raw CloudTrail/);
  });

  it("doubles quotes inside cells", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it("neutralises a hostile formula", () => {
    const hostile = formatFindingsCsv(hostileAuditResult());
    const quoted = HOSTILE.formula.replace(/"/g, '""');
    expect(hostile).toContain(`"'${quoted}"`);
    expect(hostile).toContain(`"'-${quoted}"`);
    expect(hostile).not.toContain(`"${quoted}"`);
  });
});
