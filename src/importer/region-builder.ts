import type {
  AccountSnapshot,
  Bucket,
  CloudTrailEvent,
  CredentialReportEntry,
  Iam,
  KmsKey,
  LakeFormation,
  PolicyDocument,
  RegionSnapshot,
  ResourceShare,
  SecurityLake,
  Trail,
} from "../model/snapshot.js";

type SqsQueue = NonNullable<RegionSnapshot["sqsQueues"]>[number];
type AthenaWorkGroup = NonNullable<RegionSnapshot["athenaWorkGroups"]>[number];
type Analyzer = NonNullable<RegionSnapshot["accessAnalyzer"]>["analyzers"][number];
type ManagementEvents = NonNullable<Trail["managementEvents"]>;
/** RAM's two views: shares this account owns, and shares other accounts give it. */
export type ResourceOwner = "SELF" | "OTHER-ACCOUNTS";

/**
 * The pieces of one Region read so far. Each field stays undefined until a file fills it, so
 * the built snapshot keeps "absent = not read" apart from "empty" and "`null` = not configured".
 */
export class RegionBuilder {
  securityLake: SecurityLake | undefined;
  readonly buckets = new Map<string, Bucket>();
  readonly kmsKeys = new Map<string, KmsKey>();
  glueResourcePolicy: PolicyDocument | null | undefined;
  lakeFormation: LakeFormation | undefined;
  readonly sqsQueues = new Map<string, SqsQueue>();
  readonly athenaWorkGroups = new Map<string, AthenaWorkGroup>();
  trails: Map<string, Trail> | undefined;
  /** Management-event selectors by trail name or ARN, joined with the trails when built. */
  readonly trailSelectors = new Map<string, ManagementEvents>();
  cloudTrailEvents: Map<string, CloudTrailEvent> | undefined;
  readonly resourceShares = new Map<string, ResourceShare>();
  readonly sharesRead = new Set<ResourceOwner>();
  readonly sharePrincipals = new Map<string, Set<string>>();
  readonly sharePrincipalsRead = new Set<ResourceOwner>();
  readonly shareResources = new Map<string, Set<string>>();
  readonly shareResourcesRead = new Set<ResourceOwner>();
  readonly shareOwners = new Map<string, ResourceOwner>();
  analyzers: Map<string, Analyzer> | undefined;
  readonly analyzerFindings = new Map<string, Record<string, unknown>>();
  analyzerFindingsRead = false;

  constructor(readonly region: string) {}

  /** Returns the Security Lake part, created on first use. */
  lake(): SecurityLake {
    this.securityLake ??= {};
    return this.securityLake;
  }

  /** Returns the bucket named `name`, created on first use. */
  bucket(name: string, partition: string): Bucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = { name, arn: `arn:${partition}:s3:::${name}` };
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  /** Returns the KMS key with id `keyId`, created on first use with the ARN its folder implies. */
  kmsKey(keyId: string, accountId: string, partition: string): KmsKey {
    let key = this.kmsKeys.get(keyId);
    if (!key) {
      key = { keyId, arn: `arn:${partition}:kms:${this.region}:${accountId}:key/${keyId}` };
      this.kmsKeys.set(keyId, key);
    }
    return key;
  }

  /** Returns the Lake Formation part, created on first use. */
  lakeFormationPart(): LakeFormation {
    this.lakeFormation ??= {};
    return this.lakeFormation;
  }

