import { existsSync } from "node:fs";
import os from "node:os";
import { resolve } from "node:path";
import { compilePolicy, evaluate, principalFromArn, type EvaluationRequest, type PolicySet } from "../src/evaluator/index.js";
import type { Benchmark } from "./run.js";

/**
 * Decisions per second on a realistic mix: each request meets identity policies, a permissions
 * boundary, three SCP levels and a bucket policy, most of them with conditions. Policies are
 * compiled before timing starts. The same requests then go through iam-simulate, when
 * tools/iam-simulate-diff is installed, to measure the ratio in the same run.
 */

const A = "111122223333";
const B = "444455556666";
const BUCKET = "arn:aws:s3:::aws-security-data-lake-us-east-1-example1";
const FULL_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** A request with the raw documents that apply to it; the shape tools/iam-simulate-diff reads. */
interface Scenario {
  principal: string;
  principalAccount: string;
  action: string;
  resource: string;
  resourceAccount: string;
  context: Record<string, string | string[]>;
  identity: object[];
  boundary?: object;
  scps?: object[][];
  resourcePolicy?: object;
}

const SCP_LEVELS = [
  [FULL_ACCESS],
  [
    FULL_ACCESS,
    {
      Version: "2012-10-17",
      Statement: [
        { Sid: "ProtectLake", Effect: "Deny", Action: ["s3:PutBucketPolicy", "s3:DeleteBucket", "securitylake:DeleteDataLake"], Resource: "*", Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/LakeAdmin" } } },
        { Sid: "RegionLock", Effect: "Deny", NotAction: ["iam:*", "sts:*", "organizations:*"], Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:RequestedRegion": ["us-east-1", "us-west-2"] } } },
      ],
    },
  ],
  [FULL_ACCESS],
];

const BOUNDARY = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: ["s3:*", "kms:Decrypt", "sqs:*", "glue:Get*", "athena:*", "securitylake:*", "sts:AssumeRole"], Resource: "*" },
    { Effect: "Deny", Action: "iam:*", Resource: "*" },
  ],
};

const BUCKET_POLICY = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [BUCKET, `${BUCKET}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
    { Sid: "OrgRead", Effect: "Allow", Principal: "*", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [BUCKET, `${BUCKET}/*`], Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } },
    { Sid: "Subscriber", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: "s3:GetObject", Resource: `${BUCKET}/aws/*` },
  ],
};

function identityPolicies(index: number): object[] {
  const team = index % 3 === 0 ? "soc" : "dev";
  return [
    {
      Version: "2012-10-17",
      Statement: [
        { Sid: "ReadLake", Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: [BUCKET, `${BUCKET}/aws/*`], Condition: { StringEquals: { "aws:PrincipalTag/team": team } } },
        { Sid: "Query", Effect: "Allow", Action: ["athena:StartQueryExecution", "glue:GetTable", "glue:GetTables"], Resource: "*" },
        { Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: `${BUCKET}/*`, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } },
      ],
    },
    {
      Version: "2012-10-17",
      Statement: [
        { Sid: "Workspace", Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: `arn:aws:s3:::soc-workspace-${index % 7}/*` },
        index % 5 === 0 ? { Sid: "PowerUser", Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" } : { Sid: "Queues", Effect: "Allow", Action: "sqs:ReceiveMessage", Resource: `arn:aws:sqs:us-east-1:${A}:AmazonSecurityLake-*` },
      ],
    },
  ];
}

const ACTIONS = [
  ["s3:GetObject", `${BUCKET}/aws/CLOUD_TRAIL_MGMT/2.0/region=us-east-1/part-0001.gz.parquet`],
  ["s3:ListBucket", BUCKET],
  ["s3:PutObject", `${BUCKET}/aws/CLOUD_TRAIL_MGMT/2.0/region=us-east-1/part-0002.gz.parquet`],
  ["s3:DeleteObject", `${BUCKET}/aws/ROUTE53/1.0/x.parquet`],
  ["s3:PutBucketPolicy", BUCKET],
  ["s3:GetObject", "arn:aws:s3:::soc-workspace-3/q.sql"],
] as const;

/** Builds the scenario mix: principals in the lake account and a subscriber account. */
function buildScenarios(principals: number): Scenario[] {
  const scenarios: Scenario[] = [];
  for (let index = 0; index < principals; index++) {
    const account = index % 4 === 3 ? B : A;
    const roleArn = `arn:aws:iam::${account}:role/Analyst${index}`;
    const context: Record<string, string | string[]> = {
      "aws:PrincipalArn": roleArn,
      "aws:PrincipalAccount": account,
      "aws:PrincipalTag/team": index % 2 === 0 ? "soc" : "dev",
      "aws:PrincipalOrgID": "o-a1b2c3d4e5",
      "aws:SecureTransport": index % 11 === 0 ? "false" : "true",
      "aws:RequestedRegion": "us-east-1",
    };
    const identity = identityPolicies(index);
    for (const [action, resource] of ACTIONS) {
      scenarios.push({
        principal: `arn:aws:sts::${account}:assumed-role/Analyst${index}/session`,
        principalAccount: account,
        action,
        resource,
        resourceAccount: A,
        context,
        identity,
        boundary: BOUNDARY,
        scps: SCP_LEVELS,
        resourcePolicy: BUCKET_POLICY,
      });
    }
  }
  return scenarios;
}

/** Compiles each distinct document once, as the graph does for a snapshot. */
function compileScenarios(scenarios: readonly Scenario[]): { request: EvaluationRequest; policies: PolicySet }[] {
  const cache = new Map<object, ReturnType<typeof compilePolicy>>();
  const compile = (document: object, type: Parameters<typeof compilePolicy>[1]["type"]) => {
    let compiled = cache.get(document);
    if (!compiled) {
      compiled = compilePolicy(document, { type, id: `${type}-${cache.size}` });
      cache.set(document, compiled);
    }
    return compiled;
  };
  const contexts = new Map<object, EvaluationRequest["context"]>();

  return scenarios.map((scenario) => {
    const policies: PolicySet = {
      identity: scenario.identity.map((document) => compile(document, "identity")),
      boundary: scenario.boundary ? compile(scenario.boundary, "boundary") : undefined,
      scpLevels: scenario.scps?.map((level) => level.map((document) => compile(document, "scp"))),
      resourcePolicy: scenario.resourcePolicy ? compile(scenario.resourcePolicy, "resource") : undefined,
    };
    let context = contexts.get(scenario.context);
    if (!context) {
      context = { values: scenario.context };
      contexts.set(scenario.context, context);
    }
    const principal = principalFromArn(scenario.principal)!;
    return { request: { principal, action: scenario.action, resource: scenario.resource, resourceAccountId: scenario.resourceAccount, context }, policies };
  });
}

/**
 * Seconds of CPU time this process used (user and system), so that other processes on a busy
 * machine do not count against the evaluator; the loop is single-threaded.
 */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Rates of several rounds: the best is the least disturbed by other processes, the median is typical. */
interface Rounds {
  best: number;
  median: number;
}

function summarize(rates: number[]): Rounds {
  const sorted = [...rates].sort((a, b) => a - b);
  return { best: sorted[sorted.length - 1]!, median: sorted[Math.floor(sorted.length / 2)]! };
}

function measureLakewarden(compiled: ReturnType<typeof compileScenarios>, rounds: number): Rounds {
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let decisions = 0;
    const start = cpuSeconds();
    while (cpuSeconds() - start < 1) {
      for (const { request, policies } of compiled) evaluate(request, policies);
      decisions += compiled.length;
    }
    rates.push(decisions / (cpuSeconds() - start));
  }
  return summarize(rates);
}

