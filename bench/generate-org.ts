import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A deterministic generator of organizations in the export layout, for benchmarks and the
 * correctness-at-scale test. The mix follows what real organizations show: managed policies
 * reused across principals, inline policies with specific resources and conditions, some
 * permissions boundaries, deny-list SCPs on OUs, trust policies to account roots, roles and
 * services, cross-account and vendor trusts with external ids, a few escalation paths, and a
 * Security Lake in the security account with subscribers and Lake Formation grants.
 */

export interface GenerateOptions {
  principals: number;
  seed: number;
  /** Output folder; it is replaced. */
  out: string;
}

/** What was generated, for the benchmark's report. */
export interface GeneratedOrganization {
  folder: string;
  accounts: string[];
  lakeAccount: string;
  bytes: number;
  principals: number;
}

const REGION = "us-east-1";
const MANAGEMENT = "900000000000";
const VENDOR = "555566667777";
const ORG_ID = "o-bench12345";
const ROOT_ID = "r-bn12";

/** A small seeded PRNG (mulberry32): the same seed gives the same organization. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const chance = (rng: Rng, p: number): boolean => rng() < p;

const doc = (...statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
const allow = (action: string | string[], resource: string | string[] = "*", extra: object = {}) => ({ Effect: "Allow", Action: action, Resource: resource, ...extra });

const SERVICES = ["s3", "ec2", "lambda", "dynamodb", "sqs", "sns", "logs", "cloudwatch", "glue", "athena", "kms", "ecr", "ecs", "rds", "ssm"];
const VERBS = ["Get", "List", "Describe", "Put", "Create", "Update", "Delete", "Start", "Stop", "Tag"];
const NOUNS = ["Object", "Bucket", "Function", "Table", "Queue", "Topic", "LogEvents", "Instance", "Item", "Parameter", "Image", "Task"];

/** AWS managed policies many principals attach; documents are shortened stand-ins. */
const AWS_MANAGED: Record<string, object> = {
  AdministratorAccess: doc(allow("*")),
  ReadOnlyAccess: doc(allow(["s3:Get*", "s3:List*", "ec2:Describe*", "iam:Get*", "iam:List*", "lambda:Get*", "lambda:List*", "glue:Get*", "athena:Get*", "securitylake:Get*", "securitylake:List*", "cloudtrail:Describe*", "cloudtrail:Get*"])),
  PowerUserAccess: doc({ Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" }, allow(["iam:CreateServiceLinkedRole", "iam:ListRoles", "organizations:DescribeOrganization"])),
  AmazonS3ReadOnlyAccess: doc(allow(["s3:Get*", "s3:List*"])),
  AWSLambda_FullAccess: doc(allow(["lambda:*", "cloudformation:DescribeStacks", "logs:*"]), allow("iam:PassRole", "*", { Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } })),
  AmazonAthenaFullAccess: doc(allow(["athena:*", "glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartitions", "lakeformation:GetDataAccess"]), allow(["s3:GetObject", "s3:PutObject", "s3:ListBucket"], ["arn:aws:s3:::aws-athena-query-results-*"])),
  AmazonSSMManagedInstanceCore: doc(allow(["ssm:DescribeAssociation", "ssm:GetDocument", "ssm:UpdateInstanceInformation", "ssmmessages:*", "ec2messages:*"])),
  SecurityAudit: doc(allow(["securitylake:List*", "securitylake:Get*", "iam:Get*", "iam:List*", "s3:GetBucketPolicy", "kms:Describe*", "kms:GetKeyPolicy", "cloudtrail:Describe*"])),
  AmazonSecurityLakeAdministrator: doc(allow(["securitylake:*", "iam:ListRoles", "organizations:DescribeOrganization"]), allow(["s3:Get*", "s3:List*"], "arn:aws:s3:::aws-security-data-lake-*")),
  AWSCloudTrail_FullAccess: doc(allow(["cloudtrail:*", "s3:ListAllMyBuckets", "kms:ListAliases"])),
};

function randomAction(rng: Rng): string {
  return `${pick(rng, SERVICES)}:${pick(rng, VERBS)}${pick(rng, NOUNS)}`;
}

function randomResource(rng: Rng, accountId: string, index: number): string {
  const service = pick(rng, ["s3", "lambda", "dynamodb", "sqs"]);
  if (service === "s3") return `arn:aws:s3:::team-${index % 97}-data-${accountId}/*`;
  if (service === "lambda") return `arn:aws:lambda:${REGION}:${accountId}:function:svc-${index % 53}-*`;
  if (service === "dynamodb") return `arn:aws:dynamodb:${REGION}:${accountId}:table/orders-${index % 31}`;
  return `arn:aws:sqs:${REGION}:${accountId}:queue-${index % 41}`;
}

function inlineStatements(rng: Rng, accountId: string, index: number): object[] {
  const statements: object[] = [];
  const count = 3 + Math.floor(rng() * 3);
  for (let i = 0; i < count; i += 1) {
    const actions = Array.from({ length: 2 + Math.floor(rng() * 5) }, () => randomAction(rng));
    const resources = Array.from({ length: 2 + Math.floor(rng() * 2) }, (_, n) => randomResource(rng, accountId, index * (n + 3) + i));
    const statement: Record<string, unknown> = { Sid: `S${i}`, Effect: "Allow", Action: actions, Resource: resources };
    if (chance(rng, 0.25)) statement.Condition = pick(rng, [{ StringEquals: { "aws:RequestedRegion": REGION } }, { Bool: { "aws:SecureTransport": "true" } }, { IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } }, { StringEquals: { "aws:ResourceTag/team": `team-${index % 13}` } }]);
    statements.push(statement);
  }
  return statements;
}

