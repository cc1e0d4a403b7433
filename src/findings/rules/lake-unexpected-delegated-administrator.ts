import type { Rule } from "../rule.js";
import { needsBaseline, notAssessed, outcome } from "../rule.js";

/** A Security Lake delegated administrator other than the account the baseline expects. */
export const unexpectedDelegatedAdministrator: Rule = {
  id: "lake-unexpected-delegated-administrator",
  check(context) {
    const expected = context.baseline?.delegatedAdministrator;
    const organization = context.snapshot.organization;
    const actual = context.index.delegatedAdministrator;
    if (!expected) return needsBaseline("the baseline names no delegatedAdministrator");
    if (!organization || actual === undefined) return notAssessed("the organization's delegated administrators were not read");

    // With none registered, lake-no-delegated-administrator reports it.
    if (actual === null || actual === expected) return outcome([]);

    return outcome([
      {
        subject: { kind: "organization", id: organization.id, label: "organization", accountId: actual },
        summary: `Account ${actual} is Security Lake's delegated administrator; the baseline expects ${expected}.`,
        evidence: [
          { kind: "fact", text: "Delegated administrator", value: actual },
          { kind: "fact", text: "Expected by the baseline", value: expected },
        ],
      },
    ]);
  },
};
