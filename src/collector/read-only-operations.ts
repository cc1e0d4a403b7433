/**
 * The one list of AWS operations the collector may call. The client factory rejects every other
 * operation before a request is signed, and every AssumeRole passes a session policy built from
 * this list, so a session stays read-only even when the customer's audit role is broader.
 *
 * Only metadata reads are here: no data read (s3:GetObject, lakeformation:GetDataAccess), no
 * credential read (sts:GetSessionToken, secret values) and no write. Wildcards such as `Get*`
 * are never used because they would admit data reads.
 */

/** One allowed operation: the SDK service, the API operation and the IAM action that authorizes it. */
export interface ReadOnlyOperation {
  /** The SDK client folder name (`iam`, `securitylake`, `accessanalyzer`). */
  readonly service: string;
  /** The API operation name, as the SDK's command is named without the `Command` suffix. */
  readonly operation: string;
  /** The IAM action, `prefix:Name`; S3 and Access Analyzer authorize some operations under another name. */
  readonly action: string;
}

function reads(service: string, prefix: string, operations: readonly (string | [string, string])[]): ReadOnlyOperation[] {
  return operations.map((entry) => {
    const [operation, actionName] = typeof entry === "string" ? [entry, entry] : entry;
    return { service, operation, action: `${prefix}:${actionName}` };
  });
}

export const READ_ONLY_OPERATIONS: readonly ReadOnlyOperation[] = [
  ...reads("sts", "sts", ["AssumeRole", "GetCallerIdentity"]),
  ...reads("iam", "iam", ["GetAccountAuthorizationDetails", "GenerateCredentialReport", "GetCredentialReport"]),
  ...reads("organizations", "organizations", [
    "DescribeOrganization",
    "ListAccounts",
    "ListRoots",
    "ListOrganizationalUnitsForParent",
    "ListAccountsForParent",
    "ListPolicies",
    "DescribePolicy",
    "ListTargetsForPolicy",
    "ListDelegatedAdministrators",
  ]),
  ...reads("securitylake", "securitylake", [
    "ListDataLakes",
    "ListSubscribers",
    "ListLogSources",
    "GetDataLakeOrganizationConfiguration",
  ]),
  // S3 authorizes several bucket reads under action names that differ from the API operation.
  ...reads("s3", "s3", [
    "GetBucketPolicy",
    "GetBucketVersioning",
    ["GetObjectLockConfiguration", "GetBucketObjectLockConfiguration"],
    ["GetBucketEncryption", "GetEncryptionConfiguration"],
    ["GetPublicAccessBlock", "GetBucketPublicAccessBlock"],
  ]),
  ...reads("kms", "kms", ["DescribeKey", "GetKeyPolicy", "ListGrants"]),
  ...reads("glue", "glue", ["GetResourcePolicy"]),
  ...reads("lakeformation", "lakeformation", ["GetDataLakeSettings", "ListPermissions"]),
  ...reads("sqs", "sqs", ["ListQueues", "GetQueueAttributes"]),
  ...reads("cloudtrail", "cloudtrail", ["DescribeTrails", "GetEventSelectors", "LookupEvents"]),
  ...reads("ram", "ram", ["GetResourceShares", "ListPrincipals", "ListResources"]),
  // ListFindingsV2 is authorized by access-analyzer:ListFindings (Access Analyzer API reference).
  ...reads("accessanalyzer", "access-analyzer", ["ListAnalyzers", ["ListFindingsV2", "ListFindings"]]),
];

const ALLOWED = new Set(READ_ONLY_OPERATIONS.map((entry) => `${entry.service}:${entry.operation}`));

/** Tells whether the collector may call `operation` of `service` (the SDK client folder name). */
export function isReadOnlyOperation(service: string, operation: string): boolean {
  return ALLOWED.has(`${service}:${operation}`);
}

/** Returns the IAM actions of the list, sorted and without duplicates. */
export function readOnlyActions(): string[] {
  return [...new Set(READ_ONLY_OPERATIONS.map((entry) => entry.action))].sort();
}

/**
 * Builds the session policy every AssumeRole passes. Session permissions are the intersection of the
 * role's policies and this one, so the session can never do more than the list allows. STS
 * actions stay out: a member-account session has no reason to chain into further roles, and
 * GetCallerIdentity needs no permission.
 */
export function readOnlySessionPolicy(): string {
  const actions = readOnlyActions().filter((action) => !action.startsWith("sts:"));
  const statement = { Sid: "LakewardenReadOnly", Effect: "Allow", Action: actions, Resource: "*" };
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
}
