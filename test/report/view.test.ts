import { describe, expect, it } from "vitest";
import { PRINCIPAL_ROWS_PER_PAGE } from "../../src/report/view/access.js";
import type { StatementEvidence } from "../../src/findings/finding.js";
import { shortName, viewEvidence, viewPath } from "../../src/report/view/evidence.js";
import { viewReport } from "../../src/report/view/report-view.js";
import { makeVisible } from "../../src/report/view/text.js";
import { exampleAuditResult, largeAuditResult } from "../fixtures/audit-results.js";
import { acceptedFindingViews, openFindingViews, principalRows } from "./view-helpers.js";

const view = viewReport(exampleAuditResult());
const allFindings = openFindingViews(view);

describe("report view", () => {
  it("counts findings by severity", () => {
    expect(view.severities.map((entry) => [entry.severity, entry.count])).toEqual([
      ["critical", 1],
      ["high", 4],
      ["medium", 1],
      ["low", 1],
      ["info", 0],
    ]);
  });

  it("lists every core capability, held or not", () => {
    expect(view.access.summaries.map((summary) => [summary.capability, summary.total])).toEqual([
      ["lake.blind", 1],
      ["lake.tamper", 2],
      ["lake.administer", 1],
      ["subscriber.manage", 1],
      ["lf.grant", 0],
      ["lake.read", 3],
      ["escalate", 1],
    ]);
  });

  it("counts external holders", () => {
    const tamper = view.access.summaries.find((summary) => summary.capability === "lake.tamper")!;
    expect(tamper.outsideOrganization).toBe(1);
  });

  it("shows a role chain hop by hop", () => {
    const developer = allFindings.find((finding) => finding.subjectLabel === "developer")!;
    const path = developer.evidence.paths[0]!;
    expect(path.chain).toEqual(["developer (444455556666)", "ci-build", "lake-query-automation (222233334444)", "bucket aws-security-data-lake-us-east-1-k3j2h1g9f8d7"]);
    expect(path.hops.map((hop) => hop.statements.map((statement) => statement.policyType))).toEqual([["identity", "trust"], ["identity", "trust"], ["identity", "key"]]);
  });

  it("carries the conditions of conditional access", () => {
    const analyst = allFindings.find((finding) => finding.subjectLabel === "SecurityAnalyst")!;
    const hop = analyst.evidence.paths[0]!.hops[0]!;
    expect(analyst.evidence.paths[0]!.conditional).toBe(true);
    expect(hop.conditions).toEqual([
      { operator: "IpAddress", key: "aws:SourceIp", values: "10.20.0.0/16, 192.0.2.0/24" },
      { operator: "Bool", key: "aws:MultiFactorAuthPresent", values: "true" },
    ]);
  });

  it("keeps accepted findings apart with their exception", () => {
    expect(allFindings.some((finding) => finding.status === "accepted")).toBe(false);
    expect(acceptedFindingViews(view).map((finding) => finding.acceptance?.approver)).toEqual(["ciso@acme.example"]);
  });

  it("links a control to accepted findings", () => {
    const ac6 = view.frameworks[0]!.controls.find((control) => control.id === "NIST-800-53:AC-6")!;
    expect(ac6.findings.filter((finding) => finding.accepted)).toHaveLength(1);
  });

  it("reports a not-assessed control with its gap", () => {
    const au92 = view.frameworks[0]!.controls.find((control) => control.id === "NIST-800-53:AU-9(2)")!;
    expect(au92.statusTitle).toBe("Not assessed");
    expect(au92.gaps[0]).toContain("ListSubscribers was denied");
  });

  it("groups controls by framework", () => {
    expect(view.frameworks.map((framework) => [framework.name, framework.failed, framework.notAssessed, framework.passed])).toEqual([
      ["NIST SP 800-53 Rev. 5", 3, 1, 2],
      ["PCI DSS v4.0", 3, 1, 1],
      ["SOC 2 Trust Services Criteria", 2, 0, 0],
      ["ISO/IEC 27001:2022", 2, 0, 1],
    ]);
  });

  it("marks coverage incomplete", () => {
    expect(view.coverage.complete).toBe(false);
    expect(view.coverage.accounts.map((account) => account.accountId)).toEqual(["444455556666", "555566667777"]);
  });

  it("marks unapproved subscribers", () => {
    expect(view.subscribers.subscribers.map((subscriber) => [subscriber.name, subscriber.approval])).toEqual([
      ["mssp-siem-feed", "not-approved"],
      ["audit-athena-query", "approved"],
    ]);
  });
});

