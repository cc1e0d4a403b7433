import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOrganization } from "../../bench/generate-org.js";
import { compilePolicy, evaluate, evaluateAssumeRole, type CompiledPolicy, type Decision, type PolicySet, type RequestPrincipal } from "../../src/evaluator/index.js";
import type { AccessGraph } from "../../src/evaluator/graph/index.js";
import { loadAuditInput } from "../../src/importer/load-input.js";
import type { IamRole, IamUser, Snapshot } from "../../src/model/snapshot.js";
import { graphOf } from "./support/mini-org.js";

/**
 * Graph answers on a generated 10,000-principal organization, sampled and checked against
 * direct evaluator calls built here from the snapshot's documents: direct lake readers by
 * s3:GetObject, and canAssume edges by the trust and identity policies.
 */
const SAMPLE = 300;
/** The context the shipped capabilities give every request (TLS), other keys unknown. */
const REQUEST_CONTEXT = { values: { "aws:SecureTransport": "true", "s3:TlsVersion": "1.2" }, unknownKeys: "missing" as const };
const folder = mkdtempSync(join(tmpdir(), "lakewarden-scale-"));
let snapshot: Snapshot;
let graph: AccessGraph;

beforeAll(async () => {
  await generateOrganization({ principals: 10_000, seed: 7, out: folder });
  snapshot = await loadAuditInput(folder);
  graph = graphOf(snapshot);
}, 300_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Principal {
  arn: string;
  accountId: string;
  request: RequestPrincipal;
  policies: PolicySet;
}

/** Every user and role with a policy set compiled here, independently of the graph. */
function principals(): Principal[] {
  const organization = snapshot.organization!;
  const parentOf = new Map(organization.organizationalUnits.map((unit) => [unit.id, unit.parentId] as const));
  const result: Principal[] = [];
  for (const account of snapshot.accounts) {
    const iam = account.iam!;
    const managed = (arn: string, type: "identity" | "boundary" = "identity"): CompiledPolicy[] => {
      const policy = iam.policies.find((candidate) => candidate.arn === arn);
      const version = policy?.versions.find((candidate) => candidate.isDefault);
      return version ? [compilePolicy(version.document, { type, id: arn })] : [];
    };
    const chain: string[] = [account.accountId];
    for (let parent = organization.accounts.find((candidate) => candidate.id === account.accountId)?.parentId; parent; parent = parentOf.get(parent)) chain.unshift(parent);
    const scpLevels = chain.map((target) => organization.policies.filter((policy) => policy.type === "SERVICE_CONTROL_POLICY" && policy.targets.some((entry) => entry.targetId === target)).map((policy) => compilePolicy(policy.document, { type: "scp", id: policy.arn })));
    const base = (record: IamUser | IamRole, extra: CompiledPolicy[]): PolicySet => ({
      identity: [...record.attachedPolicies.flatMap((arn) => managed(arn)), ...record.inlinePolicies.map((policy) => compilePolicy(policy.document, { type: "identity", id: policy.name })), ...extra],
      boundary: record.permissionsBoundary ? managed(record.permissionsBoundary, "boundary")[0] : undefined,
      scpLevels: scpLevels.filter((level) => level.length > 0),
    });
    for (const user of iam.users) {
      const groups = iam.groups.filter((group) => user.groups.includes(group.name));
      const extra = groups.flatMap((group) => [...group.attachedPolicies.flatMap((arn) => managed(arn)), ...group.inlinePolicies.map((policy) => compilePolicy(policy.document, { type: "identity", id: policy.name }))]);
      const request: RequestPrincipal = { kind: "user", arn: user.arn, accountId: account.accountId, userName: user.name, userId: user.id, tags: user.tags, orgId: organization.id };
      result.push({ arn: user.arn, accountId: account.accountId, request, policies: base(user, extra) });
    }
    for (const role of iam.roles) {
      const request: RequestPrincipal = { kind: "role-session", arn: role.arn.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/check", roleArn: role.arn, accountId: account.accountId, orgId: organization.id, tags: role.tags };
      result.push({ arn: role.arn, accountId: account.accountId, request, policies: base(role, []) });
    }
  }
  return result;
}

function sampleOf<T>(items: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, index) => index % step === 0).slice(0, count);
}

