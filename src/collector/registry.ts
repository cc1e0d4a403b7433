import { accessAnalyzerCollector } from "./accessanalyzer/index.js";
import { cloudTrailCollector } from "./cloudtrail/index.js";
import { glueCollector } from "./glue/index.js";
import { iamCollector } from "./iam/index.js";
import { kmsCollector } from "./kms/index.js";
import { lakeFormationCollector } from "./lakeformation/index.js";
import { ramCollector } from "./ram/index.js";
import { s3Collector } from "./s3/index.js";
import { securityLakeCollector } from "./securitylake/index.js";
import type { ServiceCollector } from "./service.js";
import { sqsCollector } from "./sqs/index.js";

/**
 * Every service collector, in the order they run within a Region. Security Lake comes first
 * because S3 and KMS read the buckets and keys it finds. Organizations is read once, before
 * the accounts, by the run itself.
 */
export const SERVICE_COLLECTORS: readonly ServiceCollector[] = [
  iamCollector,
  securityLakeCollector,
  s3Collector,
  kmsCollector,
  glueCollector,
  lakeFormationCollector,
  sqsCollector,
  ramCollector,
  accessAnalyzerCollector,
  cloudTrailCollector,
];