interface Account {
  id: string;
  name: string;
  ou: string;
}

/** Generates an organization and writes it under `out`. */
export async function generateOrganization(options: GenerateOptions): Promise<GeneratedOrganization> {
  const rng = random(options.seed);
  const accountCount = Math.max(4, Math.round(options.principals / 500));
  const accounts: Account[] = Array.from({ length: accountCount }, (_, index) => ({
    id: String(100000000001 + index),
    name: index === 0 ? "security" : `workload-${index}`,
    ou: organizationalUnitOf(index),
  }));
  const lakeAccount = accounts[0]!.id;
  const perAccount = Math.ceil(options.principals / accountCount);

  await rm(options.out, { recursive: true, force: true });
  let bytes = 0;
  const write = async (accountId: string, folder: string, stem: string, value: unknown): Promise<void> => {
    const directory = join(options.out, accountId, folder);
    await mkdir(directory, { recursive: true });
    const text = JSON.stringify(value, null, 4);
    bytes += text.length;
    await writeFile(join(directory, `${stem}.json`), text);
  };

  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, "export.json"), JSON.stringify({ collectedAt: "2026-12-01T00:00:00Z", managementAccountId: MANAGEMENT }));
  await writeOrganization(write, accounts, lakeAccount);

  let generated = 0;
  for (const account of accounts) {
    const count = Math.min(perAccount, options.principals - generated);
    generated += count;
    await write(account.id, "global", "iam__get-account-authorization-details", authorizationDetails(rng, account, accounts, count, lakeAccount));
  }
  await writeLake(write, lakeAccount, accounts);
  return { folder: options.out, accounts: accounts.map((account) => account.id), lakeAccount, bytes, principals: generated };
}

type Write = (accountId: string, folder: string, stem: string, value: unknown) => Promise<void>;

