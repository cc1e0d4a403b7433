/**
 * The fake's data set: a three-account organization with a Security Lake data lake in the
 * delegated administrator account. Tests change fields (page sizes, throttles, denials) before
 * starting the fake. Every value is in the shape the AWS API returns.
 */
export const MANAGEMENT = "111111111111";
export const LAKE_ACCOUNT = "222222222222";
export const DENIED = "333333333333";
export const LAKE_REGION = "us-east-1";
export const NO_LAKE_REGION = "eu-west-1";
export const ORG_ROLE = "LakewardenAudit";
export const LAKE_BUCKET = "aws-security-data-lake-us-east-1-abc123";
export const LAKE_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

type Json = Record<string, unknown>;

export interface FakeWorld {
  managementAccountId: string;
  accounts: { Id: string; Arn: string; Name: string; Email: string; Status: string; JoinedMethod: string; parentId: string }[];
  roots: { Id: string; Arn: string; Name: string }[];
  organizationalUnits: { Id: string; Arn: string; Name: string; parentId: string }[];
  policies: { summary: Json; content: string; targets: Json[] }[];
  lakeAdminAccountId: string;
  /** Accounts whose audit role refuses AssumeRole. */
  deniedAssumeRole: Set<string>;
  /** Authorization details per account; policy documents URL-encoded as IAM returns them. */
  iam: Record<string, { UserDetailList: Json[]; GroupDetailList: Json[]; RoleDetailList: Json[]; Policies: Json[] }>;
  dataLakes: Json[];
  subscribers: Json[];
  logSources: Json[];
  organizationConfiguration: Json;
  buckets: Record<string, { policy?: string; versioning?: string; objectLockDays?: number; kmsKeyArn?: string; publicAccessBlock?: boolean }>;
  kmsKeys: Record<string, { policy: string; grants: Json[] }>;
  lakeFormationSettings: Json;
  lakeFormationPermissions: Json[];
  queues: Record<string, Record<string, string>>;
  events: Json[];
  /** Trails as DescribeTrails lists them from the lake account, shadow copies included. */
  trails: { Name: string; TrailARN: string; HomeRegion: string; S3BucketName: string; IsMultiRegionTrail: boolean; IsOrganizationTrail: boolean; LogFileValidationEnabled: boolean }[];
  /** Credential report CSV per account. */
  credentialReports: Record<string, string>;
  resourceShares: Json[];
  analyzers: Json[];
  findings: Json[];
  /** Items per page, per operation; 100 when absent. */
  pageSizes: Record<string, number>;
  /** Throttling errors still to return, per operation, before it succeeds. */
  throttles: Record<string, number>;
  /** Operations whose every page points back to the first page. */
  repeatToken: Set<string>;
  /** Operations an SCP denies, answered with AccessDenied in the "explicit deny" form. */
  deniedOperations: Set<string>;
  /** Operations whose first page is empty but carries a token, as some services return. */
  emptyFirstPage: Set<string>;
  /** Milliseconds the fake waits before it responds, so overlapping requests can be observed. */
  latencyMs: number;
}

/** Returns a trust policy that lets `principal` assume the role. */
export function trustPolicy(principal: string): Json {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }] };
}

/** Returns `count` roles for `accountId`, each with an inline policy, as IAM returns them. */
export function roles(accountId: string, count: number): Json[] {
  return Array.from({ length: count }, (_, index) => ({
    Path: "/",
    RoleName: `role-${index}`,
    RoleId: `AROA${accountId}${index}`,
    Arn: `arn:aws:iam::${accountId}:role/role-${index}`,
    CreateDate: new Date("2024-01-01T00:00:00Z"),
    AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trustPolicy(`arn:aws:iam::${MANAGEMENT}:root`))),
    InstanceProfileList: [],
    RolePolicyList: [{ PolicyName: "read-lake", PolicyDocument: encodeURIComponent(JSON.stringify(readPolicy())) }],
    AttachedManagedPolicies: [],
    Tags: [],
  }));
}

