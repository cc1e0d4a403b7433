import type { CoverageEntry } from "../../model/snapshot.js";
import { describeGap } from "../lake-index.js";
import type { Rule } from "../rule.js";
import { outcome } from "../rule.js";

/**
 * Every account and Region where the collection could not read something (denied, throttled,
 * failed, missing or skipped), so that what was not read is reported as not assessed and never
 * passes silently. Regions that are not enabled hold nothing to read and are not reported.
 */
export const coverageGap: Rule = {
  id: "coverage-gap",
  check(context) {
    const groups = new Map<string, CoverageEntry[]>();
    for (const entry of context.index.coverageGaps) {
      const key = `${entry.accountId}/${entry.region}`;
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }

    return outcome(
      [...groups.entries()].map(([key, entries]) => ({
        subject: { kind: "coverage", id: key, label: key, accountId: entries[0]?.accountId ?? "", region: entries[0]?.region ?? "" },
        summary: `${entries.length} read${entries.length === 1 ? "" : "s"} failed in ${key}, so what they cover is not assessed.`,
        evidence: entries.map((entry) => ({ kind: "fact" as const, text: "Not read", value: describeGap(entry) })),
      })),
    );
  },
};