  build(): RegionSnapshot {
    const snapshot: RegionSnapshot = { region: this.region };
    if (this.securityLake) snapshot.securityLake = buildSecurityLake(this.securityLake);
    if (this.buckets.size > 0) snapshot.s3Buckets = sortedValues(this.buckets);
    if (this.kmsKeys.size > 0) snapshot.kmsKeys = sortedValues(this.kmsKeys).map(buildKmsKey);
    if (this.glueResourcePolicy !== undefined) snapshot.glueResourcePolicy = this.glueResourcePolicy;
    if (this.lakeFormation) snapshot.lakeFormation = buildLakeFormation(this.lakeFormation);
    if (this.sqsQueues.size > 0) snapshot.sqsQueues = sortedValues(this.sqsQueues);
    if (this.athenaWorkGroups.size > 0) snapshot.athenaWorkGroups = sortedValues(this.athenaWorkGroups);
    if (this.trails) snapshot.trails = this.buildTrails(this.trails);
    if (this.cloudTrailEvents) snapshot.cloudTrailEvents = [...this.cloudTrailEvents.values()].sort(compareEvents);
    if (this.sharesRead.size > 0) snapshot.resourceShares = this.buildShares();
    if (this.analyzers || this.analyzerFindingsRead) {
      snapshot.accessAnalyzer = {
        analyzers: this.analyzers ? sortedValues(this.analyzers) : [],
        findings: sortedValues(this.analyzerFindings),
      };
    }
    return snapshot;
  }

  private buildTrails(trails: Map<string, Trail>): Trail[] {
    return sortedValues(trails).map((trail) => {
      const selectors = this.trailSelectors.get(trail.arn) ?? this.trailSelectors.get(trail.name);
      return selectors === undefined ? trail : { ...trail, managementEvents: selectors };
    });
  }

  private buildShares(): ResourceShare[] {
    return sortedValues(this.resourceShares).map((share) => {
      const owner = this.shareOwners.get(share.arn) ?? "SELF";
      const built: ResourceShare = { ...share };
      if (this.sharePrincipalsRead.has(owner)) built.principals = [...(this.sharePrincipals.get(share.arn) ?? [])].sort();
      if (this.shareResourcesRead.has(owner)) built.resources = [...(this.shareResources.get(share.arn) ?? [])].sort();
      return built;
    });
  }
}

/** One account's pieces: IAM and the credential report from `global/`, then each Region. */
export class AccountBuilder {
  iam: Iam | undefined;
  credentialReport: CredentialReportEntry[] | undefined;
  readonly regions = new Map<string, RegionBuilder>();

  constructor(readonly accountId: string) {}

  region(name: string): RegionBuilder {
    let region = this.regions.get(name);
    if (!region) {
      region = new RegionBuilder(name);
      this.regions.set(name, region);
    }
    return region;
  }

  build(name: string | undefined): AccountSnapshot {
    const account: AccountSnapshot = { accountId: this.accountId, regions: [] };
    if (name !== undefined) account.name = name;
    if (this.iam) account.iam = this.iam;
    if (this.credentialReport) account.credentialReport = this.credentialReport;
    account.regions = [...this.regions.keys()].sort().map((region) => this.region(region).build());
    return account;
  }
}

function buildSecurityLake(lake: SecurityLake): SecurityLake {
  const built: SecurityLake = { ...lake };
  if (lake.subscribers) built.subscribers = [...lake.subscribers].sort((a, b) => compareText(a.subscriberId, b.subscriberId));
  if (lake.logSources) {
    built.logSources = [...lake.logSources].sort((a, b) => compareText(`${a.account}/${a.region}`, `${b.account}/${b.region}`));
  }
  return built;
}

function buildKmsKey(key: KmsKey): KmsKey {
  if (!key.grants) return key;
  return { ...key, grants: [...key.grants].sort((a, b) => compareText(a.grantId, b.grantId)) };
}

function buildLakeFormation(lakeFormation: LakeFormation): LakeFormation {
  if (!lakeFormation.permissions) return lakeFormation;
  const keyed = lakeFormation.permissions.map((entry) => ({ entry, key: JSON.stringify([entry.principal, entry.resource, entry.permissions]) }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  return { ...lakeFormation, permissions: keyed.map(({ entry }) => entry) };
}

function compareEvents(a: CloudTrailEvent, b: CloudTrailEvent): number {
  return compareText(a.eventTime, b.eventTime) || compareText(a.eventId, b.eventId);
}

/** Compares by UTF-16 code units, so the order never depends on the machine's locale. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Returns the map's values in the order of their keys. */
export function sortedValues<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map.keys()].sort(compareText).map((key) => map.get(key) as T);
}
