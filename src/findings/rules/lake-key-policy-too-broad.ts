import { statementEvidence } from "../evidence.js";
import { findKey } from "../lake-index.js";
import type { Rule } from "../rule.js";
import { checkEachLake, lakeSubject } from "./lake-helpers.js";
import { approvedAccounts, broadStatements } from "./policy-reach.js";

/** Lake KMS keys whose key policy grants to anyone unconfined, or to accounts outside the approved set. */
export const keyPolicyTooBroad: Rule = {
  id: "lake-key-policy-too-broad",
  check(context) {
    const approved = approvedAccounts(context);

    return checkEachLake(context, (lake) => {
      const keyId = lake.item.kmsKeyId;
      if (!keyId || keyId === "S3_MANAGED_KEY") return undefined;
      const key = findKey(context.index, lake);
      if (key?.item.policy === undefined) return { gap: `key policy of ${keyId} not read` };

      const broad = broadStatements(key.item.policy, approved);
      if (broad.length === 0) return undefined;
      return {
        subject: { ...lakeSubject(lake), id: key.item.arn, label: `lake key ${key.item.keyId}` },
        summary: `The key policy of lake key ${key.item.keyId} ${broad.map((entry) => entry.reason).join("; ")}.`,
        evidence: broad.map((entry) => statementEvidence("key", key.item.arn, entry.statement)),
      };
    });
  },
};
