import { describe, expect, it } from "vitest";
import { evaluateControls } from "../../src/compliance/controls.js";
import type { RuleAssessment } from "../../src/findings/assessment.js";
import type { Finding } from "../../src/findings/finding.js";
import { judgeControls, shippedControls } from "../../src/compliance/index.js";
import { defaultPoliciesDir, exitCodeFor, loadPolicies, runRules, type RunRulesInput } from "../../src/findings/index.js";
import { parseExceptions } from "../../src/findings/exceptions.js";
import { cleanBaseline, cleanGrants, cleanSnapshot, grant, lakeRegionOf, principal, WORKLOAD } from "./builders.js";

const NOW = new Date("2026-12-02T00:00:00Z");
const DEV_ROLE = `arn:aws:iam::${WORKLOAD}:role/Developer`;

function finding(ruleId: string, severity: Finding["severity"] = "high"): Finding {
  return { id: `${ruleId}:x`, ruleId, title: "t", severity, subject: { kind: "resource", id: "x" }, summary: "s", evidence: [], remediation: "r", controls: [] };
}

describe("control status", () => {
  const controls = [{ id: "T:1", framework: "Test", title: "one", rules: ["rule-a", "rule-b"] }];
  const assessed: RuleAssessment[] = [
    { ruleId: "rule-a", status: "assessed", gaps: [] },
    { ruleId: "rule-b", status: "assessed", gaps: [] },
  ];

  it("passes when every rule was assessed and none failed", () => {
    expect(evaluateControls(controls, [], [], assessed)[0]?.status).toBe("passed");
  });

  it("fails with the findings of its rules", () => {
    expect(evaluateControls(controls, [finding("rule-b")], [], assessed)[0]?.findingIds).toEqual(["rule-b:x"]);
  });

  it("is not assessed with the gaps of a partial rule", () => {
    const partial: RuleAssessment[] = [assessed[0] as RuleAssessment, { ruleId: "rule-b", status: "partial", gaps: ["IAM of 1 not read"] }];
    const [result] = evaluateControls(controls, [], [], partial);
    expect([result?.status, result?.gaps]).toEqual(["not-assessed", ["rule-b: IAM of 1 not read"]]);
  });

  it("fails even when another rule has gaps", () => {
    const partial: RuleAssessment[] = [assessed[0] as RuleAssessment, { ruleId: "rule-b", status: "not-assessed", gaps: ["gap"] }];
    expect(evaluateControls(controls, [finding("rule-a")], [], partial)[0]?.status).toBe("failed");
  });

  it("marks gaps that only the baseline left", () => {
    const waiting: RuleAssessment[] = [assessed[0] as RuleAssessment, { ruleId: "rule-b", status: "not-assessed", gaps: ["the baseline lists no approvedSubscribers"], baselineGaps: true }];
    expect(evaluateControls(controls, [], [], waiting)[0]?.baselineGapsOnly).toBe(true);
  });

  it("does not mark gaps of an unread input", () => {
    const mixed: RuleAssessment[] = [
      { ruleId: "rule-a", status: "not-assessed", gaps: ["IAM of 1 not read"] },
      { ruleId: "rule-b", status: "not-assessed", gaps: ["the baseline lists no approvedSubscribers"], baselineGaps: true },
    ];
    expect(evaluateControls(controls, [], [], mixed)[0]?.baselineGapsOnly).toBeUndefined();
  });

  it("passes with only accepted findings", () => {
    const [result] = evaluateControls(controls, [], [finding("rule-a")], assessed);
    expect([result?.status, result?.acceptedFindingIds]).toEqual(["passed", ["rule-a:x"]]);
  });
});

/** Runs the rules, then judges the shipped controls from their outcome, as the audit does. */
function controlsAfter(input: RunRulesInput) {
  return judgeControls(runRules(input), defaultPoliciesDir(), loadPolicies().rules);
}

