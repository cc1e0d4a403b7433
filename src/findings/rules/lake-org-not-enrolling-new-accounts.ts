import type { Rule } from "../rule.js";
import { notAssessed } from "../rule.js";
import { checkEachLake, lakeSubject, regionSnapshot } from "./lake-helpers.js";

/**
 * Data lakes whose Region the organization configuration does not auto-enable for new
 * accounts: accounts that join later contribute nothing until someone adds them by hand.
 */
export const orgNotEnrollingNewAccounts: Rule = {
  id: "lake-org-not-enrolling-new-accounts",
  check(context) {
    if (!context.snapshot.organization) return notAssessed("the organization was not read");

    return checkEachLake(context, (lake) => {
      const configuration = regionSnapshot(context, lake.accountId, lake.region)?.securityLake?.organizationConfiguration;
      if (configuration === undefined) return { gap: `organization configuration of ${lake.accountId}/${lake.region} not read` };

      const entry = configuration?.autoEnableNewAccount.find((each) => each.region === lake.region);
      if (entry && entry.sources.length > 0) return undefined;
      return {
        subject: lakeSubject(lake),
        summary: `New accounts joining the organization are not enrolled in the data lake in ${lake.region}.`,
        evidence: [
          {
            kind: "fact",
            text: "Auto-enabled sources for new accounts in this Region",
            value: configuration === null ? "no organization configuration" : "none",
          },
        ],
      };
    });
  },
};
