/**
 * Seeded random scenarios for the differential test and the benchmark: a request plus the raw
 * policy documents that apply to it. Plain data, so each engine builds its own input from it.
 */

const A = "111122223333";
const B = "444455556666";

/** Small, fast, seeded PRNG (mulberry32), so every run generates the same scenarios. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  const some = (list, max) => {
    const count = 1 + int(max);
    return Array.from({ length: count }, () => pick(list));
  };
  return { next, int, pick, chance, some };
}

export const PRINCIPALS = [
  { arn: `arn:aws:iam::${A}:user/alice`, account: A, principalArn: `arn:aws:iam::${A}:user/alice`, userName: "alice", type: "User" },
  { arn: `arn:aws:sts::${A}:assumed-role/Reader/s1`, account: A, principalArn: `arn:aws:iam::${A}:role/Reader`, type: "AssumedRole" },
  { arn: `arn:aws:sts::${B}:assumed-role/Remote/s1`, account: B, principalArn: `arn:aws:iam::${B}:role/Remote`, type: "AssumedRole" },
  { arn: `arn:aws:iam::${B}:user/bob`, account: B, principalArn: `arn:aws:iam::${B}:user/bob`, userName: "bob", type: "User" },
];

const KEY = `arn:aws:kms:us-east-1:${A}:key/1111aaaa-22bb-33cc-44dd-5555eeee6666`;
const QUEUE = `arn:aws:sqs:us-east-1:${A}:lake-queue`;
const SECRET = `arn:aws:secretsmanager:us-east-1:${A}:secret:lake-AbCdEf`;
const TABLE = `arn:aws:dynamodb:us-east-1:${A}:table/Findings`;

/** Actions with the resources they act on, and whether those resources have resource policies. */
export const TARGETS = [
  { action: "s3:GetObject", resources: ["arn:aws:s3:::lake-bucket/aws/x.parquet", "arn:aws:s3:::lake-bucket/home/alice/q.sql", "arn:aws:s3:::other-bucket/x"], policy: true },
  { action: "s3:PutObject", resources: ["arn:aws:s3:::lake-bucket/aws/x.parquet", "arn:aws:s3:::lake-bucket/home/bob/q.sql"], policy: true },
  { action: "s3:DeleteObject", resources: ["arn:aws:s3:::lake-bucket/aws/x.parquet"], policy: true },
  { action: "s3:ListBucket", resources: ["arn:aws:s3:::lake-bucket", "arn:aws:s3:::other-bucket"], policy: true },
  { action: "kms:Decrypt", resources: [KEY], policy: true },
  { action: "kms:Encrypt", resources: [KEY], policy: true },
  { action: "sqs:SendMessage", resources: [QUEUE], policy: true },
  { action: "sqs:ReceiveMessage", resources: [QUEUE], policy: true },
  { action: "secretsmanager:GetSecretValue", resources: [SECRET], policy: true },
  { action: "dynamodb:GetItem", resources: [TABLE], policy: false },
  { action: "iam:GetRole", resources: [`arn:aws:iam::${A}:role/Reader`], policy: false },
];

const ACTION_PATTERNS = [
  "s3:GetObject", "s3:Get*", "s3:*", "s3:PutObject", "s3:?utObject", "s3:List*", "s3:DeleteObject", "kms:Decrypt", "kms:*",
  "kms:*crypt", "sqs:*", "sqs:SendMessage", "secretsmanager:GetSecretValue", "dynamodb:Get*", "iam:Get*", "*", "S3:getobject",
];
const RESOURCE_PATTERNS = [
  "*", "arn:aws:s3:::lake-bucket/*", "arn:aws:s3:::lake-bucket", "arn:aws:s3:::lake-*", "arn:aws:s3:::lake-bucket/aws/*",
  "arn:aws:s3:::*/x", "arn:aws:s3:::lake-bucket/home/${aws:username}/*", KEY, `arn:aws:kms:*:${A}:key/*`, "arn:aws:kms:us-east-?:*:key/*",
  QUEUE, `arn:aws:sqs:*:${A}:*`, SECRET, `arn:aws:secretsmanager:us-east-1:${A}:secret:lake-*`, TABLE, `arn:aws:dynamodb:*:*:table/*`,
  `arn:aws:iam::${A}:role/*`, `arn:aws:iam::*:role/Reader`,
];

