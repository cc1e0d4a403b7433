import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import { viewFinding } from "../../src/report/view/findings.js";

function findingAbout(subject: Finding["subject"]): Finding {
  return { id: `rule:${subject.id}`, ruleId: "rule", title: "t", severity: "high", subject, summary: "s", evidence: [], remediation: "r", controls: [] };
}

describe("finding subject view", () => {
  it("marks an account subject", () => {
    const view = viewFinding(findingAbout({ kind: "account", id: "389900112233", label: "external account 389900112233", accountId: "389900112233" }), new Map());
    expect(view.subjectIsAccount).toBe(true);
  });

  it("keeps a principal's account", () => {
    const view = viewFinding(findingAbout({ kind: "principal", id: "arn:aws:iam::111122223333:role/r", label: "r", accountId: "111122223333" }), new Map());
    expect(view.subjectIsAccount).toBe(false);
  });
});
