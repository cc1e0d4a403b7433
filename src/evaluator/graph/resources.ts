import { parseArn } from "../../shared/arn.js";
import type { AccountSnapshot, Bucket, KmsKey, LakeFormation, RegionSnapshot, Snapshot } from "../../model/snapshot.js";
import type { CompiledPolicy } from "../types.js";
import type { PolicyCatalog } from "./catalog.js";
import type { ResourceKind } from "./capabilities.js";

/**
 * Lake resources resolved from the snapshot, one scope per data lake (a Region of an account).
 * Requests name concrete ARNs, so object and table kinds use one representative ARN under the
 * lake's prefix.
 * NOTE: a policy that grants only another prefix (one source, one account) is not seen by the
 * probe, so such partial readers are missing from lake.read.
 */
export interface LakeResource {
  readonly arn: string;
  readonly accountId: string;
  /** The resource policy that applies: bucket policy, key policy, Glue catalog policy. */
  readonly policy?: CompiledPolicy;
  /** KMS grants of a key, which allow the operations they list to their grantee. */
  readonly kmsGrants?: KmsKey["grants"];
  readonly awsManagedKey?: boolean;
}

/** One data lake and the resources each capability requirement can name. */
export interface LakeScope {
  /** The data lake ARN, or `*:<account>` when the snapshot has no Security Lake. */
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  /** Undefined for a kind that does not apply (an S3-managed lake has no key). */
  readonly resources: Readonly<Partial<Record<ResourceKind, readonly LakeResource[]>>>;
  readonly lakeFormation?: LakeFormation;
  /** True when the scope stands for "any resource" because no data lake is in the snapshot. */
  readonly fallback: boolean;
}

const PROBE_DAY = "eventDay=20240101";
/** File names of the made-up objects that stand for all objects of a bucket. */
const PROBE_OBJECTS = ["/lakewarden-probe.gz.parquet", "/lakewarden-probe.csv"];

/**
 * Names a lake resource for people. An object the graph made up to stand for a bucket's objects
 * is shown as the bucket's objects, with a note. Any other ARN is returned as it is.
 */
export function lakeResourceLabel(arn: string): string {
  if (!PROBE_OBJECTS.some((name) => arn.endsWith(name))) return arn;
  const slash = arn.indexOf("/");
  return `${arn.slice(0, slash)}/* (checked on one representative object key)`;
}

/** Resolves a scope per data lake; with no data lake at all, one `*` scope per account. */
export function resolveLakeScopes(snapshot: Snapshot, catalog: PolicyCatalog): LakeScope[] {
  const scopes: LakeScope[] = [];
  for (const account of snapshot.accounts) {
    for (const region of account.regions) {
      const lake = region.securityLake?.dataLake;
      if (lake) scopes.push(lakeScope(snapshot, account, region, catalog));
    }
  }
  if (scopes.length > 0) return scopes;

  const accountIds = new Set(snapshot.accounts.map((account) => account.accountId));
  for (const account of snapshot.organization?.accounts ?? []) accountIds.add(account.id);
  return [...accountIds].map((accountId) => fallbackScope(accountId));
}

function fallbackScope(accountId: string): LakeScope {
  const any: readonly LakeResource[] = [{ arn: "*", accountId }];
  const resources: Partial<Record<ResourceKind, readonly LakeResource[]>> = {};
  for (const kind of ["lakeBucket", "lakeObject", "glueCatalog", "glueDatabase", "glueTable", "dataLake", "subscriber", "trail", "athenaWorkGroup", "account"] as const) {
    resources[kind] = any;
  }
  return { id: `*:${accountId}`, accountId, region: "*", resources, fallback: true };
}