const CONDITIONS = [
  ["StringEquals", "aws:PrincipalTag/team", ["soc"]],
  ["StringNotEquals", "aws:PrincipalTag/team", ["soc"]],
  ["StringEqualsIgnoreCase", "aws:PrincipalTag/team", ["SOC"]],
  ["StringLike", "aws:PrincipalTag/team", ["s*"]],
  ["StringNotLike", "aws:PrincipalTag/team", ["r?d"]],
  ["StringEqualsIfExists", "aws:RequestedRegion", ["us-east-1"]],
  ["Bool", "aws:MultiFactorAuthPresent", ["true"]],
  ["BoolIfExists", "aws:MultiFactorAuthPresent", ["false"]],
  ["Bool", "aws:SecureTransport", ["false"]],
  ["BoolIfExists", "aws:SecureTransport", ["false"]],
  ["IpAddress", "aws:SourceIp", ["203.0.113.0/24", "2001:db8::/32"]],
  ["NotIpAddress", "aws:SourceIp", ["203.0.113.0/24"]],
  ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600"]],
  ["NumericGreaterThanEquals", "aws:MultiFactorAuthAge", ["600"]],
  ["DateGreaterThan", "aws:CurrentTime", ["2024-06-01T00:00:00Z"]],
  ["DateLessThan", "aws:TokenIssueTime", ["2024-06-01T00:00:00Z"]],
  ["ArnLike", "aws:PrincipalArn", [`arn:aws:iam::${A}:*`]],
  ["ArnNotLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/Reader"]],
  ["ArnEquals", "aws:PrincipalArn", [`arn:aws:iam::${B}:user/bob`]],
  ["StringEquals", "aws:PrincipalAccount", [A]],
  ["StringEquals", "aws:PrincipalOrgID", ["o-a1b2c3d4e5"]],
  ["ForAnyValue:StringEquals", "aws:TagKeys", ["team"]],
  ["ForAllValues:StringEquals", "aws:TagKeys", ["team", "env"]],
  ["ForAnyValue:StringLike", "aws:CalledVia", ["athena.*"]],
  ["Null", "aws:TokenIssueTime", ["true"]],
  ["Null", "aws:SourceIp", ["false"]],
  ["StringEquals", "aws:PrincipalTag/team", ["${aws:username}"]],
];

const CONTEXT_VALUES = {
  "aws:PrincipalTag/team": ["soc", "SOC", "red", "alice"],
  "aws:RequestedRegion": ["us-east-1", "eu-west-1"],
  "aws:MultiFactorAuthPresent": ["true", "false"],
  "aws:SecureTransport": ["true", "false"],
  "aws:SourceIp": ["203.0.113.5", "198.51.100.7", "2001:db8::5"],
  "aws:MultiFactorAuthAge": ["300", "7200"],
  "aws:CurrentTime": ["2024-07-01T00:00:00Z", "2024-01-01T00:00:00Z"],
  "aws:TokenIssueTime": ["2024-05-01T10:00:00Z", "2024-07-01T10:00:00Z"],
  "aws:PrincipalOrgID": ["o-a1b2c3d4e5", "o-other"],
  "aws:TagKeys": [["team"], ["team", "env"], ["team", "owner"], []],
  "aws:CalledVia": [["athena.amazonaws.com"], ["glue.amazonaws.com"]],
};

const RESOURCE_PRINCIPALS = [
  "*", { AWS: "*" }, { AWS: A }, { AWS: `arn:aws:iam::${A}:root` }, { AWS: B }, { AWS: `arn:aws:iam::${B}:root` },
  { AWS: `arn:aws:iam::${A}:user/alice` }, { AWS: `arn:aws:iam::${A}:role/Reader` }, { AWS: `arn:aws:sts::${A}:assumed-role/Reader/s1` },
  { AWS: `arn:aws:iam::${B}:role/Remote` }, { AWS: `arn:aws:iam::${B}:user/bob` },
];

function condition(rng) {
  if (!rng.chance(0.45)) return undefined;
  const block = {};
  for (const [operator, key, values] of rng.some(CONDITIONS, 2)) {
    block[operator] = { ...(block[operator] ?? {}), [key]: values.length === 1 && rng.chance(0.5) ? values[0] : values };
  }
  return block;
}

function statement(rng, effect, withPrincipal, rcp = false) {
  const result = { Effect: effect };
  const actions = rng.some(ACTION_PATTERNS, 2);
  result[!rcp && rng.chance(0.12) ? "NotAction" : "Action"] = actions.length === 1 ? actions[0] : actions;
  const resources = rng.some(RESOURCE_PATTERNS, 2);
  result[rng.chance(0.08) ? "NotResource" : "Resource"] = resources.length === 1 ? resources[0] : resources;
  if (withPrincipal) result.Principal = rcp ? "*" : rng.pick(RESOURCE_PRINCIPALS);
  const block = condition(rng);
  if (block) result.Condition = block;
  return result;
}

