import type { AccountSnapshot, CoverageEntry } from "../model/snapshot.js";
import { GLOBAL_FOLDER, exportFileStem } from "./layout.js";

/** One file the export should hold, named by its account, folder and stem. */
interface ExpectedFile {
  readonly accountId: string;
  readonly region: string;
  readonly service: string;
  readonly command: string;
  readonly param?: string;
  /** The IAM prefix and operation, for the coverage entry. */
  readonly iamPrefix: string;
  readonly operation: string;
}

/** The input of the expectation rules: the files present and what they contained. */
export interface ExportContents {
  /** File stems present, by account and folder. */
  readonly stems: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  readonly accounts: readonly AccountSnapshot[];
  /** Account folders holding Organizations files, in account order. */
  readonly organizationSources: readonly string[];
  /** Policy, root and OU ids that Organizations listed, even when the organization could not be built. */
  readonly policyIds: readonly string[];
  readonly parentIds: readonly string[];
  readonly listedAccounts: ReadonlyArray<{ id: string; status?: string }>;
  readonly securityLakeAdministrators: readonly string[];
  readonly managementAccountId: string | undefined;
  /** True when describe-organization failed with AWSOrganizationsNotInUseException (a standalone account). */
  readonly organizationNotInUse: boolean;
}

/** The Security Lake reads expected in each Region of the lake's administrator account. */
const LAKE_COMMANDS = [
  ["list-data-lakes", "ListDataLakes"],
  ["list-subscribers", "ListSubscribers"],
  ["list-log-sources", "ListLogSources"],
  ["get-data-lake-organization-configuration", "GetDataLakeOrganizationConfiguration"],
] as const;

/** The settings expected for each data lake bucket, in the bucket's Region folder. */
const BUCKET_COMMANDS = [
  ["get-bucket-policy", "GetBucketPolicy"],
  ["get-bucket-versioning", "GetBucketVersioning"],
  ["get-object-lock-configuration", "GetObjectLockConfiguration"],
  ["get-bucket-encryption", "GetBucketEncryption"],
  ["get-public-access-block", "GetPublicAccessBlock"],
] as const;

/**
 * Lists the expected files that are missing, as `missing` coverage entries. The rules, also in
 * docs/export-layout.md:
 * - authorization details in every account folder, and for every active account Organizations lists;
 * - the organization files, in the folder that read the organization or else in the management
 *   account that export.json names. These are describe-organization, list-accounts, list-roots,
 *   both policy lists and the Security Lake delegated administrators. The tree below every root
 *   and OU is expected too, with the content and targets of every policy listed;
 * - in the Security Lake administrator (the delegated administrator, and any account whose folder
 *   holds Security Lake files), the four Security Lake reads in every Region folder of the export;
 * - for each data lake read: its bucket's five settings, its KMS key's policy and description when
 *   the lake uses a customer key in the same account, and the Glue policy and Lake Formation
 *   settings and grants of its Region.
 */
export function missingFiles(contents: ExportContents): CoverageEntry[] {
  const expected = [...expectedIam(contents), ...expectedOrganization(contents), ...expectedLake(contents)];
  return expected.filter((file) => !isPresent(contents, file)).map(toMissingEntry);
}

function expectedIam(contents: ExportContents): ExpectedFile[] {
  const accountIds = new Set(contents.stems.keys());
  for (const account of contents.listedAccounts) {
    // Suspended and closing accounts cannot be read; only active ones are expected.
    if (account.status === undefined || account.status === "ACTIVE") accountIds.add(account.id);
  }
  return [...accountIds].map((accountId) => ({
    accountId,
    region: GLOBAL_FOLDER,
    service: "iam",
    command: "get-account-authorization-details",
    iamPrefix: "iam",
    operation: "GetAccountAuthorizationDetails",
  }));
}

function expectedOrganization(contents: ExportContents): ExpectedFile[] {
  const accountId = contents.organizationSources[0] ?? contents.managementAccountId;
  if (accountId === undefined || contents.organizationNotInUse) return [];

  const file = (command: string, operation: string, param?: string): ExpectedFile => ({
    accountId,
    region: GLOBAL_FOLDER,
    service: "organizations",
    command,
    iamPrefix: "organizations",
    operation,
    ...(param === undefined ? {} : { param }),
  });
  return [
    file("describe-organization", "DescribeOrganization"),
    file("list-accounts", "ListAccounts"),
    file("list-roots", "ListRoots"),
    file("list-policies", "ListPolicies", "SERVICE_CONTROL_POLICY"),
    file("list-policies", "ListPolicies", "RESOURCE_CONTROL_POLICY"),
    file("list-delegated-administrators", "ListDelegatedAdministrators", "securitylake.amazonaws.com"),
    ...contents.parentIds.flatMap((id) => [
      file("list-organizational-units-for-parent", "ListOrganizationalUnitsForParent", id),
      file("list-accounts-for-parent", "ListAccountsForParent", id),
    ]),
    ...contents.policyIds.flatMap((id) => [
      file("describe-policy", "DescribePolicy", id),
      file("list-targets-for-policy", "ListTargetsForPolicy", id),
    ]),
  ];
}

