import type { Rule } from "../rule.js";
import { checkEachLake, lakeSubject } from "./lake-helpers.js";

/** Twelve months, the audit log history PCI DSS v4 requirement 10.5.1 requires. */
export const DEFAULT_MINIMUM_RETENTION_DAYS = 365;

/** Data lakes whose lifecycle expires objects sooner than the baseline's minimum retention. */
export const retentionBelowMinimum: Rule = {
  id: "lake-retention-below-minimum",
  check(context) {
    const configured = context.baseline?.lake?.minimumRetentionDays;
    const minimum = configured ?? DEFAULT_MINIMUM_RETENTION_DAYS;
    const source = configured === undefined ? "the default (no baseline value)" : "the baseline";

    return checkEachLake(context, (lake) => {
      const days = lake.item.expirationDays;
      if (days === undefined || days >= minimum) return undefined;
      return {
        subject: lakeSubject(lake),
        summary: `The data lake in ${lake.region} expires objects after ${days} days, below the ${minimum}-day minimum of ${source}.`,
        evidence: [
          { kind: "fact", text: "Lifecycle expiration (days)", value: String(days) },
          { kind: "fact", text: `Minimum retention from ${source} (days)`, value: String(minimum) },
        ],
      };
    });
  },
};
