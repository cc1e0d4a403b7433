import { describe, expect, it } from "vitest";
import { FINDINGS_JSON_SCHEMA_VERSION, formatFindingsJson } from "../../src/report/outputs/findings-json.js";
import { exampleAuditResult } from "../fixtures/audit-results.js";

const document = JSON.parse(formatFindingsJson(exampleAuditResult())) as Record<string, unknown>;

describe("findings.json", () => {
  it("starts with schemaVersion", () => {
    expect(Object.keys(document)[0]).toBe("schemaVersion");
    expect(document.schemaVersion).toBe(FINDINGS_JSON_SCHEMA_VERSION);
  });

  it("has the documented sections", () => {
    expect(Object.keys(document)).toEqual(["schemaVersion", "generator", "run", "summary", "findings", "resolvedFindingIds", "accepted", "access", "subscribers", "controls", "accessAnalyzer", "coverage"]);
  });

  it("keeps accepted findings apart with their exception", () => {
    const accepted = document.accepted as { acceptance: { approver: string } }[];
    expect(accepted.map((finding) => finding.acceptance.approver)).toEqual(["ciso@acme.example"]);
  });

  it("states incomplete coverage", () => {
    expect((document.coverage as { complete: boolean }).complete).toBe(false);
  });
});