function lakeScope(snapshot: Snapshot, account: AccountSnapshot, region: RegionSnapshot, catalog: PolicyCatalog): LakeScope {
  const lake = region.securityLake?.dataLake;
  const accountId = account.accountId;
  const name = region.region;
  const underscored = name.replace(/-/g, "_");
  const partition = lake ? (parseArn(lake.dataLakeArn)?.partition ?? "aws") : "aws";
  const arnPrefix = `arn:${partition}`;

  const bucketArn = lake?.s3BucketArn;
  const bucket = bucketArn ? findBucket(snapshot, bucketArn) : undefined;
  const bucketPolicy = bucket?.policy ? catalog.compile(bucket.policy, { type: "resource", id: bucket.arn, name: bucket.name }) : undefined;
  const bucketResource = (arn: string): LakeResource => ({ arn, accountId, policy: bucketPolicy });

  const glueDb = `amazon_security_lake_glue_db_${underscored}`;
  const gluePolicy = region.glueResourcePolicy
    ? catalog.compile(region.glueResourcePolicy, { type: "resource", id: `${arnPrefix}:glue:${name}:${accountId}:catalog`, name: "Glue Data Catalog policy" })
    : undefined;
  const glue = (resource: string): LakeResource => ({ arn: `${arnPrefix}:glue:${name}:${accountId}:${resource}`, accountId, policy: gluePolicy });

  const workGroups = region.athenaWorkGroups ?? [];
  const resultBuckets = workGroups.flatMap((group) => (group.outputLocation ? [s3UriBucket(group.outputLocation)] : [])).filter((bucketName): bucketName is string => Boolean(bucketName));

  return {
    id: lake?.dataLakeArn ?? `${arnPrefix}:securitylake:${name}:${accountId}:data-lake/default`,
    accountId,
    region: name,
    fallback: false,
    lakeFormation: region.lakeFormation,
    resources: {
      lakeBucket: bucketArn ? [bucketResource(bucketArn)] : [],
      lakeObject: bucketArn ? [bucketResource(`${bucketArn}/aws/CLOUD_TRAIL_MGMT/2.0/region=${name}/accountId=${accountId}/${PROBE_DAY}${PROBE_OBJECTS[0]}`)] : [],
      lakeKey: lakeKey(account, region, lake?.kmsKeyId ?? bucket?.encryption?.kmsKeyId, catalog, arnPrefix),
      glueCatalog: [glue("catalog")],
      glueDatabase: [glue(`database/${glueDb}`)],
      glueTable: [glue(`table/${glueDb}/amazon_security_lake_table_${underscored}_cloud_trail_mgmt_2_0`)],
      dataLake: [{ arn: lake?.dataLakeArn ?? `${arnPrefix}:securitylake:${name}:${accountId}:data-lake/default`, accountId }],
      subscriber: (region.securityLake?.subscribers ?? []).map((subscriber) => ({ arn: subscriber.subscriberArn, accountId })),
      trail: trails(snapshot),
      athenaWorkGroup: (workGroups.length > 0 ? workGroups.map((group) => group.name) : ["primary"]).map((group) => ({ arn: `${arnPrefix}:athena:${name}:${accountId}:workgroup/${group}`, accountId })),
      athenaResults: resultBuckets.length > 0 ? resultBuckets.map((bucketName) => resultResource(snapshot, bucketName, accountId, catalog, partition)) : undefined,
      account: [{ arn: "*", accountId }],
    },
  };
}

function lakeKey(account: AccountSnapshot, region: RegionSnapshot, keyId: string | undefined, catalog: PolicyCatalog, arnPrefix: string): readonly LakeResource[] | undefined {
  if (!keyId || keyId === "S3_MANAGED_KEY") return undefined;

  const parsed = parseArn(keyId);
  const keyAccount = parsed?.accountId ?? account.accountId;
  const keyArn = parsed ? keyId : `${arnPrefix}:kms:${region.region}:${keyAccount}:key/${keyId}`;
  const key = region.kmsKeys?.find((candidate) => candidate.arn === keyArn || candidate.keyId === keyId || keyArn.endsWith(`/${candidate.keyId}`));
  const policy = key?.policy ? catalog.compile(key.policy, { type: "key", id: key.arn, name: key.keyId }) : undefined;
  return [{ arn: key?.arn ?? keyArn, accountId: keyAccount, policy, kmsGrants: key?.grants, awsManagedKey: key?.keyManager === "AWS" }];
}

function findBucket(snapshot: Snapshot, arn: string): Bucket | undefined {
  for (const account of snapshot.accounts) {
    for (const region of account.regions) {
      const bucket = region.s3Buckets?.find((candidate) => candidate.arn === arn);
      if (bucket) return bucket;
    }
  }
  return undefined;
}

function trails(snapshot: Snapshot): LakeResource[] {
  const result: LakeResource[] = [];
  for (const account of snapshot.accounts) {
    for (const region of account.regions) {
      for (const trail of region.trails ?? []) {
        const owner = parseArn(trail.arn)?.accountId ?? account.accountId;
        if (!result.some((known) => known.arn === trail.arn)) result.push({ arn: trail.arn, accountId: owner });
      }
    }
  }
  return result;
}

function resultResource(snapshot: Snapshot, bucketName: string, accountId: string, catalog: PolicyCatalog, partition: string): LakeResource {
  const arn = `arn:${partition}:s3:::${bucketName}`;
  const bucket = findBucket(snapshot, arn);
  const policy = bucket?.policy ? catalog.compile(bucket.policy, { type: "resource", id: bucket.arn, name: bucket.name }) : undefined;
  return { arn: `${arn}${PROBE_OBJECTS[1]}`, accountId, policy };
}

function s3UriBucket(uri: string): string | undefined {
  const match = /^s3:\/\/([^/]+)/.exec(uri);
  return match?.[1];
}
