import type { CapabilityGrant, PrincipalRef } from "../../src/evaluator/access.js";
import type { Baseline } from "../../src/findings/baseline.js";
import type { AccountSnapshot, IamRole, Snapshot } from "../../src/model/snapshot.js";
import { SNAPSHOT_SCHEMA_VERSION, snapshotSchema } from "../../src/model/snapshot.js";

/**
 * A small organization whose lake passes every rule against cleanBaseline(): management account
 * 111111111111, log archive 222222222222 (delegated administrator, runs the lake in us-east-1),
 * security 333333333333 (the approved subscriber), workload 444444444444.
 */
export const MANAGEMENT = "111111111111";
export const LOG_ARCHIVE = "222222222222";
export const SECURITY = "333333333333";
export const WORKLOAD = "444444444444";
export const PARTNER = "555566667777";
export const STRANGER = "999988887777";

export const REGION = "us-east-1";
export const LAKE_ARN = `arn:aws:securitylake:${REGION}:${LOG_ARCHIVE}:data-lake/default`;
export const BUCKET = "aws-security-data-lake-us-east-1-abc123";
export const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
export const KEY_ARN = `arn:aws:kms:${REGION}:${LOG_ARCHIVE}:key/1111aaaa-2222-bbbb-3333-cccc4444dddd`;
export const ADMIN_ROLE = `arn:aws:iam::${LOG_ARCHIVE}:role/SecurityLakeAdmin`;
export const ANALYST_ROLE = `arn:aws:iam::${SECURITY}:role/SecurityAnalyst`;
export const SUBSCRIBER_ROLE = `arn:aws:iam::${LOG_ARCHIVE}:role/AmazonSecurityLake-sub-s3`;
export const SHARE_ARN = `arn:aws:ram:${REGION}:${LOG_ARCHIVE}:resource-share/share-1`;
export const ORG_ID = "o-abc123";
export const EXTERNAL_ID = "ext-id-123";

const emptyIam = () => ({ users: [], groups: [], roles: [], policies: [] });

function role(arn: string, trustPolicy: Record<string, unknown>, extra: Partial<IamRole> = {}): IamRole {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  return {
    arn,
    name,
    id: `AROA${name.toUpperCase().replace(/[^A-Z]/g, "").slice(0, 10)}`,
    path: "/",
    trustPolicy,
    attachedPolicies: [],
    inlinePolicies: [],
    tags: {},
    instanceProfiles: [],
    ...extra,
  };
}

function trust(principal: unknown, condition?: Record<string, unknown>) {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
  };
}