async function writeOrganization(write: Write, accounts: Account[], lakeAccount: string): Promise<void> {
  const orgArn = (resource: string) => `arn:aws:organizations::${MANAGEMENT}:${resource}`;
  const accountEntry = (account: { id: string; name: string }) => ({ Id: account.id, Arn: orgArn(`account/${ORG_ID}/${account.id}`), Name: account.name, Status: "ACTIVE" });
  const all = [{ id: MANAGEMENT, name: "management", ou: ROOT_ID }, ...accounts];
  const units = ["ou-bn12-security", "ou-bn12-workloads", "ou-bn12-sandboxes"];

  await write(MANAGEMENT, "global", "organizations__describe-organization", { Organization: { Id: ORG_ID, Arn: orgArn(`organization/${ORG_ID}`), MasterAccountId: MANAGEMENT, FeatureSet: "ALL" } });
  await write(MANAGEMENT, "global", "organizations__list-accounts", { Accounts: all.map(accountEntry) });
  await write(MANAGEMENT, "global", "organizations__list-roots", { Roots: [{ Id: ROOT_ID, Arn: orgArn(`root/${ORG_ID}/${ROOT_ID}`), Name: "Root" }] });
  await write(MANAGEMENT, "global", `organizations__list-organizational-units-for-parent__${ROOT_ID}`, { OrganizationalUnits: units.map((id) => ({ Id: id, Arn: orgArn(`ou/${ORG_ID}/${id}`), Name: id.replace("ou-bn12-", "") })) });
  await write(MANAGEMENT, "global", `organizations__list-accounts-for-parent__${ROOT_ID}`, { Accounts: [accountEntry({ id: MANAGEMENT, name: "management" })] });
  for (const unit of units) {
    await write(MANAGEMENT, "global", `organizations__list-organizational-units-for-parent__${unit}`, { OrganizationalUnits: [] });
    await write(MANAGEMENT, "global", `organizations__list-accounts-for-parent__${unit}`, { Accounts: accounts.filter((account) => account.ou === unit).map(accountEntry) });
  }

  const scps = [
    { id: "p-FullAWSAccess", name: "FullAWSAccess", managed: true, document: doc(allow("*")), targets: [{ TargetId: ROOT_ID, Type: "ROOT" }, ...units.map((id) => ({ TargetId: id, Type: "ORGANIZATIONAL_UNIT" })), ...all.map((account) => ({ TargetId: account.id, Type: "ACCOUNT" }))] },
    { id: "p-protectlake0", name: "ProtectSecurityLake", managed: false, document: doc({ Effect: "Deny", Action: ["securitylake:DeleteDataLake", "securitylake:DeleteAwsLogSource", "cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], Resource: "*", Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/SecLakeAdmin" } } }), targets: [{ TargetId: ROOT_ID, Type: "ROOT" }] },
    { id: "p-sandboxguard", name: "SandboxGuardrails", managed: false, document: doc({ Effect: "Deny", Action: ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"], Resource: "*" }), targets: [{ TargetId: "ou-bn12-sandboxes", Type: "ORGANIZATIONAL_UNIT" }] },
  ];
  const summary = (scp: (typeof scps)[number]) => ({ Id: scp.id, Arn: orgArn(`policy/${ORG_ID}/service_control_policy/${scp.id}`), Name: scp.name, Type: "SERVICE_CONTROL_POLICY", AwsManaged: scp.managed });
  await write(MANAGEMENT, "global", "organizations__list-policies__SERVICE_CONTROL_POLICY", { Policies: scps.map(summary) });
  await write(MANAGEMENT, "global", "organizations__list-policies__RESOURCE_CONTROL_POLICY", { Policies: [] });
  for (const scp of scps) {
    await write(MANAGEMENT, "global", `organizations__describe-policy__${scp.id}`, { Policy: { PolicySummary: summary(scp), Content: JSON.stringify(scp.document) } });
    await write(MANAGEMENT, "global", `organizations__list-targets-for-policy__${scp.id}`, { Targets: scp.targets.map((target) => ({ ...target, Name: target.TargetId })) });
  }
  await write(MANAGEMENT, "global", "organizations__list-delegated-administrators__securitylake.amazonaws.com", { DelegatedAdministrators: [{ Id: lakeAccount, Name: "security", Status: "ACTIVE" }] });
  await write(MANAGEMENT, "global", "iam__get-account-authorization-details", { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] });
}

function authorizationDetails(rng: Rng, account: Account, accounts: Account[], count: number, lakeAccount: string) {
  const id = account.id;
  const iam = (resource: string) => `arn:aws:iam::${id}:${resource}`;
  const customer = Array.from({ length: 30 }, (_, index) => ({
    name: `team-${index}-policy`,
    document: doc(...inlineStatements(rng, id, index)),
  }));
  const boundaries = [
    { name: "DeveloperBoundary", document: doc(allow(["s3:*", "lambda:*", "dynamodb:*", "sqs:*", "logs:*", "sts:AssumeRole"]), { Effect: "Deny", Action: ["iam:*", "organizations:*"], Resource: "*" }) },
    { name: "WorkloadBoundary", document: doc(allow(["s3:Get*", "s3:List*", "sqs:*", "sns:*", "kms:Decrypt"])) },
  ];
  const groups = Array.from({ length: 10 }, (_, index) => ({
    GroupName: `group-${index}`,
    GroupId: `AGPA${id}${index}`,
    Arn: iam(`group/group-${index}`),
    Path: "/",
    GroupPolicyList: chance(rng, 0.5) ? [{ PolicyName: `group-${index}-inline`, PolicyDocument: doc(...inlineStatements(rng, id, index + 100)) }] : [],
    AttachedManagedPolicies: [{ PolicyName: `team-${index}-policy`, PolicyArn: iam(`policy/team-${index}-policy`) }],
  }));

  const attached = new Set<string>();
  const managedAttachment = (index: number) => {
    const list: { PolicyName: string; PolicyArn: string }[] = [];
    const roll = rng();
    if (roll < 0.01) list.push({ PolicyName: "AdministratorAccess", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
    else if (roll < 0.2) {
      const name = pick(rng, Object.keys(AWS_MANAGED).filter((candidate) => candidate !== "AdministratorAccess"));
      list.push({ PolicyName: name, PolicyArn: `arn:aws:iam::aws:policy/${name}` });
    }
    const teams = 1 + Math.floor(rng() * 2);
    for (let i = 0; i < teams; i += 1) {
      const team = (index * 7 + i * 13 + Math.floor(rng() * 30)) % 30;
      list.push({ PolicyName: `team-${team}-policy`, PolicyArn: iam(`policy/team-${team}-policy`) });
    }
    for (const entry of list) attached.add(entry.PolicyArn);
    return list;
  };
  const boundary = () => (chance(rng, 0.2) ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: iam(`policy/${pick(rng, boundaries).name}`) } : undefined);

  const users: object[] = [];
  const roles: object[] = [];
  const userCount = Math.floor(count * 0.4);
  for (let index = 0; index < userCount; index += 1) {
    const statements = chance(rng, 0.5) ? inlineStatements(rng, id, index) : [];
    if (chance(rng, 0.1)) statements.push(allow("sts:AssumeRole", iam("role/*")));
    if (chance(rng, 0.005)) statements.push(allow(["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"]));
    users.push({
      Path: "/",
      UserName: `user-${index}`,
      UserId: `AIDA${id}${index}`,
      Arn: iam(`user/user-${index}`),
      CreateDate: "2024-01-01T00:00:00Z",
      UserPolicyList: statements.length > 0 ? [{ PolicyName: "inline", PolicyDocument: doc(...statements) }] : [],
      GroupList: [`group-${index % 10}`, ...(chance(rng, 0.3) ? [`group-${(index + 3) % 10}`] : [])],
      AttachedManagedPolicies: managedAttachment(index),
      ...(boundary() ? { PermissionsBoundary: boundary() } : {}),
      Tags: chance(rng, 0.3) ? [{ Key: "team", Value: `team-${index % 13}` }] : [],
    });
  }

  const roleCount = count - userCount;
  for (let index = 0; index < roleCount; index += 1) {
    const roll = rng();
    let principal: object;
    let condition: object | undefined;
    let service: string | undefined;
    if (roll < 0.4) principal = { AWS: `arn:aws:iam::${id}:root` };
    else if (roll < 0.65) principal = { AWS: index > 0 ? iam(`role/role-${Math.floor(rng() * index)}`) : iam("user/user-0") };
    else if (roll < 0.8) {
      service = pick(rng, ["lambda.amazonaws.com", "ec2.amazonaws.com", "glue.amazonaws.com", "ecs-tasks.amazonaws.com"]);
      principal = { Service: service };
    } else if (roll < 0.93) principal = { AWS: `arn:aws:iam::${pick(rng, accounts).id}:root` };
    else {
      principal = { AWS: `arn:aws:iam::${VENDOR}:root` };
      condition = { StringEquals: { "sts:ExternalId": `vendor-${id}-${index}` } };
    }
    const statements = chance(rng, 0.6) ? inlineStatements(rng, id, index + 1000) : [];
    if (chance(rng, 0.08)) statements.push(allow("sts:AssumeRole", `arn:aws:iam::*:role/role-${index % 50}`));
    if (id !== lakeAccount && chance(rng, 0.02)) statements.push(allow("sts:AssumeRole", `arn:aws:iam::${lakeAccount}:role/lake-analyst-*`));
    roles.push({
      Path: "/",
      RoleName: `role-${index}`,
      RoleId: `AROA${id}${index}`,
      Arn: iam(`role/role-${index}`),
      CreateDate: "2024-01-01T00:00:00Z",
      AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }),
      InstanceProfileList: service === "ec2.amazonaws.com" ? [{ InstanceProfileName: `profile-${index}`, Arn: iam(`instance-profile/profile-${index}`), Path: "/", InstanceProfileId: `AIPA${id}${index}`, Roles: [] }] : [],
      RolePolicyList: statements.length > 0 ? [{ PolicyName: "inline", PolicyDocument: doc(...statements) }] : [],
      AttachedManagedPolicies: managedAttachment(index + 5000),
      ...(boundary() ? { PermissionsBoundary: boundary() } : {}),
      Tags: [],
      RoleLastUsed: {},
    });
  }
  if (id === lakeAccount) roles.push(...lakeRoles(id));

  for (const name of ["AmazonAthenaFullAccess", "AmazonSecurityLakeAdministrator", "ReadOnlyAccess"]) attached.add(`arn:aws:iam::aws:policy/${name}`);
  const policies = [
    ...customer.map((policy) => managedPolicy(iam(`policy/${policy.name}`), policy.name, policy.document)),
    ...boundaries.map((policy) => managedPolicy(iam(`policy/${policy.name}`), policy.name, policy.document)),
    ...Object.entries(AWS_MANAGED)
      .filter(([name]) => attached.has(`arn:aws:iam::aws:policy/${name}`))
      .map(([name, document]) => managedPolicy(`arn:aws:iam::aws:policy/${name}`, name, document)),
  ];
  return { UserDetailList: users, GroupDetailList: groups, RoleDetailList: roles, Policies: policies };
}

