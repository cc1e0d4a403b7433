import { z } from "zod";

/**
 * The snapshot: everything Lakewarden read about an organization at one point in time, as one
 * validated JSON document. `collect` and `import` both produce it; every later stage reads only
 * it. A field that is absent means "not read" (a coverage gap explains why); `null` means AWS
 * returned that nothing is configured (no bucket policy, no object lock).
 */
export const SNAPSHOT_SCHEMA_VERSION = 1;

const accountId = z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id");
const isoTime = z.string().min(1);
const tags = z.record(z.string(), z.string());

/** A policy document that could not be decoded: the reason and the first characters, never a guess. */
export const undecodablePolicySchema = z
  .object({ undecodable: z.object({ reason: z.string(), excerpt: z.string() }).strict() })
  .strict();

/**
 * A decoded IAM policy document as JSON, or the record of why decoding failed. Grammar problems
 * inside a decoded document are the evaluator's to report, so any JSON object is accepted here.
 */
export const policyDocumentSchema = z.union([undecodablePolicySchema, z.record(z.string(), z.unknown())]);

const inlinePolicySchema = z.object({ name: z.string(), document: policyDocumentSchema }).strict();

export const iamUserSchema = z
  .object({
    arn: z.string(),
    name: z.string(),
    id: z.string(),
    path: z.string(),
    createDate: isoTime.optional(),
    groups: z.array(z.string()),
    attachedPolicies: z.array(z.string()),
    inlinePolicies: z.array(inlinePolicySchema),
    permissionsBoundary: z.string().optional(),
    tags,
  })
  .strict();

export const iamGroupSchema = z
  .object({
    arn: z.string(),
    name: z.string(),
    id: z.string(),
    path: z.string(),
    attachedPolicies: z.array(z.string()),
    inlinePolicies: z.array(inlinePolicySchema),
  })
  .strict();

export const iamRoleSchema = z
  .object({
    arn: z.string(),
    name: z.string(),
    id: z.string(),
    path: z.string(),
    createDate: isoTime.optional(),
    trustPolicy: policyDocumentSchema,
    attachedPolicies: z.array(z.string()),
    inlinePolicies: z.array(inlinePolicySchema),
    permissionsBoundary: z.string().optional(),
    tags,
    instanceProfiles: z.array(z.object({ arn: z.string(), name: z.string() }).strict()),
    lastUsed: z.object({ date: isoTime.optional(), region: z.string().optional() }).strict().optional(),
  })
  .strict();

export const managedPolicySchema = z
  .object({
    arn: z.string(),
    name: z.string(),
    id: z.string().optional(),
    path: z.string(),
    defaultVersionId: z.string(),
    /** AWS managed policies live under `arn:aws:iam::aws:policy/` and cannot be edited by customers. */
    awsManaged: z.boolean(),
    versions: z.array(
      z.object({ versionId: z.string(), isDefault: z.boolean(), document: policyDocumentSchema }).strict(),
    ),
  })
  .strict();

export const iamSchema = z
  .object({
    users: z.array(iamUserSchema),
    groups: z.array(iamGroupSchema),
    roles: z.array(iamRoleSchema),
    policies: z.array(managedPolicySchema),
  })
  .strict();

/** One row of the IAM credential report, reduced to what the rules read. */
export const credentialReportEntrySchema = z
  .object({
    user: z.string(),
    arn: z.string(),
    passwordEnabled: z.boolean(),
    mfaActive: z.boolean(),
    accessKey1Active: z.boolean(),
    accessKey2Active: z.boolean(),
    accessKey1LastUsed: isoTime.optional(),
    accessKey2LastUsed: isoTime.optional(),
  })
  .strict();

