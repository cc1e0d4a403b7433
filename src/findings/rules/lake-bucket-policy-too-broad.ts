import { statementEvidence } from "../evidence.js";
import { bucketName } from "../lake-index.js";
import type { Rule } from "../rule.js";
import { checkEachLake, lakeSubject } from "./lake-helpers.js";
import { approvedAccounts, broadStatements } from "./policy-reach.js";

/** Lake buckets whose policy grants to anyone unconfined, or to accounts outside the approved set. */
export const bucketPolicyTooBroad: Rule = {
  id: "lake-bucket-policy-too-broad",
  check(context) {
    const approved = approvedAccounts(context);

    return checkEachLake(context, (lake) => {
      if (!lake.item.s3BucketArn) return { gap: `data lake ${lake.item.dataLakeArn} names no bucket` };
      const name = bucketName(lake.item.s3BucketArn);
      const bucket = context.index.buckets.get(name);
      if (bucket?.item.policy === undefined) return { gap: `policy of bucket ${name} not read` };
      if (bucket.item.policy === null) return undefined;

      const broad = broadStatements(bucket.item.policy, approved);
      if (broad.length === 0) return undefined;
      return {
        subject: { ...lakeSubject(lake), id: bucket.item.arn, label: name },
        summary: `The policy of lake bucket ${name} ${broad.map((entry) => entry.reason).join("; ")}.`,
        evidence: broad.map((entry) => statementEvidence("resource", bucket.item.arn, entry.statement)),
      };
    });
  },
};