function readPolicy(): Json {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${LAKE_BUCKET}/*` }] };
}

function iamOf(accountId: string, roleCount: number): FakeWorld["iam"][string] {
  return {
    UserDetailList: [
      {
        Path: "/",
        UserName: "auditor",
        UserId: `AIDA${accountId}`,
        Arn: `arn:aws:iam::${accountId}:user/auditor`,
        CreateDate: new Date("2024-01-01T00:00:00Z"),
        UserPolicyList: [],
        GroupList: ["admins"],
        AttachedManagedPolicies: [{ PolicyName: "SecurityAudit", PolicyArn: "arn:aws:iam::aws:policy/SecurityAudit" }],
        Tags: [{ Key: "team", Value: "security" }],
      },
    ],
    GroupDetailList: [
      { Path: "/", GroupName: "admins", GroupId: `AGPA${accountId}`, Arn: `arn:aws:iam::${accountId}:group/admins`, GroupPolicyList: [], AttachedManagedPolicies: [] },
    ],
    RoleDetailList: roles(accountId, roleCount),
    Policies: [],
  };
}

function account(id: string, name: string, parentId: string) {
  return { Id: id, Arn: `arn:aws:organizations::${MANAGEMENT}:account/o-fake/${id}`, Name: name, Email: `${name}@example.com`, Status: "ACTIVE", JoinedMethod: "CREATED", parentId };
}

/** Builds the default data set: three accounts, a lake in us-east-1 and none in eu-west-1. */
export function buildWorld(): FakeWorld {
  const rootId = "r-fake";
  const securityOu = "ou-fake-security";
  const lakeArn = `arn:aws:securitylake:${LAKE_REGION}:${LAKE_ACCOUNT}:data-lake/default`;
  const keyArn = `arn:aws:kms:${LAKE_REGION}:${LAKE_ACCOUNT}:key/${LAKE_KEY_ID}`;
  const subscriberRole = `arn:aws:iam::${LAKE_ACCOUNT}:role/AmazonSecurityLake-partner`;
  return {
    managementAccountId: MANAGEMENT,
    accounts: [account(MANAGEMENT, "management", rootId), account(LAKE_ACCOUNT, "log-archive", securityOu), account(DENIED, "workloads", rootId)],
    roots: [{ Id: rootId, Arn: `arn:aws:organizations::${MANAGEMENT}:root/o-fake/${rootId}`, Name: "Root" }],
    organizationalUnits: [{ Id: securityOu, Arn: `arn:aws:organizations::${MANAGEMENT}:ou/o-fake/${securityOu}`, Name: "Security", parentId: rootId }],
    policies: [
      {
        summary: { Id: "p-protectlake", Arn: `arn:aws:organizations::${MANAGEMENT}:policy/o-fake/service_control_policy/p-protectlake`, Name: "protect-lake", Description: "", Type: "SERVICE_CONTROL_POLICY", AwsManaged: false },
        content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "securitylake:DeleteDataLake", Resource: "*" }] }),
        targets: [{ TargetId: securityOu, Arn: `arn:aws:organizations::${MANAGEMENT}:ou/o-fake/${securityOu}`, Name: "Security", Type: "ORGANIZATIONAL_UNIT" }],
      },
    ],
    lakeAdminAccountId: LAKE_ACCOUNT,
    deniedAssumeRole: new Set([DENIED]),
    iam: { [MANAGEMENT]: iamOf(MANAGEMENT, 2), [LAKE_ACCOUNT]: iamOf(LAKE_ACCOUNT, 3), [DENIED]: iamOf(DENIED, 1) },
    dataLakes: [
      {
        dataLakeArn: lakeArn,
        region: LAKE_REGION,
        s3BucketArn: `arn:aws:s3:::${LAKE_BUCKET}`,
        encryptionConfiguration: { kmsKeyId: keyArn },
        lifecycleConfiguration: { expiration: { days: 365 }, transitions: [{ days: 30, storageClass: "STANDARD_IA" }] },
        replicationConfiguration: { regions: [], roleArn: undefined },
        createStatus: "COMPLETED",
      },
    ],
    subscribers: [1, 2, 3, 4, 5].map((index) => ({
      subscriberId: `sub-${index}`,
      subscriberArn: `arn:aws:securitylake:${LAKE_REGION}:${LAKE_ACCOUNT}:subscriber/sub-${index}`,
      subscriberName: `partner-${index}`,
      subscriberIdentity: { principal: "999999999999", externalId: `external-${index}` },
      accessTypes: ["S3"],
      sources: [{ awsLogSource: { sourceName: "CLOUD_TRAIL_MGMT", sourceVersion: "2.0" } }],
      roleArn: subscriberRole,
      s3BucketArn: `arn:aws:s3:::${LAKE_BUCKET}`,
      subscriberStatus: "ACTIVE",
      createdAt: new Date("2024-03-01T00:00:00Z"),
    })),
    logSources: [{ account: LAKE_ACCOUNT, region: LAKE_REGION, sources: [{ awsLogSource: { sourceName: "CLOUD_TRAIL_MGMT", sourceVersion: "2.0" } }] }],
    organizationConfiguration: { autoEnableNewAccount: [{ region: LAKE_REGION, sources: [{ sourceName: "CLOUD_TRAIL_MGMT", sourceVersion: "2.0" }] }] },
    buckets: {
      [LAKE_BUCKET]: {
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "DenyInsecure", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: `arn:aws:s3:::${LAKE_BUCKET}/*`, Condition: { Bool: { "aws:SecureTransport": "false" } } }] }),
        versioning: "Enabled",
        kmsKeyArn: keyArn,
        publicAccessBlock: true,
      },
    },
    kmsKeys: {
      [LAKE_KEY_ID]: {
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${LAKE_ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }] }),
        grants: [{ GrantId: "grant-1", KeyId: keyArn, GranteePrincipal: subscriberRole, Operations: ["Decrypt"], IssuingAccount: `arn:aws:iam::${LAKE_ACCOUNT}:root` }],
      },
    },
    lakeFormationSettings: { DataLakeAdmins: [{ DataLakePrincipalIdentifier: `arn:aws:iam::${LAKE_ACCOUNT}:role/lake-admin` }], ReadOnlyAdmins: [], CreateDatabaseDefaultPermissions: [], CreateTableDefaultPermissions: [], TrustedResourceOwners: [] },
    lakeFormationPermissions: [
      {
        Principal: { DataLakePrincipalIdentifier: subscriberRole },
        Resource: { Database: { CatalogId: LAKE_ACCOUNT, Name: "amazon_security_lake_glue_db_us_east_1" } },
        Permissions: ["DESCRIBE"],
        PermissionsWithGrantOption: [],
      },
    ],
    queues: {
      [`https://sqs.${LAKE_REGION}.amazonaws.com/${LAKE_ACCOUNT}/AmazonSecurityLake-partner-1-Main-Queue`]: {
        QueueArn: `arn:aws:sqs:${LAKE_REGION}:${LAKE_ACCOUNT}:AmazonSecurityLake-partner-1-Main-Queue`,
        Policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sqs:SendMessage", Resource: "*" }] }),
      },
    },
    events: [
      {
        EventId: "event-1",
        EventName: "CreateSubscriber",
        EventTime: new Date("2026-12-01T10:00:00Z"),
        EventSource: "securitylake.amazonaws.com",
        Username: "admin",
        CloudTrailEvent: JSON.stringify({ eventName: "CreateSubscriber", requestParameters: { subscriberName: "partner-1" } }),
      },
    ],
    trails: [
      {
        Name: "org-trail",
        TrailARN: `arn:aws:cloudtrail:${LAKE_REGION}:${MANAGEMENT}:trail/org-trail`,
        HomeRegion: LAKE_REGION,
        S3BucketName: "org-trail-logs",
        IsMultiRegionTrail: true,
        IsOrganizationTrail: true,
        LogFileValidationEnabled: true,
      },
    ],
    credentialReports: Object.fromEntries([MANAGEMENT, LAKE_ACCOUNT, DENIED].map((id) => [id, credentialReport(id)])),
    resourceShares: [
      { resourceShareArn: `arn:aws:ram:${LAKE_REGION}:${LAKE_ACCOUNT}:resource-share/share-1`, name: "LakeFormation-V3-share", owningAccountId: LAKE_ACCOUNT, allowExternalPrincipals: true, status: "ACTIVE" },
    ],
    analyzers: [{ arn: `arn:aws:access-analyzer:${LAKE_REGION}:${LAKE_ACCOUNT}:analyzer/org-analyzer`, name: "org-analyzer", type: "ORGANIZATION", status: "ACTIVE", createdAt: new Date("2024-01-01T00:00:00Z") }],
    findings: [
      {
        id: "finding-1",
        resource: `arn:aws:s3:::${LAKE_BUCKET}`,
        resourceType: "AWS::S3::Bucket",
        resourceOwnerAccount: LAKE_ACCOUNT,
        status: "ACTIVE",
        findingType: "ExternalAccess",
        analyzedAt: new Date("2026-12-01T00:00:00Z"),
        createdAt: new Date("2026-12-01T00:00:00Z"),
        updatedAt: new Date("2026-12-01T00:00:00Z"),
      },
    ],
    pageSizes: {},
    throttles: {},
    repeatToken: new Set(),
    emptyFirstPage: new Set(),
    deniedOperations: new Set(),
    latencyMs: 0,
  };
}

/** Adds `count` member accounts under the root, each with a few roles, to show fan-out limits. */
export function addMemberAccounts(world: FakeWorld, count: number): string[] {
  const added: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = String(444444444400 + index);
    world.accounts.push(account(id, `member-${index}`, world.roots[0]?.Id ?? "r-fake"));
    world.iam[id] = iamOf(id, 2);
    added.push(id);
  }
  return added;
}

/** Returns a credential report CSV with the root account and one user, in IAM's column order. */
export function credentialReport(accountId: string): string {
  const header =
    "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
    "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
    "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
    "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
  const root = `<root_account>,arn:aws:iam::${accountId}:root,2024-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
  const user = `auditor,arn:aws:iam::${accountId}:user/auditor,2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2024-01-01T00:00:00+00:00,2026-12-01T00:00:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
  return [header, root, user].join("\n") + "\n";
}
