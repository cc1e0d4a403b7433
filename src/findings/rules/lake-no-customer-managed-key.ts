import type { Rule } from "../rule.js";
import { outcome } from "../rule.js";
import { checkEachLake, lakeSubject } from "./lake-helpers.js";

/**
 * Data lakes encrypted with S3-managed keys. A customer-managed KMS key adds a second policy
 * that must allow each read, and lets the organization revoke or audit key use. Required unless
 * the baseline sets `lake.requireCustomerManagedKey: false`.
 */
export const noCustomerManagedKey: Rule = {
  id: "lake-no-customer-managed-key",
  check(context) {
    if (context.baseline?.lake?.requireCustomerManagedKey === false) return outcome([]);

    return checkEachLake(context, (lake) => {
      const keyId = lake.item.kmsKeyId;
      if (keyId && keyId !== "S3_MANAGED_KEY") return undefined;
      return {
        subject: lakeSubject(lake),
        summary: `The data lake in ${lake.region} is encrypted with an S3-managed key, not a customer-managed KMS key.`,
        evidence: [{ kind: "fact", text: "Encryption key", value: keyId ?? "not set (S3-managed)" }],
      };
    });
  },
};
