import type {
  AccountSnapshot,
  Bucket,
  CoverageEntry,
  DataLake,
  IamRole,
  IamUser,
  KmsKey,
  ResourceShare,
  Snapshot,
  Subscriber,
} from "../model/snapshot.js";

/** Something found in one account and Region of the snapshot. */
export interface Located<T> {
  accountId: string;
  region: string;
  item: T;
}

/** Lookups over a snapshot that several rules need, built once per audit. */
export interface LakeIndex {
  /** Member account ids; undefined when the organization was not read. */
  organizationAccounts?: ReadonlySet<string>;
  managementAccountId?: string;
  accounts: ReadonlyMap<string, AccountSnapshot>;
  roles: ReadonlyMap<string, Located<IamRole>>;
  users: ReadonlyMap<string, Located<IamUser>>;
  /** Data lakes that exist, because Security Lake returned a configuration for them. */
  dataLakes: Located<DataLake>[];
  /** Account and Region pairs whose data lake state was not read. */
  dataLakeUnread: string[];
  subscribers: Located<Subscriber>[];
  /** Regions with a data lake whose subscriber list was not read. */
  subscribersUnread: string[];
  buckets: ReadonlyMap<string, Located<Bucket>>;
  kmsKeys: Located<KmsKey>[];
  resourceShares: ReadonlyMap<string, Located<ResourceShare>>;
  /**
   * Security Lake's delegated administrator: an account id, `null` when none is registered,
   * undefined when the organization or its delegated administrators were not read.
   */
  delegatedAdministrator?: string | null;
  /** Accounts whose IAM was not read, so the access of their principals is unknown. */
  iamUnread: string[];
  /** Coverage entries that are not `collected`, `empty` or `not-enabled`. */
  coverageGaps: CoverageEntry[];
}

const SECURITY_LAKE_SERVICE = "securitylake.amazonaws.com";

/** Builds the index; linear in the size of the snapshot. */
export function indexSnapshot(snapshot: Snapshot): LakeIndex {
  const index = emptyIndex(snapshot);

  for (const account of snapshot.accounts) {
    index.accounts.set(account.accountId, account);
    indexIam(index, account);
    for (const region of account.regions) indexRegion(index, account.accountId, region);
  }

  // With no lake found, the delegated administrator's Regions whose lake state is absent were
  // never read, even when no coverage entry says so.
  const administrator = index.accounts.get(index.delegatedAdministrator ?? "");
  if (index.dataLakes.length === 0 && index.dataLakeUnread.length === 0 && administrator) {
    const absent = administrator.regions.filter((region) => region.securityLake?.dataLake === undefined);
    index.dataLakeUnread.push(...absent.map((region) => `${administrator.accountId}/${region.region}`));
  }
  return index;
}

type MutableIndex = LakeIndex & {
  accounts: Map<string, AccountSnapshot>;
  roles: Map<string, Located<IamRole>>;
  users: Map<string, Located<IamUser>>;
  buckets: Map<string, Located<Bucket>>;
  resourceShares: Map<string, Located<ResourceShare>>;
};

function emptyIndex(snapshot: Snapshot): MutableIndex {
  const organization = snapshot.organization;
  return {
    organizationAccounts: organization ? new Set(organization.accounts.map((account) => account.id)) : undefined,
    managementAccountId: organization?.managementAccountId ?? snapshot.managementAccountId,
    accounts: new Map(),
    roles: new Map(),
    users: new Map(),
    dataLakes: [],
    dataLakeUnread: [],
    subscribers: [],
    subscribersUnread: [],
    buckets: new Map(),
    kmsKeys: [],
    resourceShares: new Map(),
    iamUnread: [],
    delegatedAdministrator: delegatedAdministratorOf(snapshot),
    coverageGaps: snapshot.coverage.filter((entry) => !["collected", "empty", "not-enabled"].includes(entry.state)),
  };
}

function delegatedAdministratorOf(snapshot: Snapshot): string | null | undefined {
  const organization = snapshot.organization;
  if (!organization) return undefined;

  const unread = snapshot.coverage.some(
    (entry) => normalizeOperation(entry.operation) === "listdelegatedadministrators" && !["collected", "empty"].includes(entry.state),
  );
  const registered = organization.delegatedAdministrators.find((entry) => entry.servicePrincipal === SECURITY_LAKE_SERVICE);
  if (registered) return registered.accountId;
  return unread ? undefined : null;
}