const plain = (decision: Decision) => decision.type === "allowed";

describe("graph at 10,000 principals", { timeout: 120_000 }, () => {
  it("direct readers match s3:GetObject decisions", () => {
    const lake = snapshot.accounts.flatMap((account) => account.regions.flatMap((region) => (region.securityLake?.dataLake ? [{ account, region }] : [])))[0]!;
    const bucketArn = lake.region.securityLake!.dataLake!.s3BucketArn!;
    const object = `${bucketArn}/aws/CLOUD_TRAIL_MGMT/2.0/region=${lake.region.region}/accountId=${lake.account.accountId}/eventDay=20240101/lakewarden-probe.gz.parquet`;
    const bucket = lake.region.s3Buckets?.find((candidate) => candidate.arn === bucketArn);
    const resourcePolicy = bucket?.policy ? compilePolicy(bucket.policy, { type: "resource", id: bucketArn }) : undefined;
    const direct = new Map(graph.whoCan("s3:GetObject", object).filter((grant) => grant.path.length === 1).map((grant) => [grant.principal.id, grant.decision]));

    const mismatches = sampleOf(principals(), SAMPLE).filter((principal) => {
      const decision = evaluate({ principal: principal.request, action: "s3:GetObject", resource: object, resourceAccountId: lake.account.accountId, context: REQUEST_CONTEXT }, { ...principal.policies, resourcePolicy });
      const expected = decision.type === "allowed" || decision.type === "allowedIf" ? decision.type : undefined;
      return expected !== direct.get(principal.arn);
    });
    expect(mismatches.map((principal) => principal.arn)).toEqual([]);
  });

  it("the organization has direct lake readers", () => {
    expect(graph.grants("lake.read").filter((grant) => grant.path.length === 1).length).toBeGreaterThan(0);
  });

  it("canAssume edges match trust decisions", () => {
    const roles = new Map(snapshot.accounts.flatMap((account) => account.iam!.roles.map((role) => [role.arn, role] as const)));
    // A caller reaches roles that trust its account root through one hub node per account pair.
    const plainAssume = graph.edges.filter((edge) => edge.kind === "canAssume" && !edge.conditions?.length);
    const hubTargets = new Map<string, string[]>();
    for (const edge of plainAssume) if (graph.nodes.get(edge.from)?.placeholder) hubTargets.set(edge.from, [...(hubTargets.get(edge.from) ?? []), edge.to]);
    const edges = new Set(plainAssume.flatMap((edge) => (hubTargets.has(edge.to) ? hubTargets.get(edge.to)!.map((role) => `${edge.from} ${role}`) : [`${edge.from} ${edge.to}`])));
    const callers = sampleOf(principals(), 60);
    const targets = sampleOf([...roles.values()], 60);

    const mismatches: string[] = [];
    for (const caller of callers) {
      for (const role of targets) {
        if (role.arn === caller.arn) continue;
        const trust = compilePolicy(role.trustPolicy, { type: "trust", id: role.arn });
        const decision = evaluateAssumeRole(caller.request, role.arn, trust, caller.policies, { values: {} });
        const trusted = evaluate({ principal: caller.request, action: "sts:AssumeRole", resource: role.arn, resourceAccountId: "000000000000", context: { values: {} } }, { identity: [compilePolicy({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }, { type: "identity", id: "all" })], resourcePolicy: trust });
        const expected = plain(decision) && plain(trusted);
        if (expected !== edges.has(`${caller.arn} ${role.arn}`)) mismatches.push(`${caller.arn} -> ${role.arn}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
