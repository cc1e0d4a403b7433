/**
 * Import benchmark: generates an export of 10 accounts with 1,000 roles and 1,000 users each
 * (about 42 MB of authorization details, half of them URL-encoded as the raw IAM API returns
 * them) and times `importExportFolder` on it.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importExportFolder } from "../src/importer/index.js";
import type { Benchmark } from "./run.js";

const ACCOUNTS = 10;
const PRINCIPALS_PER_KIND = 1_000;

function policy(index: number): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: `Read${index}`, Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [`arn:aws:s3:::data-${index}`, `arn:aws:s3:::data-${index}/*`] },
      { Sid: "Lake", Effect: "Allow", Action: "securitylake:List*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": `team-${index % 40}` } } },
      { Sid: "DenyDelete", Effect: "Deny", NotAction: ["s3:Get*", "s3:List*"], Resource: "arn:aws:s3:::aws-security-data-lake-*" },
    ],
  };
}

function authorizationDetails(accountId: string, encode: boolean): string {
  const document = (value: Record<string, unknown>) => (encode ? encodeURIComponent(JSON.stringify(value)) : value);
  const roles = Array.from({ length: PRINCIPALS_PER_KIND }, (_, index) => ({
    Path: "/",
    RoleName: `role-${index}`,
    RoleId: `AROA${accountId}${index}`,
    Arn: `arn:aws:iam::${accountId}:role/role-${index}`,
    CreateDate: "2025-01-01T00:00:00Z",
    AssumeRolePolicyDocument: document({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "sts:AssumeRole" }] }),
    InstanceProfileList: [],
    RolePolicyList: [{ PolicyName: "inline", PolicyDocument: document(policy(index)) }],
    AttachedManagedPolicies: [{ PolicyName: "shared", PolicyArn: `arn:aws:iam::${accountId}:policy/shared-${index % 50}` }],
    Tags: [{ Key: "team", Value: `team-${index % 40}` }],
    RoleLastUsed: { LastUsedDate: "2026-11-01T00:00:00Z", Region: "us-east-1" },
  }));
  const users = Array.from({ length: PRINCIPALS_PER_KIND }, (_, index) => ({
    Path: "/",
    UserName: `user-${index}`,
    UserId: `AIDA${accountId}${index}`,
    Arn: `arn:aws:iam::${accountId}:user/user-${index}`,
    CreateDate: "2025-01-01T00:00:00Z",
    UserPolicyList: [{ PolicyName: "inline", PolicyDocument: document(policy(index)) }],
    GroupList: [],
    AttachedManagedPolicies: [],
    Tags: [],
  }));
  const policies = Array.from({ length: 50 }, (_, index) => ({
    PolicyName: `shared-${index}`,
    PolicyId: `ANPA${accountId}${index}`,
    Arn: `arn:aws:iam::${accountId}:policy/shared-${index}`,
    Path: "/",
    DefaultVersionId: "v1",
    PolicyVersionList: [{ Document: document(policy(index)), VersionId: "v1", IsDefaultVersion: true }],
  }));
  return JSON.stringify({ UserDetailList: users, GroupDetailList: [], RoleDetailList: roles, Policies: policies }, null, 4);
}

/** Writes the generated export under `root`; returns its size in bytes. */
export async function writeBenchmarkExport(root: string): Promise<number> {
  let bytes = 0;
  for (let account = 0; account < ACCOUNTS; account++) {
    const accountId = String(100000000000 + account);
    await mkdir(join(root, accountId, "global"), { recursive: true });
    const text = authorizationDetails(accountId, account % 2 === 1);
    bytes += Buffer.byteLength(text);
    await writeFile(join(root, accountId, "global", "iam__get-account-authorization-details.json"), text);
  }
  return bytes;
}

export const importExportBenchmark: Benchmark = {
  name: "import-export",
  async run() {
    const root = await mkdtemp(join(tmpdir(), "lakewarden-bench-"));
    try {
      const bytes = await writeBenchmarkExport(root);

      for (let round = 1; round <= 3; round++) {
        const started = performance.now();
        const snapshot = await importExportFolder(root);
        const milliseconds = performance.now() - started;
        const principals = snapshot.accounts.reduce((sum, account) => sum + (account.iam?.roles.length ?? 0) + (account.iam?.users.length ?? 0), 0);
        process.stdout.write(`round ${round}: ${(bytes / 1e6).toFixed(1)} MB, ${principals} principals, ${milliseconds.toFixed(0)} ms\n`);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};