function expectedLake(contents: ExportContents): ExpectedFile[] {
  const lakeAccounts = new Set(contents.securityLakeAdministrators);
  for (const [accountId, folders] of contents.stems) {
    const holdsLakeFiles = [...folders.values()].some((stems) => [...stems].some((stem) => stem.startsWith("securitylake__")));
    if (holdsLakeFiles) lakeAccounts.add(accountId);
  }
  const regions = new Set<string>();
  for (const folders of contents.stems.values()) {
    for (const folder of folders.keys()) {
      if (folder !== GLOBAL_FOLDER) regions.add(folder);
    }
  }

  const expected: ExpectedFile[] = [];
  for (const accountId of lakeAccounts) {
    for (const region of regions) {
      for (const [command, operation] of LAKE_COMMANDS) {
        expected.push({ accountId, region, service: "securitylake", command, iamPrefix: "securitylake", operation });
      }
    }
    const account = contents.accounts.find((candidate) => candidate.accountId === accountId);
    for (const region of account?.regions ?? []) expected.push(...expectedForDataLake(accountId, region));
  }
  return expected;
}

function expectedForDataLake(accountId: string, region: AccountSnapshot["regions"][number]): ExpectedFile[] {
  const lake = region.securityLake?.dataLake;
  if (!lake) return [];

  const at = (service: string, iamPrefix: string, command: string, operation: string, param?: string): ExpectedFile => ({
    accountId,
    region: region.region,
    service,
    command,
    iamPrefix,
    operation,
    ...(param === undefined ? {} : { param }),
  });
  const expected = [
    at("glue", "glue", "get-resource-policy", "GetResourcePolicy"),
    at("lakeformation", "lakeformation", "get-data-lake-settings", "GetDataLakeSettings"),
    at("lakeformation", "lakeformation", "list-permissions", "ListPermissions"),
  ];

  const bucket = lake.s3BucketArn === undefined ? undefined : bucketNameOf(lake.s3BucketArn);
  if (bucket) for (const [command, operation] of BUCKET_COMMANDS) expected.push(at("s3api", "s3", command, operation, bucket));

  const keyId = lake.kmsKeyId === undefined ? undefined : keyIdInAccount(lake.kmsKeyId, accountId, region.region);
  if (keyId) {
    expected.push(at("kms", "kms", "get-key-policy", "GetKeyPolicy", keyId), at("kms", "kms", "describe-key", "DescribeKey", keyId));
  }
  return expected;
}

/** Returns the bucket name of an S3 ARN; a bare name (the CLI documentation shows one) passes through. */
function bucketNameOf(arnOrName: string): string | undefined {
  const name = arnOrName.startsWith("arn:") ? arnOrName.split(":").slice(5).join(":") : arnOrName;
  return name.length > 0 ? name : undefined;
}

/** Returns the id of a lake's KMS key when the key is in this account and Region; S3-managed keys have none. */
function keyIdInAccount(kmsKeyId: string, accountId: string, region: string): string | undefined {
  if (kmsKeyId === "S3_MANAGED_KEY" || kmsKeyId.startsWith("alias/")) return undefined;
  if (!kmsKeyId.startsWith("arn:")) return kmsKeyId;

  const [, , , keyRegion, keyAccount, resource] = kmsKeyId.split(":");
  if (keyRegion !== region || keyAccount !== accountId || !resource?.startsWith("key/")) return undefined;
  return resource.slice("key/".length);
}

function isPresent(contents: ExportContents, file: ExpectedFile): boolean {
  const stem = exportFileStem(file.service, file.command, file.param);
  // Organizations files count wherever they were read, since several folders may share the job.
  const accounts = file.service === "organizations" ? contents.organizationSources : [file.accountId];
  return accounts.some((accountId) => contents.stems.get(accountId)?.get(file.region)?.has(stem) ?? false);
}

function toMissingEntry(file: ExpectedFile): CoverageEntry {
  const stem = exportFileStem(file.service, file.command, file.param);
  return {
    accountId: file.accountId,
    region: file.region,
    service: file.iamPrefix,
    operation: file.operation,
    ...(file.param === undefined ? {} : { param: file.param }),
    state: "missing",
    message: `${file.accountId}/${file.region}/${stem}.json (or .error) is not in the export`,
  };
}
