/**
 * The lake resources Access Analyzer and Lakewarden are compared on: the lake buckets and KMS
 * keys, the subscriber roles, and every role that has a lake capability.
 */
import type { CapabilityGrant } from "../../evaluator/access.js";
import type { Snapshot } from "../../model/snapshot.js";

/** A lake resource with its owner account and the Region an analyzer must cover. */
export interface LakeResource {
  arn: string;
  type: "AWS::S3::Bucket" | "AWS::KMS::Key" | "AWS::IAM::Role";
  accountId: string;
  /** Absent for IAM roles, which are global and analyzed in every Region. */
  region?: string;
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\//;
const KEY_ARN = /^arn:aws[\w-]*:kms:([\w-]+):(\d{12}):key\//;
const BUCKET_ARN = /^(arn:aws[\w-]*:s3:::[^/]+)/;

/** Returns the account id of an IAM role ARN, or undefined for any other ARN. */
export function roleAccount(arn: string): string | undefined {
  return ROLE_ARN.exec(arn)?.[1];
}

/** Returns the bucket ARN of a bucket or object ARN, or undefined for any other ARN. */
export function bucketOf(arn: string): string | undefined {
  return BUCKET_ARN.exec(arn)?.[1];
}

/** Collects the lake resources of a snapshot, keyed by ARN. */
export function lakeResources(snapshot: Snapshot, grants: readonly CapabilityGrant[]): Map<string, LakeResource> {
  const resources = new Map<string, LakeResource>();

  for (const account of snapshot.accounts) {
    for (const region of account.regions) {
      const lake = region.securityLake?.dataLake;
      if (lake?.s3BucketArn) {
        resources.set(lake.s3BucketArn, { arn: lake.s3BucketArn, type: "AWS::S3::Bucket", accountId: account.accountId, region: region.region });
      }
      const key = lake?.kmsKeyId === undefined ? undefined : keyArn(lake.kmsKeyId, account.accountId, region.region);
      if (key) {
        resources.set(key, { arn: key, type: "AWS::KMS::Key", accountId: account.accountId, region: region.region });
      }
      for (const subscriber of region.securityLake?.subscribers ?? []) {
        addRole(resources, subscriber.roleArn);
      }
    }
  }

  for (const grant of grants) {
    if (grant.principal.kind === "role") addRole(resources, grant.principal.id);
  }
  return resources;
}

function addRole(resources: Map<string, LakeResource>, arn: string | undefined): void {
  const accountId = arn === undefined ? undefined : roleAccount(arn);
  if (arn !== undefined && accountId !== undefined) {
    resources.set(arn, { arn, type: "AWS::IAM::Role", accountId });
  }
}

/** Security Lake stores the key as an id, an alias or an ARN; only ids and key ARNs name one key. */
function keyArn(kmsKeyId: string, accountId: string, region: string): string | undefined {
  if (KEY_ARN.test(kmsKeyId)) {
    return kmsKeyId;
  }
  if (kmsKeyId === "S3_MANAGED_KEY" || kmsKeyId.startsWith("alias/") || kmsKeyId.startsWith("arn:")) {
    return undefined;
  }
  return `arn:aws:kms:${region}:${accountId}:key/${kmsKeyId}`;
}

/** Returns the last segment of an ARN: the role, bucket or key name. */
export function lastSegment(arn: string): string {
  const tail = arn.split(":").pop() ?? arn;
  return tail.slice(tail.lastIndexOf("/") + 1);
}