/** Roles of the security account that the lake's policies and Lake Formation name. */
function lakeRoles(id: string): object[] {
  const iam = (resource: string) => `arn:aws:iam::${id}:${resource}`;
  const roleOf = (name: string, principal: object, statements: object[], managed: string[] = [], condition?: object) => ({
    Path: "/",
    RoleName: name,
    RoleId: `AROA${name.toUpperCase()}`,
    Arn: iam(`role/${name}`),
    AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }),
    InstanceProfileList: [],
    RolePolicyList: statements.length > 0 ? [{ PolicyName: "inline", PolicyDocument: doc(...statements) }] : [],
    AttachedManagedPolicies: managed.map((name) => ({ PolicyName: name, PolicyArn: `arn:aws:iam::aws:policy/${name}` })),
    Tags: [],
    RoleLastUsed: {},
  });
  const bucket = `arn:aws:s3:::aws-security-data-lake-${REGION}-bench0000000000000000000000`;
  return [
    roleOf("SecLakeAdmin", { AWS: `arn:aws:iam::${id}:root` }, [], ["AmazonSecurityLakeAdministrator"]),
    ...Array.from({ length: 5 }, (_, index) => roleOf(`lake-analyst-${index}`, { AWS: `arn:aws:iam::${index % 2 === 0 ? "100000000002" : id}:root` }, [allow("s3:GetObject", `${bucket}/*`)], ["AmazonAthenaFullAccess"])),
    roleOf("AmazonSecurityLake-bench-siem", { AWS: `arn:aws:iam::${VENDOR}:root` }, [allow(["s3:GetObject", "s3:ListBucket"], [bucket, `${bucket}/*`])], [], { StringEquals: { "sts:ExternalId": "siem-ext-1" } }),
  ];
}

