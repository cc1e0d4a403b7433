import { bucketName } from "../lake-index.js";
import type { Rule } from "../rule.js";
import { checkEachLake, lakeSubject } from "./lake-helpers.js";

/** Lake buckets without versioning: an overwrite or delete then destroys the only copy. */
export const bucketVersioningDisabled: Rule = {
  id: "lake-bucket-versioning-disabled",
  check(context) {
    return checkEachLake(context, (lake) => {
      if (!lake.item.s3BucketArn) return { gap: `data lake ${lake.item.dataLakeArn} names no bucket` };
      const name = bucketName(lake.item.s3BucketArn);
      const bucket = context.index.buckets.get(name);
      const versioning = bucket?.item.versioning;
      if (!bucket || versioning === undefined) return { gap: `versioning of bucket ${name} not read` };
      if (versioning.status === "Enabled") return undefined;

      return {
        subject: { ...lakeSubject(lake), id: bucket.item.arn, label: name },
        summary: `Versioning is ${versioning.status ?? "never enabled"} on lake bucket ${name}.`,
        evidence: [{ kind: "fact", text: "Versioning status", value: versioning.status ?? "never enabled" }],
      };
    });
  },
};
