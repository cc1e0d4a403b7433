import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { AccountSnapshot, IamRole, IamUser, ManagedPolicy, RegionSnapshot, Snapshot } from "../../../src/model/snapshot.js";
import { accessGraphOf, parseCapabilities, type AccessGraph, type CapabilityCatalog } from "../../../src/evaluator/graph/index.js";

/** Builders of small named snapshots for graph tests. */

export const LAKE_ACCOUNT = "111122223333";
export const LAKE_BUCKET = "arn:aws:s3:::aws-security-data-lake-us-east-1-example1";
export const LAKE_ARN = `arn:aws:securitylake:us-east-1:${LAKE_ACCOUNT}:data-lake/default`;

type Statement = Record<string, unknown>;

export function doc(...statements: Statement[]): Record<string, unknown> {
  return { Version: "2012-10-17", Statement: statements };
}

export function allow(action: string | string[], resource: string | string[] = "*", condition?: Record<string, unknown>): Statement {
  return { Effect: "Allow", Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) };
}

export function deny(action: string | string[], resource: string | string[] = "*"): Statement {
  return { Effect: "Deny", Action: action, Resource: resource };
}

export function trust(principal: Record<string, unknown> | string, condition?: Record<string, unknown>): Record<string, unknown> {
  return doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) });
}

export function user(name: string, inline: Record<string, unknown>[] = [], extra: Partial<IamUser> = {}, account = LAKE_ACCOUNT): IamUser {
  return {
    arn: `arn:aws:iam::${account}:user/${name}`,
    name,
    id: `AIDA${name.toUpperCase()}`,
    path: "/",
    groups: [],
    attachedPolicies: [],
    inlinePolicies: inline.map((document, index) => ({ name: `${name}-inline-${index + 1}`, document })),
    tags: {},
    ...extra,
  };
}

export function role(name: string, trustPolicy: Record<string, unknown>, inline: Record<string, unknown>[] = [], extra: Partial<IamRole> = {}, account = LAKE_ACCOUNT): IamRole {
  return {
    arn: `arn:aws:iam::${account}:role/${name}`,
    name,
    id: `AROA${name.toUpperCase()}`,
    path: "/",
    trustPolicy,
    attachedPolicies: [],
    inlinePolicies: inline.map((document, index) => ({ name: `${name}-inline-${index + 1}`, document })),
    tags: {},
    instanceProfiles: [],
    ...extra,
  };
}

export function managed(name: string, document: Record<string, unknown>, account = LAKE_ACCOUNT, versions = 1): ManagedPolicy {
  return {
    arn: `arn:aws:iam::${account}:policy/${name}`,
    name,
    path: "/",
    defaultVersionId: "v1",
    awsManaged: false,
    versions: Array.from({ length: versions }, (_, index) => ({ versionId: `v${index + 1}`, isDefault: index === 0, document })),
  };
}

export interface MiniAccount {
  accountId?: string;
  users?: IamUser[];
  roles?: IamRole[];
  policies?: ManagedPolicy[];
  groups?: AccountSnapshot["iam"] extends infer T ? (T extends { groups: infer G } ? G : never) : never;
  region?: Partial<RegionSnapshot>;
  /** Adds a Security Lake data lake (and its bucket) in us-east-1. */
  lake?: boolean;
}

export function account(spec: MiniAccount): AccountSnapshot {
  const accountId = spec.accountId ?? LAKE_ACCOUNT;
  const region: RegionSnapshot = { region: "us-east-1", ...spec.region };
  if (spec.lake) {
    region.securityLake = {
      dataLake: { dataLakeArn: `arn:aws:securitylake:us-east-1:${accountId}:data-lake/default`, region: "us-east-1", s3BucketArn: LAKE_BUCKET, kmsKeyId: "S3_MANAGED_KEY", transitions: [], replicationRegions: [] },
      subscribers: [],
      ...spec.region?.securityLake,
    };
    region.s3Buckets ??= [{ name: "aws-security-data-lake-us-east-1-example1", arn: LAKE_BUCKET, policy: null }];
  }
  return {
    accountId,
    iam: { users: spec.users ?? [], groups: spec.groups ?? [], roles: spec.roles ?? [], policies: spec.policies ?? [] },
    regions: [region],
  };
}

export function snapshot(accounts: AccountSnapshot[], organization?: Snapshot["organization"]): Snapshot {
  return {
    schemaVersion: 1,
    collectedAt: "2026-12-01T00:00:00Z",
    source: { kind: "import" },
    accounts,
    coverage: [],
    ...(organization ? { organization, managementAccountId: organization.managementAccountId } : {}),
  };
}

/** An organization of the given accounts under one root, with FullAWSAccess plus extra SCPs on the root. */
export function organization(accountIds: string[], scps: Record<string, unknown>[] = []): NonNullable<Snapshot["organization"]> {
  const policies = [doc(allow("*")), ...scps].map((document, index) => ({
    id: `p-${index}`,
    arn: `arn:aws:organizations::777788889999:policy/o-a1b2c3d4e5/service_control_policy/p-${index}`,
    name: index === 0 ? "FullAWSAccess" : `scp-${index}`,
    type: "SERVICE_CONTROL_POLICY" as const,
    awsManaged: index === 0,
    document,
    targets: [{ targetId: "r-ab12", type: "ROOT" as const }],
  }));
  return {
    id: "o-a1b2c3d4e5",
    arn: "arn:aws:organizations::777788889999:organization/o-a1b2c3d4e5",
    managementAccountId: "777788889999",
    roots: [{ id: "r-ab12", arn: "arn:aws:organizations::777788889999:root/o-a1b2c3d4e5/r-ab12", name: "Root" }],
    organizationalUnits: [],
    accounts: ["777788889999", ...accountIds].map((id) => ({ id, arn: `arn:aws:organizations::777788889999:account/o-a1b2c3d4e5/${id}`, name: id, parentId: "r-ab12" })),
    policies,
    delegatedAdministrators: [],
  };
}

let shipped: CapabilityCatalog | undefined;

/** The shipped capabilities.yaml, parsed once. */
export function shippedCapabilities(): CapabilityCatalog {
  shipped ??= parseCapabilities(parse(readFileSync(new URL("../../../policies/capabilities.yaml", import.meta.url), "utf8")), "policies/capabilities.yaml");
  return shipped;
}

export function graphOf(value: Snapshot): AccessGraph {
  return accessGraphOf(value, shippedCapabilities());
}

export function arnOf(kind: "user" | "role", name: string, accountId = LAKE_ACCOUNT): string {
  return `arn:aws:iam::${accountId}:${kind}/${name}`;
}
