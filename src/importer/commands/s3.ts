import { z } from "zod";
import { defineCommand, paramOf, policyAt, type CommandParser, type FileTarget, regionOf } from "../command.js";

// S3 bucket settings, one file per bucket in the folder of the bucket's Region. The error codes
// below are S3's way to say a setting was never configured.
const common = { service: "s3api", iamPrefix: "s3", scope: "regional", takesParam: true } as const;

const getBucketPolicy = defineCommand({
  ...common,
  command: "get-bucket-policy",
  operation: "GetBucketPolicy",
  schema: z.looseObject({ Policy: z.string() }),
  apply(output, target) {
    bucketOf(target).policy = policyAt(output.Policy, target, "$.Policy");
  },
  notConfigured: { codes: ["NoSuchBucketPolicy"], record: (target) => void (bucketOf(target).policy = null) },
});

const getBucketVersioning = defineCommand({
  ...common,
  command: "get-bucket-versioning",
  operation: "GetBucketVersioning",
  acceptsEmptyOutput: true,
  schema: z.looseObject({ Status: z.string().optional(), MFADelete: z.string().optional() }),
  apply(output, target) {
    // An empty output means versioning was never enabled, which the snapshot keeps as no status.
    bucketOf(target).versioning = {
      ...(output.Status === undefined ? {} : { status: output.Status }),
      ...(output.MFADelete === undefined ? {} : { mfaDelete: output.MFADelete }),
    };
  },
});

const getObjectLockConfiguration = defineCommand({
  ...common,
  command: "get-object-lock-configuration",
  operation: "GetObjectLockConfiguration",
  schema: z.looseObject({
    ObjectLockConfiguration: z.looseObject({
      ObjectLockEnabled: z.string().optional(),
      Rule: z
        .looseObject({
          DefaultRetention: z
            .looseObject({ Mode: z.string().optional(), Days: z.number().optional(), Years: z.number().optional() })
            .optional(),
        })
        .optional(),
    }),
  }),
  apply(output, target) {
    const configuration = output.ObjectLockConfiguration;
    const retention = configuration.Rule?.DefaultRetention;
    bucketOf(target).objectLock = {
      enabled: configuration.ObjectLockEnabled === "Enabled",
      ...(retention?.Mode === undefined ? {} : { mode: retention.Mode }),
      ...(retention?.Days === undefined ? {} : { days: retention.Days }),
      ...(retention?.Years === undefined ? {} : { years: retention.Years }),
    };
  },
  notConfigured: { codes: ["ObjectLockConfigurationNotFoundError"], record: (target) => void (bucketOf(target).objectLock = null) },
});

const getBucketEncryption = defineCommand({
  ...common,
  command: "get-bucket-encryption",
  operation: "GetBucketEncryption",
  schema: z.looseObject({
    ServerSideEncryptionConfiguration: z.looseObject({
      Rules: z.array(
        z.looseObject({
          ApplyServerSideEncryptionByDefault: z
            .looseObject({ SSEAlgorithm: z.string(), KMSMasterKeyID: z.string().optional() })
            .optional(),
          BucketKeyEnabled: z.boolean().optional(),
        }),
      ),
    }),
  }),
  apply(output, target) {
    // S3 allows one default-encryption rule per bucket; a rule without a default means none.
    const rule = output.ServerSideEncryptionConfiguration.Rules.find((candidate) => candidate.ApplyServerSideEncryptionByDefault);
    const byDefault = rule?.ApplyServerSideEncryptionByDefault;
    bucketOf(target).encryption = byDefault
      ? {
          algorithm: byDefault.SSEAlgorithm,
          ...(byDefault.KMSMasterKeyID === undefined ? {} : { kmsKeyId: byDefault.KMSMasterKeyID }),
          ...(rule?.BucketKeyEnabled === undefined ? {} : { bucketKeyEnabled: rule.BucketKeyEnabled }),
        }
      : null;
  },
  notConfigured: {
    codes: ["ServerSideEncryptionConfigurationNotFoundError"],
    record: (target) => void (bucketOf(target).encryption = null),
  },
});

const getPublicAccessBlock = defineCommand({
  ...common,
  command: "get-public-access-block",
  operation: "GetPublicAccessBlock",
  schema: z.looseObject({
    PublicAccessBlockConfiguration: z.looseObject({
      BlockPublicAcls: z.boolean().optional(),
      IgnorePublicAcls: z.boolean().optional(),
      BlockPublicPolicy: z.boolean().optional(),
      RestrictPublicBuckets: z.boolean().optional(),
    }),
  }),
  apply(output, target) {
    // S3 treats an unset flag as false.
    const block = output.PublicAccessBlockConfiguration;
    bucketOf(target).publicAccessBlock = {
      blockPublicAcls: block.BlockPublicAcls ?? false,
      ignorePublicAcls: block.IgnorePublicAcls ?? false,
      blockPublicPolicy: block.BlockPublicPolicy ?? false,
      restrictPublicBuckets: block.RestrictPublicBuckets ?? false,
    };
  },
  notConfigured: {
    codes: ["NoSuchPublicAccessBlockConfiguration"],
    record: (target) => void (bucketOf(target).publicAccessBlock = null),
  },
});

const listBuckets = defineCommand({
  service: "s3api",
  command: "list-buckets",
  iamPrefix: "s3",
  operation: "ListBuckets",
  scope: "global",
  takesParam: false,
  schema: z.looseObject({ Buckets: z.array(z.looseObject({ Name: z.string() })).optional() }),
  // NOTE: the bucket list is validated and counted in coverage but not kept: the snapshot holds
  // only buckets whose settings were read, in the folder of their Region.
  apply() {},
  isEmpty: (output) => (output.Buckets ?? []).length === 0,
});

/** The S3 commands of the layout. */
export const S3_COMMANDS: CommandParser[] = [
  getBucketPolicy,
  getBucketVersioning,
  getObjectLockConfiguration,
  getBucketEncryption,
  getPublicAccessBlock,
  listBuckets,
];

function bucketOf(target: FileTarget) {
  return regionOf(target).bucket(paramOf(target), target.partition);
}