function managedPolicy(arn: string, name: string, document: object) {
  return {
    PolicyName: name,
    PolicyId: `ANPA${name.replace(/[^A-Za-z0-9]/g, "").toUpperCase().slice(0, 16)}`,
    Arn: arn,
    Path: "/",
    DefaultVersionId: "v1",
    AttachmentCount: 1,
    IsAttachable: true,
    PolicyVersionList: [{ Document: document, VersionId: "v1", IsDefaultVersion: true, CreateDate: "2024-01-01T00:00:00Z" }],
  };
}

async function writeLake(write: Write, lakeAccount: string, accounts: Account[]): Promise<void> {
  const bucketName = `aws-security-data-lake-${REGION}-bench0000000000000000000000`;
  const bucket = `arn:aws:s3:::${bucketName}`;
  await write(lakeAccount, REGION, "securitylake__list-data-lakes", {
    dataLakes: [
      {
        createStatus: "COMPLETED",
        dataLakeArn: `arn:aws:securitylake:${REGION}:${lakeAccount}:data-lake/default`,
        encryptionConfiguration: { kmsKeyId: "S3_MANAGED_KEY" },
        lifecycleConfiguration: { expiration: { days: 365 }, transitions: [] },
        region: REGION,
        replicationConfiguration: { regions: [] },
        s3BucketArn: bucket,
      },
    ],
  });
  const subscriber = (id: string, principal: string, access: string, roleArn?: string) => ({
    accessTypes: [access],
    sources: [{ awsLogSource: { sourceName: "CLOUD_TRAIL_MGMT", sourceVersion: "2.0" } }],
    subscriberArn: `arn:aws:securitylake:${REGION}:${lakeAccount}:subscriber/${id}`,
    subscriberId: id,
    subscriberIdentity: { externalId: "siem-ext-1", principal },
    subscriberName: `subscriber-${id}`,
    subscriberStatus: "ACTIVE",
    ...(roleArn ? { roleArn } : {}),
  });
  await write(lakeAccount, REGION, "securitylake__list-subscribers", {
    subscribers: [subscriber("bench-siem", VENDOR, "S3", `arn:aws:iam::${lakeAccount}:role/AmazonSecurityLake-bench-siem`), subscriber("bench-query", accounts[1]!.id, "LAKEFORMATION")],
  });
  await write(lakeAccount, REGION, "securitylake__list-log-sources", { sources: [] });
  await write(lakeAccount, REGION, "securitylake__get-data-lake-organization-configuration", { autoEnableNewAccount: [] });
  await write(lakeAccount, REGION, `s3api__get-bucket-policy__${bucketName}`, {
    Policy: JSON.stringify(doc({ Sid: "DenyInsecure", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket, `${bucket}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }, { Sid: "OrgRead", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accounts[2]!.id}:root` }, Action: "s3:GetObject", Resource: `${bucket}/*` })),
  });
  await write(lakeAccount, REGION, "lakeformation__get-data-lake-settings", {
    DataLakeSettings: { DataLakeAdmins: [{ DataLakePrincipalIdentifier: `arn:aws:iam::${lakeAccount}:role/SecLakeAdmin` }], CreateDatabaseDefaultPermissions: [], CreateTableDefaultPermissions: [], TrustedResourceOwners: [] },
  });
  const database = `amazon_security_lake_glue_db_${REGION.replace(/-/g, "_")}`;
  await write(lakeAccount, REGION, "lakeformation__list-permissions", {
    PrincipalResourcePermissions: Array.from({ length: 5 }, (_, index) => ({
      Principal: { DataLakePrincipalIdentifier: `arn:aws:iam::${lakeAccount}:role/lake-analyst-${index}` },
      Resource: { Table: { CatalogId: lakeAccount, DatabaseName: database, TableWildcard: {} } },
      Permissions: ["SELECT"],
      PermissionsWithGrantOption: [],
    })),
  });
}

async function main(): Promise<void> {
  const principals = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 1);
  const out = process.argv[4] ?? `bench/out/org-${principals}`;
  const result = await generateOrganization({ principals, seed, out });
  process.stdout.write(`${result.folder}: ${result.principals} principals in ${result.accounts.length} accounts, ${(result.bytes / 1e6).toFixed(1)} MB\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/** Places the first account in the security OU, every fifth in sandboxes, the rest in workloads. */
function organizationalUnitOf(index: number): string {
  if (index === 0) return "ou-bn12-security";
  if (index % 5 === 0) return "ou-bn12-sandboxes";
  return "ou-bn12-workloads";
}
