import { grantEvidence } from "../evidence.js";
import { accessGaps } from "../lake-index.js";
import type { FindingDraft, Rule } from "../rule.js";

/** Capabilities that let a holder change or switch off the lake, not only read it. */
export const ADMINISTRATIVE_CAPABILITIES = ["lake.administer", "lake.blind", "lake.tamper", "lf.grant", "subscriber.manage"];

/**
 * IAM users with an active access key (from the credential report) that hold an administrative
 * lake capability: a leaked long-term key then reaches the lake with nothing to expire it.
 */
export const userLongTermKeys: Rule = {
  id: "access-user-long-term-keys",
  check(context) {
    const findings: FindingDraft[] = [];
    const access = accessGaps(context.index);
    const gaps = new Set<string>(access.gaps);
    const seen = new Set<string>();
    let judged = 0;

    const heldBy = new Map<string, Set<string>>();
    for (const grant of context.grants) {
      if (grant.principal.kind !== "user" || !ADMINISTRATIVE_CAPABILITIES.includes(grant.capability)) continue;
      heldBy.set(grant.principal.id, (heldBy.get(grant.principal.id) ?? new Set()).add(grant.capability));
    }

    for (const grant of context.grants) {
      const principal = grant.principal;
      if (principal.kind !== "user" || !ADMINISTRATIVE_CAPABILITIES.includes(grant.capability) || seen.has(principal.id)) continue;
      seen.add(principal.id);

      const accountId = principal.accountId ?? "";
      const report = context.index.accounts.get(accountId)?.credentialReport;
      if (!report) {
        gaps.add(`credential report of account ${accountId || "unknown"} not read`);
        continue;
      }
      judged += 1;

      const entry = report.find((row) => row.arn === principal.id);
      if (!entry || !(entry.accessKey1Active || entry.accessKey2Active)) continue;

      const capabilities = [...(heldBy.get(principal.id) ?? [])].sort();
      const active = [entry.accessKey1Active ? "key 1" : "", entry.accessKey2Active ? "key 2" : ""].filter(Boolean).join(" and ");
      findings.push({
        subject: { kind: "principal", id: principal.id, label: principal.label, accountId },
        summary: `IAM user ${principal.label} has an active long-term access key (${active}) and holds ${capabilities.join(", ")}.`,
        evidence: [{ kind: "fact", text: "Active access keys in the credential report", value: active }, ...grantEvidence(grant)],
      });
    }
    return { findings, gaps: [...gaps], assessed: access.assessed && (seen.size === 0 || judged > 0) };
  },
};