const organizationPolicySchema = z
  .object({
    id: z.string(),
    arn: z.string(),
    name: z.string(),
    type: z.enum(["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]),
    awsManaged: z.boolean(),
    document: policyDocumentSchema,
    targets: z.array(
      z
        .object({
          targetId: z.string(),
          type: z.enum(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]),
          name: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export const organizationSchema = z
  .object({
    id: z.string(),
    arn: z.string(),
    managementAccountId: accountId,
    featureSet: z.string().optional(),
    roots: z.array(z.object({ id: z.string(), arn: z.string(), name: z.string() }).strict()),
    organizationalUnits: z.array(
      z.object({ id: z.string(), arn: z.string(), name: z.string(), parentId: z.string() }).strict(),
    ),
    accounts: z.array(
      z
        .object({
          id: accountId,
          arn: z.string(),
          name: z.string(),
          status: z.string().optional(),
          /** Root or OU id; absent when the tree was not read. */
          parentId: z.string().optional(),
          joinedMethod: z.string().optional(),
        })
        .strict(),
    ),
    policies: z.array(organizationPolicySchema),
    delegatedAdministrators: z.array(
      z
        .object({
          servicePrincipal: z.string(),
          accountId,
          name: z.string().optional(),
          status: z.string().optional(),
          delegationEnabledDate: isoTime.optional(),
        })
        .strict(),
    ),
  })
  .strict();

const logSourceResourceSchema = z
  .object({
    awsLogSource: z.object({ sourceName: z.string(), sourceVersion: z.string().optional() }).strict().optional(),
    customLogSource: z
      .object({
        sourceName: z.string(),
        sourceVersion: z.string().optional(),
        providerRoleArn: z.string().optional(),
        location: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const subscriberSchema = z
  .object({
    subscriberId: z.string(),
    subscriberArn: z.string(),
    subscriberName: z.string(),
    subscriberDescription: z.string().optional(),
    /** An account id or a service principal, and the external id the subscriber role's trust requires. */
    subscriberIdentity: z.object({ principal: z.string(), externalId: z.string() }).strict(),
    accessTypes: z.array(z.string()),
    sources: z.array(logSourceResourceSchema),
    roleArn: z.string().optional(),
    s3BucketArn: z.string().optional(),
    resourceShareArn: z.string().optional(),
    resourceShareName: z.string().optional(),
    subscriberEndpoint: z.string().optional(),
    subscriberStatus: z.string().optional(),
    createdAt: isoTime.optional(),
    updatedAt: isoTime.optional(),
  })
  .strict();

export const dataLakeSchema = z
  .object({
    dataLakeArn: z.string(),
    region: z.string(),
    s3BucketArn: z.string().optional(),
    /** `S3_MANAGED_KEY` or a KMS key id or ARN. */
    kmsKeyId: z.string().optional(),
    expirationDays: z.number().int().optional(),
    transitions: z.array(z.object({ days: z.number().int(), storageClass: z.string() }).strict()),
    replicationRegions: z.array(z.string()),
    replicationRoleArn: z.string().optional(),
    createStatus: z.string().optional(),
    updateStatus: z.string().optional(),
  })
  .strict();

export const securityLakeSchema = z
  .object({
    /** `null` when Security Lake returned that no data lake exists in this Region. */
    dataLake: dataLakeSchema.nullable().optional(),
    subscribers: z.array(subscriberSchema).optional(),
    logSources: z
      .array(z.object({ account: z.string(), region: z.string(), sources: z.array(logSourceResourceSchema) }).strict())
      .optional(),
    organizationConfiguration: z
      .object({
        autoEnableNewAccount: z.array(
          z
            .object({
              region: z.string(),
              sources: z.array(z.object({ sourceName: z.string(), sourceVersion: z.string().optional() }).strict()),
            })
            .strict(),
        ),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export const bucketSchema = z
  .object({
    name: z.string(),
    arn: z.string(),
    policy: policyDocumentSchema.nullable().optional(),
    versioning: z.object({ status: z.string().optional(), mfaDelete: z.string().optional() }).strict().optional(),
    objectLock: z
      .object({ enabled: z.boolean(), mode: z.string().optional(), days: z.number().optional(), years: z.number().optional() })
      .strict()
      .nullable()
      .optional(),
    encryption: z
      .object({ algorithm: z.string(), kmsKeyId: z.string().optional(), bucketKeyEnabled: z.boolean().optional() })
      .strict()
      .nullable()
      .optional(),
    publicAccessBlock: z
      .object({
        blockPublicAcls: z.boolean(),
        ignorePublicAcls: z.boolean(),
        blockPublicPolicy: z.boolean(),
        restrictPublicBuckets: z.boolean(),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export const kmsKeySchema = z
  .object({
    keyId: z.string(),
    arn: z.string(),
    policy: policyDocumentSchema.optional(),
    keyManager: z.enum(["AWS", "CUSTOMER"]).optional(),
    keyState: z.string().optional(),
    grants: z
      .array(
        z
          .object({
            grantId: z.string(),
            name: z.string().optional(),
            granteePrincipal: z.string(),
            retiringPrincipal: z.string().optional(),
            issuingAccount: z.string().optional(),
            operations: z.array(z.string()),
            constraints: z.record(z.string(), z.unknown()).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export const lakeFormationSchema = z
  .object({
    settings: z
      .object({
        dataLakeAdmins: z.array(z.string()),
        readOnlyAdmins: z.array(z.string()),
        createDatabaseDefaultPermissions: z.array(z.object({ principal: z.string(), permissions: z.array(z.string()) }).strict()),
        createTableDefaultPermissions: z.array(z.object({ principal: z.string(), permissions: z.array(z.string()) }).strict()),
        trustedResourceOwners: z.array(z.string()),
      })
      .strict()
      .optional(),
    permissions: z
      .array(
        z
          .object({
            principal: z.string(),
            /** The Lake Formation resource as the API returns it (Catalog, Database, Table, DataLocation, ...). */
            resource: z.record(z.string(), z.unknown()),
            permissions: z.array(z.string()),
            permissionsWithGrantOption: z.array(z.string()),
            resourceShares: z.array(z.string()).optional(),
          })
          .strict(),
      )
      .optional(),
    /** True when the reader was not a Lake Formation administrator, so ListPermissions showed only part. */
    callerFiltered: z.boolean().optional(),
  })
  .strict();

export const trailSchema = z
  .object({
    name: z.string(),
    arn: z.string(),
    homeRegion: z.string().optional(),
    s3BucketName: z.string().optional(),
    isMultiRegionTrail: z.boolean(),
    isOrganizationTrail: z.boolean(),
    logFileValidationEnabled: z.boolean().optional(),
    kmsKeyId: z.string().optional(),
    /** Whether the trail records read and write management events; absent when selectors were not read. */
    managementEvents: z.enum(["All", "ReadOnly", "WriteOnly", "None"]).optional(),
  })
  .strict();

export const cloudTrailEventSchema = z
  .object({
    eventId: z.string(),
    eventName: z.string(),
    eventTime: isoTime,
    eventSource: z.string().optional(),
    username: z.string().optional(),
    /** The CloudTrail record, parsed; values a caller could use as credentials are removed on read. */
    record: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const resourceShareSchema = z
  .object({
    arn: z.string(),
    name: z.string(),
    owningAccountId: z.string(),
    allowExternalPrincipals: z.boolean().optional(),
    status: z.string().optional(),
    principals: z.array(z.string()).optional(),
    resources: z.array(z.string()).optional(),
  })
  .strict();

export const regionSnapshotSchema = z
  .object({
    region: z.string(),
    securityLake: securityLakeSchema.optional(),
    s3Buckets: z.array(bucketSchema).optional(),
    kmsKeys: z.array(kmsKeySchema).optional(),
    /** The Glue Data Catalog resource policy; `null` when none is set. */
    glueResourcePolicy: policyDocumentSchema.nullable().optional(),
    lakeFormation: lakeFormationSchema.optional(),
    sqsQueues: z
      .array(z.object({ name: z.string(), arn: z.string(), policy: policyDocumentSchema.nullable().optional(), kmsKeyId: z.string().optional() }).strict())
      .optional(),
    athenaWorkGroups: z
      .array(z.object({ name: z.string(), outputLocation: z.string().optional(), state: z.string().optional() }).strict())
      .optional(),
    trails: z.array(trailSchema).optional(),
    cloudTrailEvents: z.array(cloudTrailEventSchema).optional(),
    resourceShares: z.array(resourceShareSchema).optional(),
    accessAnalyzer: z
      .object({
        analyzers: z.array(z.object({ arn: z.string(), name: z.string(), type: z.string(), status: z.string().optional() }).strict()),
        findings: z.array(z.record(z.string(), z.unknown())),
      })
      .strict()
      .optional(),
  })
  .strict();

export const accountSnapshotSchema = z
  .object({
    accountId,
    name: z.string().optional(),
    iam: iamSchema.optional(),
    credentialReport: z.array(credentialReportEntrySchema).optional(),
    regions: z.array(regionSnapshotSchema),
  })
  .strict();

/** Coverage states: whether a read succeeded, and if not, why. */
export const COVERAGE_STATES = [
  "collected",
  "empty",
  "denied",
  "throttled-out",
  "error",
  "not-enabled",
  "skipped",
  "missing",
] as const;

export const coverageEntrySchema = z
  .object({
    accountId: z.string(),
    /** A Region name, or `global` for IAM, Organizations and other global services. */
    region: z.string(),
    service: z.string(),
    operation: z.string(),
    /** The value that tells calls of the same operation apart (bucket name, policy id, ...). */
    param: z.string().optional(),
    state: z.enum(COVERAGE_STATES),
    errorCode: z.string().optional(),
    message: z.string().optional(),
  })
  .strict();

export const snapshotSchema = z
  .object({
    schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
    collectedAt: isoTime,
    source: z
      .object({
        kind: z.enum(["import", "collect", "authorization-details"]),
        /** The folder or file the snapshot was built from; absent for live collection. */
        path: z.string().optional(),
        runId: z.string().optional(),
      })
      .strict(),
    managementAccountId: accountId.optional(),
    organization: organizationSchema.optional(),
    accounts: z.array(accountSnapshotSchema),
    coverage: z.array(coverageEntrySchema),
  })
  .strict();

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type UndecodablePolicy = z.infer<typeof undecodablePolicySchema>;
export type IamUser = z.infer<typeof iamUserSchema>;
export type IamGroup = z.infer<typeof iamGroupSchema>;
export type IamRole = z.infer<typeof iamRoleSchema>;
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;
export type Iam = z.infer<typeof iamSchema>;
export type CredentialReportEntry = z.infer<typeof credentialReportEntrySchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type OrganizationPolicy = z.infer<typeof organizationPolicySchema>;
export type Subscriber = z.infer<typeof subscriberSchema>;
export type DataLake = z.infer<typeof dataLakeSchema>;
export type SecurityLake = z.infer<typeof securityLakeSchema>;
export type Bucket = z.infer<typeof bucketSchema>;
export type KmsKey = z.infer<typeof kmsKeySchema>;
export type LakeFormation = z.infer<typeof lakeFormationSchema>;
export type Trail = z.infer<typeof trailSchema>;
export type CloudTrailEvent = z.infer<typeof cloudTrailEventSchema>;
export type ResourceShare = z.infer<typeof resourceShareSchema>;
export type RegionSnapshot = z.infer<typeof regionSnapshotSchema>;
export type AccountSnapshot = z.infer<typeof accountSnapshotSchema>;
export type CoverageState = (typeof COVERAGE_STATES)[number];
export type CoverageEntry = z.infer<typeof coverageEntrySchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;

export function isUndecodable(document: PolicyDocument): document is UndecodablePolicy {
  return typeof document === "object" && document !== null && "undecodable" in document && Object.keys(document).length === 1;
}