describe("runRules", () => {
  it("passes every control on the clean organization", () => {
    const controls = controlsAfter({ snapshot: cleanSnapshot(), grants: cleanGrants(), baseline: cleanBaseline(), now: NOW });
    expect(controls.filter((control) => control.status !== "passed").map((control) => control.id)).toEqual([]);
  });

  it("fails the retention controls on short retention", () => {
    const snapshot = cleanSnapshot();
    const lake = lakeRegionOf(snapshot).securityLake?.dataLake;
    if (lake) lake.expirationDays = 30;
    const controls = controlsAfter({ snapshot, grants: cleanGrants(), baseline: cleanBaseline(), now: NOW });
    const failed = controls.filter((control) => control.status === "failed").map((control) => control.id);
    expect(failed).toEqual(expect.arrayContaining(["NIST-800-53:AU-11", "PCI-DSS-4.0:10.5.1"]));
  });

  it("leaves access controls not assessed when IAM was not read", () => {
    const snapshot = cleanSnapshot();
    const workload = snapshot.accounts.find((account) => account.accountId === WORKLOAD);
    if (workload) delete workload.iam;
    const controls = controlsAfter({ snapshot, grants: cleanGrants(), baseline: cleanBaseline(), now: NOW });
    const control = controls.find((entry) => entry.id === "NIST-800-53:AC-6");
    expect(control?.status).toBe("not-assessed");
  });

  it("leaves lake controls not assessed without a data lake", () => {
    const snapshot = cleanSnapshot();
    const region = lakeRegionOf(snapshot);
    delete region.securityLake;
    const controls = controlsAfter({ snapshot, grants: cleanGrants(), baseline: cleanBaseline(), now: NOW });
    expect(controls.find((entry) => entry.id === "NIST-800-53:AU-11")?.status).toBe("not-assessed");
  });

  it("lowers severity without a baseline", () => {
    const result = runRules({ snapshot: cleanSnapshot(), grants: [grant("lake.blind", principal(DEV_ROLE))], now: NOW });
    const blind = result.findings.find((entry) => entry.id === `access-unapproved-blind:${DEV_ROLE}`);
    expect([blind?.severity, blind?.confidence]).toEqual(["high", "low"]);
  });

  it("marks rules run without a baseline", () => {
    const result = runRules({ snapshot: cleanSnapshot(), grants: [], now: NOW });
    expect(result.assessment.find((entry) => entry.ruleId === "access-unapproved-read")?.withoutBaseline).toBe(true);
  });

  it("lists subscribers with their approval", () => {
    const result = runRules({ snapshot: cleanSnapshot(), grants: cleanGrants(), baseline: cleanBaseline(), now: NOW });
    expect(result.subscribers.map((entry) => [entry.subscriber.subscriberId, entry.approved, entry.insideOrganization])).toEqual([
      ["sub-s3", true, true],
      ["sub-lf", true, true],
    ]);
  });

  it("counts active findings by severity", () => {
    const result = runRules({ snapshot: cleanSnapshot(), grants: [...cleanGrants(), grant("lake.blind", principal(DEV_ROLE))], baseline: cleanBaseline(), now: NOW });
    expect(result.countsBySeverity).toEqual({ critical: 1, high: 0, medium: 0, low: 0, info: 0 });
  });
});

