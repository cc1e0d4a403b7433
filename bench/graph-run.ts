import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadAuditInput } from "../src/importer/load-input.js";
import { accessGraphOf, type BuildTimings } from "../src/evaluator/graph/index.js";
import type { Snapshot } from "../src/model/snapshot.js";
import { loadCapabilities } from "../src/cli/capabilities-file.js";
import { generateOrganization } from "./generate-org.js";

/**
 * One size of the graph benchmark, in its own process so that peak memory is per size:
 * generate (or reuse) the organization, then time load, compile, graph, and who-can lake.read
 * over a sample against the independent simulator. Prints one JSON line.
 */

export interface GraphRunResult {
  principals: number;
  exportMegabytes: number;
  /** Wall time, CPU time of this process (user + system) and peak RSS so far, per phase. */
  phases: { name: string; ms: number; cpuMs?: number; peakMegabytes: number }[];
  nodes: number;
  edges: number;
  grants: number;
  sample: { principals: number; graphMs: number; queryMs: number; firstQueryMs: number; readers: number; simulator?: { ms: number; requests: number; readers: number; speedup: number }; skipped?: string };
}

const peak = () => process.resourceUsage().maxRSS / 1024;

async function run(principals: number): Promise<GraphRunResult> {
  const folder = join("bench", "out", `org-${principals}`);
  const generated = await generateOrganization({ principals, seed: 42, out: folder });
  const phases: GraphRunResult["phases"] = [];
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let cpuStarted = cpu();
  const phase = (name: string, started: number) => {
    const now = cpu();
    phases.push({ name, ms: performance.now() - started, cpuMs: now - cpuStarted, peakMegabytes: peak() });
    cpuStarted = now;
  };

  let started = performance.now();
  const snapshot = await loadAuditInput(folder);
  phase("load", started);

  // Compile and graph run as one call; the build reports the split of wall time.
  const capabilities = await loadCapabilities();
  const timings: BuildTimings = { compileMs: 0, edgesMs: 0 };
  started = performance.now();
  const graph = accessGraphOf(snapshot, capabilities, timings);
  const grants = graph.allGrants();
  const total = performance.now() - started;
  const cpuTotal = cpu() - cpuStarted;
  cpuStarted = cpu();
  phases.push({ name: "compile", ms: timings.compileMs, peakMegabytes: peak() });
  phases.push({ name: "graph (edges, holdings, paths)", ms: total - timings.compileMs, peakMegabytes: peak() });
  phases.push({ name: "compile + graph", ms: total, cpuMs: cpuTotal, peakMegabytes: peak() });

  // who-can lake.read answered by a fresh graph, for a sample of 1,000 principals.
  const sample = samplePrincipals(snapshot, 1000);
  started = performance.now();
  const fresh = accessGraphOf(snapshot, capabilities);
  const readers = new Set(fresh.grants("lake.read").map((grant) => grant.principal.id));
  const graphMs = performance.now() - started;
  const sampleReaders = sample.filter((principal) => readers.has(principal.arn)).length;

  // The same query on a graph already built and evaluated, as the audit leaves it (capability
  // holdings included): the search over the whole graph and paths for the sampled principals.
  const built = accessGraphOf(snapshot, capabilities);
  built.allGrants();
  const sampleIds = new Set(sample.map((principal) => principal.arn));
  // The first query pays for JIT compilation of the search; the figure is the median of five.
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    started = performance.now();
    built.grantsAmong("lake.read", sampleIds);
    times.push(performance.now() - started);
  }
  const firstQueryMs = times[0]!;
  const queryMs = [...times].sort((a, b) => a - b)[2]!;

  const simulator = await simulatorComparison(snapshot, sample, queryMs);
  return {
    principals: generated.principals,
    exportMegabytes: generated.bytes / 1e6,
    phases,
    nodes: graph.nodes.size,
    edges: graph.edges.length,
    grants: grants.length,
    sample: { principals: sample.length, graphMs, queryMs, firstQueryMs, readers: sampleReaders, ...simulator },
  };
}

interface SampledPrincipal {
  arn: string;
  kind: "user" | "role";
  accountId: string;
  identity: unknown[];
  boundary?: unknown;
}

