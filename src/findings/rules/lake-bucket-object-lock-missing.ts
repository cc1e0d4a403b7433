import { bucketName } from "../lake-index.js";
import type { Rule } from "../rule.js";
import { checkEachLake, lakeSubject } from "./lake-helpers.js";

/** Lake buckets without S3 Object Lock, so a privileged principal can delete log objects outright. */
export const bucketObjectLockMissing: Rule = {
  id: "lake-bucket-object-lock-missing",
  check(context) {
    return checkEachLake(context, (lake) => {
      if (!lake.item.s3BucketArn) return { gap: `data lake ${lake.item.dataLakeArn} names no bucket` };
      const name = bucketName(lake.item.s3BucketArn);
      const bucket = context.index.buckets.get(name);
      const objectLock = bucket?.item.objectLock;
      if (!bucket || objectLock === undefined) return { gap: `object lock configuration of bucket ${name} not read` };
      if (objectLock?.enabled) return undefined;

      return {
        subject: { ...lakeSubject(lake), id: bucket.item.arn, label: name },
        summary: `Object Lock is not enabled on lake bucket ${name}.`,
        evidence: [{ kind: "fact", text: "Object Lock", value: objectLock === null ? "not configured" : "disabled" }],
      };
    });
  },
};