describe("runRules with exceptions", () => {
  const text = (expires: string, subject = "arn:aws:iam::444444444444:role/*") => `
version: 1
exceptions:
  - rule: access-unapproved-blind
    subject: "${subject}"
    justification: Break-glass role for incident response.
    approver: ciso@example.com
    expires: "${expires}"
`;
  const inputs = () => ({ snapshot: cleanSnapshot(), grants: [...cleanGrants(), grant("lake.blind", principal(DEV_ROLE))], baseline: cleanBaseline(), now: NOW });

  it("moves an accepted finding apart", () => {
    const result = runRules({ ...inputs(), exceptions: parseExceptions(text("2027-01-01"), "e.yaml") });
    expect([result.findings.map((entry) => entry.id), result.acceptedFindings.map((entry) => entry.id)]).toEqual([[], [`access-unapproved-blind:${DEV_ROLE}`]]);
  });

  it("records the acceptance for the report", () => {
    const result = runRules({ ...inputs(), exceptions: parseExceptions(text("2027-01-01"), "e.yaml") });
    expect(result.acceptances).toEqual([
      { findingId: `access-unapproved-blind:${DEV_ROLE}`, justification: "Break-glass role for incident response.", approver: "ciso@example.com", expiresAt: "2027-01-01" },
    ]);
  });

  it("brings the finding back when the exception expired", () => {
    const result = runRules({ ...inputs(), exceptions: parseExceptions(text("2026-11-30"), "e.yaml") });
    expect(result.findings.map((entry) => entry.ruleId)).toEqual(["access-unapproved-blind", "exception-expired"]);
  });

  it("reports an unused exception as informational", () => {
    const result = runRules({ ...inputs(), exceptions: parseExceptions(text("2027-01-01", "arn:aws:iam::444444444444:role/Nobody"), "e.yaml") });
    expect(result.findings.find((entry) => entry.ruleId === "exception-unused")?.severity).toBe("info");
  });
});

describe("shipped policies", () => {
  const policies = loadPolicies();
  const controlIds = new Set(shippedControls(defaultPoliciesDir(), policies.rules).map((control) => control.id));

  it.each([
    "NIST-800-53:AU-9",
    "NIST-800-53:AU-9(2)",
    "NIST-800-53:AU-9(3)",
    "NIST-800-53:AU-9(4)",
    "NIST-800-53:AU-9(6)",
    "NIST-800-53:AU-11",
    "NIST-800-53:AU-5",
    "NIST-800-53:AC-6",
    "NIST-800-53:CM-5",
    "PCI-DSS-4.0:10.3.1",
    "PCI-DSS-4.0:10.3.2",
    "PCI-DSS-4.0:10.3.3",
    "PCI-DSS-4.0:10.3.4",
    "PCI-DSS-4.0:10.5.1",
    "PCI-DSS-4.0:10.7.2",
    "PCI-DSS-4.0:7.2",
    "CIS-AWS-3.0:3.1",
    "SOC2:CC6.1",
    "SOC2:CC6.3",
    "SOC2:CC7.2",
    "ISO-27001-2022:A.8.15",
    "ISO-27001-2022:A.8.2",
    "ISO-27001-2022:A.5.15",
    "ISO-27001-2022:A.5.18",
  ])("map control %s", (id) => {
    expect(controlIds.has(id)).toBe(true);
  });

  it("give every finding rule a control", () => {
    const unmapped = [...policies.rules.values()].filter((rule) => rule.controls.length === 0).map((rule) => rule.id);
    expect(unmapped).toEqual(["coverage-gap", "exception-expired", "exception-unused"]);
  });
});

describe("exit code", () => {
  const result = (severities: Finding["severity"][], gaps = 0) => ({
    findings: severities.map((severity, position) => ({ ...finding(`rule-${position}`, severity) })),
    coverageGaps: Array.from({ length: gaps }, () => ({ accountId: "1", region: "global", service: "iam", operation: "X", state: "denied" as const })),
  });

  it.each([
    ["no threshold", result(["critical"]), {}, 0],
    ["a finding at the threshold", result(["high"]), { failOn: "high" as const }, 3],
    ["findings below the threshold", result(["medium", "low"]), { failOn: "high" as const }, 0],
    ["gaps with fail-on-incomplete", result([], 1), { failOnIncomplete: true }, 4],
    ["gaps without fail-on-incomplete", result([], 1), {}, 0],
    ["both, where 3 wins", result(["critical"], 1), { failOn: "info" as const, failOnIncomplete: true }, 3],
  ])("is right for %s", (_name, audit, options, code) => {
    expect(exitCodeFor(audit, options)).toBe(code);
  });
});