/** Every n-th user and role, with its policy documents as the simulator needs them. */
function samplePrincipals(snapshot: Snapshot, count: number): SampledPrincipal[] {
  const all: SampledPrincipal[] = [];
  for (const account of snapshot.accounts) {
    const iam = account.iam;
    if (!iam) continue;
    const managed = new Map(iam.policies.map((policy) => [policy.arn, policy.versions.find((version) => version.isDefault)?.document]));
    const documents = (arns: string[], inline: { document: unknown }[]) => [...arns.map((arn) => managed.get(arn)).filter(Boolean), ...inline.map((policy) => policy.document)];
    for (const user of iam.users) {
      const groups = iam.groups.filter((group) => user.groups.includes(group.name));
      const identity = [...documents(user.attachedPolicies, user.inlinePolicies), ...groups.flatMap((group) => documents(group.attachedPolicies, group.inlinePolicies))];
      all.push({ arn: user.arn, kind: "user", accountId: account.accountId, identity, boundary: user.permissionsBoundary ? managed.get(user.permissionsBoundary) : undefined });
    }
    for (const role of iam.roles) {
      all.push({ arn: role.arn, kind: "role", accountId: account.accountId, identity: documents(role.attachedPolicies, role.inlinePolicies), boundary: role.permissionsBoundary ? managed.get(role.permissionsBoundary) : undefined });
    }
  }
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, index) => index % step === 0).slice(0, count);
}

/** Asks @cloud-copilot/iam-simulate (tools/iam-simulate-diff, when installed) request by request. */
async function simulatorComparison(snapshot: Snapshot, sample: SampledPrincipal[], graphMs: number): Promise<{ simulator?: GraphRunResult["sample"]["simulator"]; skipped?: string }> {
  const entry = join("tools", "iam-simulate-diff", "node_modules", "@cloud-copilot", "iam-simulate");
  if (!existsSync(entry)) return { skipped: "tools/iam-simulate-diff is not installed (run npm ci there)" };
  const module = (await import(pathToFileURL(join(process.cwd(), "tools/iam-simulate-diff/engines.mjs")).href)) as { runSimulation: (input: unknown, options: unknown) => Promise<{ resultType: string; overallResult?: string }> };

  const lake = snapshot.accounts.flatMap((account) => account.regions.flatMap((region) => (region.securityLake?.dataLake ? [{ account, region }] : [])))[0];
  if (!lake?.region.securityLake?.dataLake?.s3BucketArn) return { skipped: "the organization has no lake bucket" };
  const bucketArn = lake.region.securityLake.dataLake.s3BucketArn;
  const object = `${bucketArn}/aws/CLOUD_TRAIL_MGMT/2.0/region=${lake.region.region}/accountId=${lake.account.accountId}/eventDay=20240101/lakewarden-probe.gz.parquet`;
  const bucketPolicy = lake.region.s3Buckets?.find((bucket) => bucket.arn === bucketArn)?.policy ?? undefined;
  const scps = (accountId: string) => levelsOf(snapshot, accountId);

  const started = performance.now();
  let readers = 0;
  for (const principal of sample) {
    const principalArn = principal.kind === "role" ? principal.arn.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/lakewarden" : principal.arn;
    const response = await module.runSimulation(
      {
        request: { principal: principalArn, action: "s3:GetObject", resource: { resource: object, accountId: lake.account.accountId }, contextVariables: {} },
        identityPolicies: principal.identity.map((policy, index) => ({ name: `identity${index}`, policy })),
        serviceControlPolicies: scps(principal.accountId),
        resourceControlPolicies: [],
        ...(bucketPolicy ? { resourcePolicy: bucketPolicy } : {}),
        ...(principal.boundary ? { permissionBoundaryPolicies: [{ name: "boundary", policy: principal.boundary }] } : {}),
      },
      {},
    );
    if (response.overallResult === "Allowed") readers += 1;
  }
  const ms = performance.now() - started;
  return { simulator: { ms, requests: sample.length, readers, speedup: ms / graphMs } };
}

function levelsOf(snapshot: Snapshot, accountId: string) {
  const organization = snapshot.organization;
  if (!organization) return [];
  const account = organization.accounts.find((candidate) => candidate.id === accountId);
  const parentOf = new Map(organization.organizationalUnits.map((unit) => [unit.id, unit.parentId] as const));
  const chain: string[] = [accountId];
  let current = account?.parentId;
  while (current) {
    chain.unshift(current);
    current = parentOf.get(current);
  }
  return chain.map((target, index) => ({
    orgIdentifier: target,
    policies: organization.policies
      .filter((policy) => policy.type === "SERVICE_CONTROL_POLICY" && policy.targets.some((entry) => entry.targetId === target))
      .map((policy) => ({ name: `${policy.name}-${index}`, policy: policy.document })),
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await run(Number(process.argv[2] ?? 1000));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