/**
 * Whether an account and Region whose data lake state is absent counts as unread, because a
 * Security Lake coverage gap records a failed read there. Accounts that hold no lake need no
 * Security Lake reads, so absence alone is not a gap (see indexSnapshot for the delegated
 * administrator).
 */
function isLakeStateUnread(index: MutableIndex, accountId: string, region: string): boolean {
  return index.coverageGaps.some((entry) => entry.service === "securitylake" && entry.accountId === accountId && entry.region === region);
}

function indexIam(index: MutableIndex, account: AccountSnapshot): void {
  if (!account.iam) index.iamUnread.push(account.accountId);
  for (const role of account.iam?.roles ?? []) index.roles.set(role.arn, { accountId: account.accountId, region: "global", item: role });
  for (const user of account.iam?.users ?? []) index.users.set(user.arn, { accountId: account.accountId, region: "global", item: user });
}

function indexRegion(index: MutableIndex, accountId: string, region: AccountSnapshot["regions"][number]): void {
  const where = { accountId, region: region.region };
  const lake = region.securityLake;

  if (lake?.dataLake === undefined) {
    if (isLakeStateUnread(index, accountId, region.region)) index.dataLakeUnread.push(`${accountId}/${region.region}`);
  } else if (lake.dataLake !== null) {
    index.dataLakes.push({ ...where, item: lake.dataLake });
    if (lake.subscribers === undefined) index.subscribersUnread.push(`${accountId}/${region.region}`);
  }
  for (const subscriber of lake?.subscribers ?? []) index.subscribers.push({ ...where, item: subscriber });

  for (const bucket of region.s3Buckets ?? []) index.buckets.set(bucket.name, { ...where, item: bucket });
  for (const key of region.kmsKeys ?? []) index.kmsKeys.push({ ...where, item: key });
  for (const share of region.resourceShares ?? []) index.resourceShares.set(share.arn, { ...where, item: share });
}

/**
 * Returns the gaps of a rule that reads capability grants, which are the accounts whose IAM was
 * not read. The rule counts as assessed while at least one account's IAM was read.
 */
export function accessGaps(index: LakeIndex): { gaps: string[]; assessed: boolean } {
  const gaps = index.iamUnread.map((accountId) => `IAM of account ${accountId} not read, so its principals' access is unknown`);
  return { gaps, assessed: index.iamUnread.length < index.accounts.size };
}

/**
 * Coverage gaps of the named operations of a service. Operation names are compared without case,
 * hyphens or underscores, so `list-policies` and `ListPolicies` match.
 */
export function coverageGapsFor(index: LakeIndex, service: string, operations: readonly string[]): CoverageEntry[] {
  const expected = new Set(operations.map(normalizeOperation));
  return index.coverageGaps.filter((entry) => entry.service === service && expected.has(normalizeOperation(entry.operation)));
}

function normalizeOperation(operation: string): string {
  return operation.toLowerCase().replace(/[-_]/g, "");
}

/** Returns the bucket name of an S3 bucket ARN (`arn:aws:s3:::name`), or the value itself when it is a name. */
export function bucketName(arnOrName: string): string {
  return arnOrName.startsWith("arn:") ? arnOrName.slice(arnOrName.lastIndexOf(":") + 1) : arnOrName;
}

/** Finds the KMS key a data lake names, by key ARN, or by key id in the lake's account and Region. */
export function findKey(index: LakeIndex, lake: Located<DataLake>): Located<KmsKey> | undefined {
  const keyId = lake.item.kmsKeyId;
  if (!keyId || keyId === "S3_MANAGED_KEY") return undefined;
  return index.kmsKeys.find(
    (key) =>
      key.item.arn === keyId ||
      (key.item.keyId === keyId && key.accountId === lake.accountId && key.region === lake.region),
  );
}

/** Formats a coverage gap as one line, for a rule's not-assessed reasons. */
export function describeGap(entry: CoverageEntry): string {
  const param = entry.param ? ` (${entry.param})` : "";
  const code = entry.errorCode ? `: ${entry.errorCode}` : "";
  return `${entry.accountId}/${entry.region} ${entry.service}:${entry.operation}${param} ${entry.state}${code}`;
}

/** Returns the account id inside an ARN, or the value itself when it is a 12-digit account id. */
export function accountOf(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const match = /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(value);
  return match?.[1];
}
