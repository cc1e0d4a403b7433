import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/findings/audit-result.js";
import { buildOcsfRecords } from "../../src/report/outputs/findings-ocsf.js";
import { writeReport } from "../../src/report/write-report.js";
import { exampleAuditResult, hostileAuditResult } from "../fixtures/audit-results.js";
import { OCSF_DEFINITIONS, validateRecord } from "./validate-ocsf.js";

let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "lakewarden-ocsf-"));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

async function writtenLines(result: AuditResult): Promise<string[]> {
  const folder = await writeReport(result, out, ["ocsf"]);
  const text = await readFile(join(folder, "findings.ocsf.jsonl"), "utf8");
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1).split("\n");
}

describe.each([
  ["example", exampleAuditResult],
  ["hostile", hostileAuditResult],
])("findings.ocsf.jsonl of the %s result", (_name, build) => {
  it("has one line per control", async () => {
    const result = build();
    expect(await writtenLines(result)).toHaveLength(result.controls.length);
  });

  it("validates every line against OCSF 1.1.0", async () => {
    const problems = (await writtenLines(build())).flatMap((line, index) => validateRecord(JSON.parse(line), "compliance_finding").map((problem) => `line ${index + 1}: ${problem}`));
    expect(problems).toEqual([]);
  });
});

describe("compliance status", () => {
  const records = buildOcsfRecords(exampleAuditResult()) as { compliance: { control: string; status_id: number }; severity_id: number; metadata: { version: string } }[];
  const statusOf = (control: string): number | undefined => records.find((record) => record.compliance.control === control)?.compliance.status_id;

  it("fails a control with findings", () => {
    expect(statusOf("AU-9")).toBe(3);
  });

  it("warns on a control not assessed", () => {
    expect(statusOf("AU-9(2)")).toBe(2);
  });

  it("passes a control assessed clean", () => {
    expect(statusOf("CM-5")).toBe(1);
  });

  it("takes the severity of the worst finding", () => {
    expect(records.find((record) => record.compliance.control === "AU-9")!.severity_id).toBe(5);
  });

  it("declares schema version 1.1.0", () => {
    expect(new Set(records.map((record) => record.metadata.version))).toEqual(new Set([OCSF_DEFINITIONS.ocsfVersion]));
  });
});

describe("validator", () => {
  const valid = (): Record<string, unknown> => structuredClone(buildOcsfRecords(exampleAuditResult())[0]) as Record<string, unknown>;

  it("accepts a generated record", () => {
    expect(validateRecord(valid(), "compliance_finding")).toEqual([]);
  });

  it("rejects a missing required object", () => {
    const record = valid();
    delete record.compliance;
    expect(validateRecord(record, "compliance_finding")).toEqual(["$.compliance: required attribute missing"]);
  });

  it("rejects missing standards", () => {
    const record = valid() as { compliance: Record<string, unknown> };
    delete record.compliance.standards;
    expect(validateRecord(record, "compliance_finding")).toEqual(["$.compliance.standards: required attribute missing"]);
  });

  it("rejects an enum value out of range", () => {
    const record = valid() as { compliance: Record<string, unknown> };
    record.compliance.status_id = 4;
    expect(validateRecord(record, "compliance_finding")).toEqual(["$.compliance.status_id: 4 is not one of 0, 1, 2, 3, 99"]);
  });

  it("rejects a time in ISO form", () => {
    const record = valid();
    record.time = "2026-12-04T21:30:05Z";
    expect(validateRecord(record, "compliance_finding")).toEqual(["$.time: expected an integer (timestamp_t)"]);
  });

  it("rejects an undefined attribute", () => {
    const record = valid();
    record.findings = [];
    expect(validateRecord(record, "compliance_finding")).toEqual(["$.findings: not an attribute of this class or object"]);
  });

  it("rejects a wrong type_uid", () => {
    const record = valid();
    record.type_uid = 200300;
    expect(validateRecord(record, "compliance_finding")).toEqual(["$.type_uid: expected class_uid * 100 + activity_id"]);
  });
});