/** Builds a fresh clean snapshot; tests change a copy to plant one risk. */
export function cleanSnapshot(): Snapshot {
  const logArchive: AccountSnapshot = {
    accountId: LOG_ARCHIVE,
    name: "log-archive",
    iam: {
      ...emptyIam(),
      roles: [
        role(ADMIN_ROLE, trust({ AWS: `arn:aws:iam::${LOG_ARCHIVE}:root` })),
        role(SUBSCRIBER_ROLE, trust({ AWS: `arn:aws:iam::${SECURITY}:root` }, { StringEquals: { "sts:ExternalId": EXTERNAL_ID } }), {
          permissionsBoundary: "arn:aws:iam::aws:policy/AmazonSecurityLakePermissionsBoundary",
          inlinePolicies: [{ name: "AmazonSecurityLake-sub-s3", document: { Version: "2012-10-17", Statement: [] } }],
        }),
      ],
    },
    credentialReport: [],
    regions: [
      {
        region: REGION,
        securityLake: {
          dataLake: {
            dataLakeArn: LAKE_ARN,
            region: REGION,
            s3BucketArn: BUCKET_ARN,
            kmsKeyId: KEY_ARN,
            expirationDays: 400,
            transitions: [],
            replicationRegions: [],
          },
          subscribers: [
            {
              subscriberId: "sub-s3",
              subscriberArn: `arn:aws:securitylake:${REGION}:${LOG_ARCHIVE}:subscriber/sub-s3`,
              subscriberName: "security-s3",
              subscriberIdentity: { principal: SECURITY, externalId: EXTERNAL_ID },
              accessTypes: ["S3"],
              sources: [{ awsLogSource: { sourceName: "CLOUD_TRAIL_MGMT" } }],
              roleArn: SUBSCRIBER_ROLE,
              subscriberEndpoint: "https://hooks.siem.example.com/lake",
            },
            {
              subscriberId: "sub-lf",
              subscriberArn: `arn:aws:securitylake:${REGION}:${LOG_ARCHIVE}:subscriber/sub-lf`,
              subscriberName: "security-query",
              subscriberIdentity: { principal: SECURITY, externalId: EXTERNAL_ID },
              accessTypes: ["LAKEFORMATION"],
              sources: [{ awsLogSource: { sourceName: "SH_FINDINGS" } }],
              resourceShareArn: SHARE_ARN,
            },
          ],
          logSources: [MANAGEMENT, LOG_ARCHIVE, SECURITY, WORKLOAD].map((account) => ({
            account,
            region: REGION,
            sources: [{ awsLogSource: { sourceName: "CLOUD_TRAIL_MGMT" } }],
          })),
          organizationConfiguration: { autoEnableNewAccount: [{ region: REGION, sources: [{ sourceName: "CLOUD_TRAIL_MGMT" }] }] },
        },
        s3Buckets: [
          {
            name: BUCKET,
            arn: BUCKET_ARN,
            policy: {
              Version: "2012-10-17",
              Statement: [
                { Sid: "DenyInsecure", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: `${BUCKET_ARN}/*`, Condition: { Bool: { "aws:SecureTransport": "false" } } },
                { Sid: "OrgRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${BUCKET_ARN}/*`, Condition: { StringEquals: { "aws:PrincipalOrgID": ORG_ID } } },
              ],
            },
            versioning: { status: "Enabled" },
            objectLock: { enabled: true, mode: "GOVERNANCE", days: 365 },
          },
        ],
        kmsKeys: [
          {
            keyId: "1111aaaa-2222-bbbb-3333-cccc4444dddd",
            arn: KEY_ARN,
            keyManager: "CUSTOMER",
            policy: {
              Version: "2012-10-17",
              Statement: [{ Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${LOG_ARCHIVE}:root` }, Action: "kms:*", Resource: "*" }],
            },
          },
        ],
        resourceShares: [{ arn: SHARE_ARN, name: "LakeFormation-V3-ABC-333333333333", owningAccountId: LOG_ARCHIVE, principals: [SECURITY] }],
      },
    ],
  };

  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: "2026-12-01T00:00:00Z",
    source: { kind: "import", path: "test" },
    managementAccountId: MANAGEMENT,
    organization: {
      id: ORG_ID,
      arn: `arn:aws:organizations::${MANAGEMENT}:organization/${ORG_ID}`,
      managementAccountId: MANAGEMENT,
      roots: [{ id: "r-root", arn: "arn:aws:organizations::111111111111:root/o-abc123/r-root", name: "Root" }],
      organizationalUnits: [{ id: "ou-sec", arn: "arn:aws:organizations::111111111111:ou/o-abc123/ou-sec", name: "Security", parentId: "r-root" }],
      accounts: [
        { id: MANAGEMENT, arn: "arn:1", name: "management", status: "ACTIVE", parentId: "r-root" },
        { id: LOG_ARCHIVE, arn: "arn:2", name: "log-archive", status: "ACTIVE", parentId: "ou-sec" },
        { id: SECURITY, arn: "arn:3", name: "security", status: "ACTIVE", parentId: "ou-sec" },
        { id: WORKLOAD, arn: "arn:4", name: "workload", status: "ACTIVE", parentId: "r-root" },
      ],
      policies: [
        {
          id: "p-lake",
          arn: "arn:aws:organizations::111111111111:policy/o-abc123/service_control_policy/p-lake",
          name: "protect-security-lake",
          type: "SERVICE_CONTROL_POLICY",
          awsManaged: false,
          document: {
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "ProtectLake",
                Effect: "Deny",
                Action: ["securitylake:Delete*", "organizations:LeaveOrganization"],
                Resource: "*",
                Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass" } },
              },
            ],
          },
          targets: [{ targetId: "ou-sec", type: "ORGANIZATIONAL_UNIT" }],
        },
      ],
      delegatedAdministrators: [{ servicePrincipal: "securitylake.amazonaws.com", accountId: LOG_ARCHIVE }],
    },
    accounts: [
      { accountId: MANAGEMENT, iam: emptyIam(), credentialReport: [], regions: [] },
      logArchive,
      { accountId: SECURITY, iam: { ...emptyIam(), roles: [role(ANALYST_ROLE, trust({ AWS: `arn:aws:iam::${SECURITY}:root` }))] }, credentialReport: [], regions: [] },
      { accountId: WORKLOAD, iam: emptyIam(), credentialReport: [], regions: [] },
    ],
    coverage: [],
  };
  return snapshotSchema.parse(snapshot);
}

/** Builds the baseline that approves everything in cleanSnapshot. */
export function cleanBaseline(): Baseline {
  return {
    version: 1,
    delegatedAdministrator: LOG_ARCHIVE,
    lake: { minimumRetentionDays: 365, requireCustomerManagedKey: true },
    approvedSubscribers: [{ accountId: SECURITY, accessTypes: ["S3", "LAKEFORMATION"], sources: ["CLOUD_TRAIL_MGMT", "SH_FINDINGS"] }],
    approvedPrincipals: {
      "lake.administer": [ADMIN_ROLE],
      "lake.blind": [ADMIN_ROLE],
      "lake.tamper": [ADMIN_ROLE],
      "lake.read": [ANALYST_ROLE, ADMIN_ROLE],
      "subscriber.manage": [ADMIN_ROLE],
      "lf.grant": [ADMIN_ROLE],
    },
    allowedExternalAccounts: [{ accountId: PARTNER, name: "MSSP" }],
    allowedNotificationDomains: ["siem.example.com"],
  };
}

/** Builds a principal reference for grants. */
export function principal(id: string, overrides: Partial<PrincipalRef> = {}): PrincipalRef {
  const accountId = /:(\d{12}):/.exec(id)?.[1];
  const kind = id.includes(":user/") ? "user" : id.endsWith(":root") ? "account" : "role";
  return { id, kind, label: id.slice(id.lastIndexOf("/") + 1), inOrganization: true, ...(accountId ? { accountId } : {}), ...overrides };
}

/** Builds a one-step grant of `capability` to `holder`, through an identity policy statement. */
export function grant(capability: string, holder: PrincipalRef, overrides: Partial<CapabilityGrant> = {}): CapabilityGrant {
  return {
    capability,
    principal: holder,
    decision: "allowed",
    path: [
      {
        from: holder.id,
        to: LAKE_ARN,
        edge: "capability",
        description: `${holder.label} holds ${capability}`,
        statements: [{ policy: { type: "identity", id: `${holder.id}#inline` }, index: 1, effect: "Allow" }],
      },
    ],
    resources: [LAKE_ARN],
    ...overrides,
  };
}

/** Builds the grants of the clean organization, where the admin role administers and the analyst reads. */
export function cleanGrants(): CapabilityGrant[] {
  const admin = principal(ADMIN_ROLE);
  return [
    ...["lake.administer", "lake.blind", "lake.tamper", "lake.read", "subscriber.manage", "lf.grant"].map((capability) => grant(capability, admin)),
    grant("lake.read", principal(ANALYST_ROLE)),
    grant("lake.read", principal(SUBSCRIBER_ROLE)),
  ];
}

/** Returns the log archive account of a snapshot, to change in place. */
export function logArchiveOf(snapshot: Snapshot): AccountSnapshot {
  const account = snapshot.accounts.find((entry) => entry.accountId === LOG_ARCHIVE);
  if (!account) throw new Error("test snapshot has no log archive account");
  return account;
}

/** Returns the us-east-1 Region of the log archive account. */
export function lakeRegionOf(snapshot: Snapshot) {
  const region = logArchiveOf(snapshot).regions[0];
  if (!region) throw new Error("test snapshot has no lake Region");
  return region;
}