function policy(rng, { allowShare = 0.75, withPrincipal = false, maxStatements = 3, rcp = false } = {}) {
  const count = 1 + rng.int(maxStatements);
  const statements = Array.from({ length: count }, () => statement(rng, rng.chance(allowShare) ? "Allow" : "Deny", withPrincipal, rcp));
  return { Version: "2012-10-17", Statement: statements };
}

const FULL_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** SCP levels start from FullAWSAccess most of the time; RCP levels hold Deny statements only. */
function organizationLevels(rng, rcp) {
  return Array.from({ length: 1 + rng.int(3) }, () => {
    const level = [];
    if (!rcp && rng.chance(0.8)) level.push(FULL_ACCESS);
    if (rcp || rng.chance(0.5) || level.length === 0) level.push(policy(rng, { allowShare: rcp ? 0 : 0.5, withPrincipal: rcp, maxStatements: 2, rcp }));
    return level;
  });
}

const SERVICE_CONTEXT = {
  "aws:PrincipalIsAWSService": "true",
  "aws:PrincipalServiceName": "s3.amazonaws.com",
};

/**
 * A request by the S3 service principal (an event notification, say): it has no identity
 * policies, boundary, session policy or SCPs, and only resource policies and RCPs apply.
 */
function serviceScenario(rng) {
  const target = rng.pick(TARGETS.filter((candidate) => candidate.policy));
  const context = { ...SERVICE_CONTEXT };
  if (rng.chance(0.6)) context["aws:SourceAccount"] = rng.pick([A, B]);
  if (rng.chance(0.5)) context["aws:SourceArn"] = rng.pick(["arn:aws:s3:::lake-bucket", "arn:aws:s3:::other-bucket"]);
  if (rng.chance(0.4)) context["aws:SecureTransport"] = rng.pick(["true", "false"]);

  const result = { principal: "s3.amazonaws.com", action: target.action, resource: rng.pick(target.resources), resourceAccount: A, context, identity: [] };
  if (rng.chance(0.3)) result.rcps = organizationLevels(rng, true);
  if (rng.chance(0.8)) {
    const document = policy(rng, { withPrincipal: true });
    for (const statement of document.Statement) {
      if (rng.chance(0.5)) statement.Principal = rng.pick([{ Service: "s3.amazonaws.com" }, { Service: "sns.amazonaws.com" }, "*"]);
      if (rng.chance(0.3)) statement.Condition = { ...(statement.Condition ?? {}), StringEquals: { "aws:SourceAccount": A } };
    }
    result.resourcePolicy = document;
  }
  return result;
}

/** Generates one scenario. */
export function scenario(rng) {
  if (rng.chance(0.08)) return serviceScenario(rng);
  const principal = rng.pick(PRINCIPALS);
  const target = rng.pick(TARGETS);
  const context = {
    "aws:PrincipalArn": principal.principalArn,
    "aws:PrincipalAccount": principal.account,
    "aws:PrincipalType": principal.type,
  };
  if (principal.userName) context["aws:username"] = principal.userName;
  for (const [key, values] of Object.entries(CONTEXT_VALUES)) {
    if (rng.chance(0.4)) context[key] = rng.pick(values);
  }

  const result = {
    principal: principal.arn,
    principalAccount: principal.account,
    action: target.action,
    resource: rng.pick(target.resources),
    resourceAccount: A,
    context,
    identity: Array.from({ length: rng.int(3) }, () => policy(rng)),
  };
  if (rng.chance(0.25)) result.boundary = policy(rng, { allowShare: 0.85 });
  if (principal.type === "AssumedRole" && rng.chance(0.2)) result.session = policy(rng, { allowShare: 0.85 });
  if (rng.chance(0.3)) result.scps = organizationLevels(rng, false);
  if (rng.chance(0.2)) result.rcps = organizationLevels(rng, true);
  if (target.policy && rng.chance(0.6)) result.resourcePolicy = policy(rng, { withPrincipal: true });
  return result;
}

/** Generates `count` scenarios from a seed. */
export function scenarios(count, seed) {
  const rng = random(seed);
  return Array.from({ length: count }, () => scenario(rng));
}