describe("principals paging", () => {
  const large = viewReport(largeAuditResult(1200));

  it("splits rows into pages", () => {
    expect(large.access.pages.map((page) => page.lastRow - page.firstRow + 1)).toEqual([PRINCIPAL_ROWS_PER_PAGE, PRINCIPAL_ROWS_PER_PAGE, large.access.totalRows - 2 * PRINCIPAL_ROWS_PER_PAGE]);
  });

  it("links a row to its page", () => {
    const rows = principalRows(large);
    expect(rows.every((row) => row.href.startsWith(`${row.file}#`))).toBe(true);
  });

  it("has one page without grants", () => {
    const empty = viewReport({ ...exampleAuditResult(), grants: [] });
    expect(empty.access.pages.map((page) => page.file)).toEqual(["principals-1.html"]);
  });
});

describe("path names", () => {
  const hop = (from: string, to: string) => ({ from, to, edge: "canAssume", description: `${from} assumes ${to}`, statements: [] });

  it("names each hop's ends", () => {
    const path = viewPath([hop("a", "b"), hop("b", "c")], new Map([["b", "role b"]]));
    expect(path.hops.map((entry) => [entry.fromName, entry.toName])).toEqual([
      ["a", "role b"],
      ["role b", "c"],
    ]);
  });

  it("gives a shared step one hop view per pair of names", () => {
    const shared = hop("b", "c");
    const first = viewPath([hop("a", "b"), shared], new Map());
    const second = viewPath([hop("x", "b"), shared], new Map());
    const renamed = viewPath([hop("a", "b"), shared], new Map([["c", "role c"]]));

    expect(second.hops[1]).toBe(first.hops[1]);
    expect(renamed.hops[1]).not.toBe(first.hops[1]);
    expect(renamed.hops[1]!.toName).toBe("role c");
  });

  it("names escalation edges in words", () => {
    const titles = ["updateAssumeRolePolicy", "passRole:lambda", "subscriberRole", "someFutureMethod"].map((edge) => viewPath([{ ...hop("a", "b"), edge }], new Map()).hops[0]!.edgeTitle);
    expect(titles).toEqual(["rewrites the trust policy of", "passes a role to lambda and runs as", "reads through role", "someFutureMethod"]);
  });

  it("names a hop that starts elsewhere", () => {
    const path = viewPath([hop("a", "b"), hop("x", "c")], new Map());
    expect(path.hops[1]!.fromName).toBe("x");
  });
});

describe("statement evidence", () => {
  const ref = { policy: { type: "identity" as const, id: "arn:aws:iam::444455556666:policy/read" }, index: 1, effect: "Allow" as const, sid: "Read" };
  const step = { from: "a", to: "b", edge: "capability", description: "a reads b", statements: [ref] };
  const cited: StatementEvidence = { kind: "statement", policyType: "identity", policyId: ref.policy.id, statementIndex: 1, effect: "Allow", sid: "Read" };

  it("leaves out a statement a hop cites", () => {
    expect(viewEvidence([{ kind: "path", steps: [step] }, cited], new Map()).statements).toEqual([]);
  });

  it("keeps a statement with its text", () => {
    const withText = { ...cited, statement: '{"Sid":"Read"}' };
    expect(viewEvidence([{ kind: "path", steps: [step] }, withText], new Map()).statements).toHaveLength(1);
  });

  it("keeps a statement without the hop's Sid", () => {
    const { sid: _sid, ...withoutSid } = cited;
    expect(viewEvidence([{ kind: "path", steps: [step] }, withoutSid], new Map()).statements).toHaveLength(1);
  });

  it("keeps a statement no hop cites", () => {
    const other = { ...cited, statementIndex: 2 };
    expect(viewEvidence([{ kind: "path", steps: [step] }, other], new Map()).statements).toHaveLength(1);
  });
});

describe("text helpers", () => {
  it("makes bidi and control characters visible", () => {
    expect(makeVisible("a\u202Eb\u2066c\u0007d\te")).toBe("a[U+202E]b[U+2066]c[U+0007]d\te");
  });

  it("keeps characters outside the BMP", () => {
    expect(makeVisible("\u{1F512}\u202Eok")).toBe("\u{1F512}[U+202E]ok");
  });

  it.each([
    ["arn:aws:iam::444455556666:role/team/developer", "developer"],
    ["arn:aws:iam::999988887777:root", "account 999988887777"],
    ["arn:aws:s3:::lake-bucket/prefix/*", "bucket lake-bucket"],
    ["arn:aws:securitylake:eu-west-1:222233334444:data-lake/default", "the data lake in eu-west-1"],
    ["securitylake.amazonaws.com", "securitylake.amazonaws.com"],
  ])("shortName(%j)", (id, expected) => {
    expect(shortName(id)).toBe(expected);
  });
});
