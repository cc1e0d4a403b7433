import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBaseline, parseBaseline } from "../../src/findings/baseline.js";
import { applyExceptions, loadExceptions, parseExceptions } from "../../src/findings/exceptions.js";
import type { Finding } from "../../src/findings/finding.js";

const VALID_BASELINE = `
version: 1
delegatedAdministrator: "222233334444"
lake:
  minimumRetentionDays: 365
approvedPrincipals:
  lake.read: ["arn:aws:iam::*:role/Analyst"]
`;

describe("baseline schema", () => {
  it("accepts the documented keys", () => {
    expect(parseBaseline(VALID_BASELINE, "b.yaml").lake?.minimumRetentionDays).toBe(365);
  });

  it.each([
    ["an unknown top-level key", "version: 1\nadmins: []\n", /b\.yaml: \$\.admins: unknown key/],
    ["an unknown nested key", "version: 1\nlake:\n  retention: 30\n", /b\.yaml: \$\.lake\.retention: unknown key/],
    ["an unknown capability", "version: 1\napprovedPrincipals:\n  lake.write: []\n", /b\.yaml: \$\.approvedPrincipals\["lake\.write"\]: unknown key/],
    ["an unquoted account id", "version: 1\ndelegatedAdministrator: 222233334444\n", /b\.yaml: \$\.delegatedAdministrator: /],
    ["a short account id", "version: 1\nallowedExternalAccounts:\n  - accountId: \"1234\"\n", /b\.yaml: \$\.allowedExternalAccounts\[0\]\.accountId: expected a 12-digit/],
    ["another version", "version: 2\n", /b\.yaml: \$\.version: /],
    ["a negative retention", "version: 1\nlake:\n  minimumRetentionDays: -1\n", /b\.yaml: \$\.lake\.minimumRetentionDays: /],
    ["broken YAML", "version: [1\n", /b\.yaml: not valid YAML/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseBaseline(text, "b.yaml")).toThrow(message);
  });

  it("loads a file from disk", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lw-baseline-")), "baseline.yaml");
    writeFileSync(file, VALID_BASELINE);
    expect((await loadBaseline(file)).delegatedAdministrator).toBe("222233334444");
  });

  it("names a missing file", async () => {
    await expect(loadBaseline("/nonexistent/baseline.yaml")).rejects.toThrow(/\/nonexistent\/baseline\.yaml: file not found/);
  });
});

const EXCEPTIONS = `
version: 1
exceptions:
  - rule: access-unapproved-read
    subject: "arn:aws:iam::444444444444:role/Data*"
    justification: Data team reads VPC flow logs for capacity planning.
    approver: ciso@example.com
    expires: "2027-01-31"
`;

function finding(ruleId: string, subjectId: string): Finding {
  return {
    id: `${ruleId}:${subjectId}`,
    ruleId,
    title: "t",
    severity: "high",
    subject: { kind: "principal", id: subjectId },
    summary: "s",
    evidence: [],
    remediation: "r",
    controls: [],
  };
}

describe("exceptions schema", () => {
  it("accepts a valid file", () => {
    expect(parseExceptions(EXCEPTIONS, "e.yaml")).toHaveLength(1);
  });

  it.each([
    ["an unknown key", EXCEPTIONS.replace("    approver:", "    owner: team-a\n    approver:"), /e\.yaml: \$\.exceptions\[0\]\.owner: unknown key/],
    ["a missing approver", EXCEPTIONS.replace(/ {4}approver: .*\n/, ""), /e\.yaml: \$\.exceptions\[0\]\.approver: /],
    ["a bad date", EXCEPTIONS.replace("2027-01-31", "31/01/2027"), /e\.yaml: \$\.exceptions\[0\]\.expires: expected a date as YYYY-MM-DD/],
    ["an impossible date", EXCEPTIONS.replace("2027-01-31", "2027-02-31"), /e\.yaml: \$\.exceptions\[0\]\.expires: expected a real calendar date/],
    ["a malformed rule id", EXCEPTIONS.replace("access-unapproved-read", "Access Read"), /e\.yaml: \$\.exceptions\[0\]\.rule: /],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseExceptions(text, "e.yaml")).toThrow(message);
  });

  it("rejects an unknown rule id", () => {
    expect(() => parseExceptions(EXCEPTIONS, "e.yaml", new Set(["access-unapproved-blind"]))).toThrow(
      /e\.yaml: \$\.exceptions\[0\]\.rule: unknown rule id "access-unapproved-read"/,
    );
  });
});

describe("exceptions file", () => {
  it("checks rule ids against the shipped rules", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lw-exceptions-")), "exceptions.yaml");
    writeFileSync(file, EXCEPTIONS.replace("access-unapproved-read", "access-unapproved-write"));
    await expect(loadExceptions(file)).rejects.toThrow(/exceptions\.yaml: \$\.exceptions\[0\]\.rule: unknown rule id "access-unapproved-write"/);
  });

  it("loads a valid file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lw-exceptions-")), "exceptions.yaml");
    writeFileSync(file, EXCEPTIONS);
    expect(await loadExceptions(file)).toHaveLength(1);
  });
});

describe("applying exceptions", () => {
  const exceptions = parseExceptions(EXCEPTIONS, "e.yaml");
  const matching = finding("access-unapproved-read", "arn:aws:iam::444444444444:role/DataScience");
  const other = finding("access-unapproved-read", "arn:aws:iam::444444444444:role/Ops");

  it("accepts a matching finding before expiry", () => {
    const outcome = applyExceptions([matching, other], exceptions, new Date("2027-01-31T23:59:00Z"));
    expect(outcome.acceptedFindings.map((entry) => entry.id)).toEqual([matching.id]);
  });

  it("records who accepted it", () => {
    const outcome = applyExceptions([matching], exceptions, new Date("2027-01-01T00:00:00Z"));
    expect(outcome.acceptedFindings[0]?.acceptedBy?.approver).toBe("ciso@example.com");
  });

  it("keeps the finding active after expiry", () => {
    const outcome = applyExceptions([matching], exceptions, new Date("2027-02-01T00:00:00Z"));
    expect(outcome.findings.map((entry) => entry.id)).toEqual([matching.id]);
  });

  it("reports an expired exception", () => {
    const outcome = applyExceptions([matching], exceptions, new Date("2027-02-01T00:00:00Z"));
    expect(outcome.expired).toHaveLength(1);
  });

  it("reports an unused exception", () => {
    const outcome = applyExceptions([other], exceptions, new Date("2027-01-01T00:00:00Z"));
    expect(outcome.unused).toHaveLength(1);
  });

  it("does not cross rules", () => {
    const outcome = applyExceptions([finding("access-unapproved-blind", matching.subject.id)], exceptions, new Date("2027-01-01T00:00:00Z"));
    expect(outcome.acceptedFindings).toEqual([]);
  });
});