const TOOL = resolve(import.meta.dirname, "../tools/iam-simulate-diff");

async function measureIamSimulate(scenarios: readonly Scenario[], rounds: number): Promise<Rounds | undefined> {
  if (!existsSync(resolve(TOOL, "node_modules/@cloud-copilot/iam-simulate"))) return undefined;
  const modulePath = resolve(TOOL, "engines.mjs");
  const engines = (await import(modulePath)) as { iamSimulateDecision: (scenario: Scenario) => Promise<unknown> };

  for (const scenario of scenarios.slice(0, 50)) await engines.iamSimulateDecision(scenario);
  const size = Math.ceil(scenarios.length / rounds);
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const batch = scenarios.slice(round * size, (round + 1) * size);
    const start = cpuSeconds();
    for (const scenario of batch) await engines.iamSimulateDecision(scenario);
    rates.push(batch.length / (cpuSeconds() - start));
  }
  return summarize(rates);
}

function rate(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export const evaluatorBenchmark: Benchmark = {
  name: "evaluator",
  async run() {
    const scenarios = buildScenarios(500);
    const compiled = compileScenarios(scenarios);

    measureLakewarden(compiled, 1);
    const ours = measureLakewarden(compiled, 7);
    const decisions = new Map<string, number>();
    for (const { request, policies } of compiled) {
      const type = evaluate(request, policies).type;
      decisions.set(type, (decisions.get(type) ?? 0) + 1);
    }

    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    const load = os.loadavg().map((value) => value.toFixed(1)).join(" ");
    process.stdout.write(`machine: ${cpu}, ${os.cpus().length} cores, load average ${load}, Node ${process.version}; one core, CPU time, policies compiled before timing\n`);
    process.stdout.write(`mix: ${scenarios.length} distinct requests (identity + boundary + 3 SCP levels + bucket policy), decisions ${JSON.stringify(Object.fromEntries(decisions))}\n`);
    process.stdout.write(`lakewarden: ${rate(ours.best)} decisions/s best of 7 one-second rounds, median ${rate(ours.median)}\n`);

    const theirs = await measureIamSimulate(scenarios, 3);
    if (theirs === undefined) {
      process.stdout.write("iam-simulate: not installed (npm ci --prefix tools/iam-simulate-diff), ratio not measured\n");
      return;
    }
    process.stdout.write(
      `iam-simulate: ${rate(theirs.best)} decisions/s best of 3 rounds (${(1000 / theirs.best).toFixed(2)} ms each), median ${rate(theirs.median)}, on the same ${scenarios.length} requests\n`,
    );
    process.stdout.write(`ratio: ${rate(ours.best / theirs.best)}x best to best, ${rate(ours.median / theirs.median)}x median to median\n`);
  },
};
