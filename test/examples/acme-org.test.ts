import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

// The bundled example must stay an export that `lakewarden import` accepts as it is, and must keep
// the planted risks that the README's answer key names.
const exampleDir = fileURLToPath(new URL("../../examples/acme-org", import.meta.url));
const baselineFile = fileURLToPath(new URL("../../examples/acme-org.baseline.yaml", import.meta.url));
const readmeFile = fileURLToPath(new URL("../../examples/README.md", import.meta.url));

const ACCOUNT_DIR = /^\d{12}$/;
const REGION_DIR = /^(global|[a-z]{2}(-[a-z]+)+-\d)$/;
const FILE_NAME = /^[a-z0-9-]+__[a-z0-9-]+(__[A-Za-z0-9._-]+)?\.(json|error)$/;
const ERROR_LINE = /^An error occurred \(([A-Za-z0-9.]+)\) when calling the [A-Za-z0-9]+ operation: .+$/;

const LOG_ARCHIVE = "518273649102";
const AUDIT = "627384950213";
const PROD_WEB = "845506172435";
const SANDBOX = "956617283546";
const HOME = "us-east-1";

type Json = Record<string, unknown>;
type Statement = Record<string, unknown>;
type Role = { RoleName: string; Arn: string; AssumeRolePolicyDocument: { Statement: Statement[] }; RolePolicyList: { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[]; AttachedManagedPolicies: { PolicyArn: string }[]; PermissionsBoundary?: { PermissionsBoundaryArn: string } };
type AuthorizationDetails = { RoleDetailList: Role[]; Policies: { Arn: string; DefaultVersionId: string; PolicyVersionList: { VersionId: string; Document: unknown }[] }[] };

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function readJson<T = Json>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(exampleDir, ...parts), "utf8")) as T;
}

function role(account: string, name: string): Role {
  const details = readJson<AuthorizationDetails>(account, "global", "iam__get-account-authorization-details.json");
  const found = details.RoleDetailList.find((entry) => entry.RoleName === name);
  if (!found) throw new Error(`role ${name} not found in account ${account}`);
  return found;
}

function statements(policy: string): Statement[] {
  return (JSON.parse(policy) as { Statement: Statement[] }).Statement;
}

const files = listFiles(exampleDir).map((path) => relative(exampleDir, path));
const dataFiles = files.filter((path) => path !== "export.json");
const accountIds = readJson<{ Accounts: { Id: string }[] }>("402916357104", "global", "organizations__list-accounts.json").Accounts.map((a) => a.Id);

describe("acme-org export layout", () => {
  it.each(dataFiles)("%s follows the layout", (path) => {
    const [account, region, name, ...rest] = path.split("/");

    expect(rest).toEqual([]);
    expect(account).toMatch(ACCOUNT_DIR);
    expect(region).toMatch(REGION_DIR);
    expect(name).toMatch(FILE_NAME);
  });

  it.each(files.filter((path) => path.endsWith(".json")))("%s parses as JSON", (path) => {
    expect(() => readJson(path)).not.toThrow();
  });

  it.each(files.filter((path) => path.endsWith(".error")))("%s holds one CLI error line", (path) => {
    const lines = readFileSync(join(exampleDir, path), "utf8").trimEnd().split("\n");

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(ERROR_LINE);
  });

  it("account folders are organization accounts", () => {
    const folders = readdirSync(exampleDir).filter((name) => name !== "export.json");

    expect(accountIds).toEqual(expect.arrayContaining(folders));
  });

  it("export.json names the management account", () => {
    const exportInfo = readJson<{ collectedAt: string; managementAccountId: string }>("export.json");

    expect(exportInfo.managementAccountId).toBe("402916357104");
    expect(Number.isNaN(Date.parse(exportInfo.collectedAt))).toBe(false);
  });

  it("every account has IAM and a credential report", () => {
    for (const account of accountIds) {
      expect(files).toContain(`${account}/global/iam__get-account-authorization-details.json`);
      expect(files).toContain(`${account}/global/iam__get-credential-report.json`);
    }
  });

  it.each(["us-east-1", "eu-west-1"])("every account has the %s reads", (region) => {
    const stems = ["cloudtrail__describe-trails", "ram__get-resource-shares__SELF", "ram__get-resource-shares__OTHER-ACCOUNTS", "lakeformation__get-data-lake-settings", "accessanalyzer__list-analyzers"];

    for (const account of accountIds) {
      for (const stem of stems) expect(files, `${account}/${region}/${stem}`).toContain(`${account}/${region}/${stem}.json`);
      expect(files).toContain(`${account}/${region}/glue__get-resource-policy.error`);
    }
  });

  it("every described policy is listed and targeted", () => {
    const listed = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"].flatMap(
      (type) => readJson<{ Policies: { Id: string }[] }>("402916357104", "global", `organizations__list-policies__${type}.json`).Policies.map((p) => p.Id),
    );
    const described = dataFiles.filter((p) => p.includes("organizations__describe-policy__")).map((p) => p.split("__")[2]!.replace(".json", ""));

    expect(described.sort()).toEqual([...listed].sort());
    for (const id of listed) expect(files).toContain(`402916357104/global/organizations__list-targets-for-policy__${id}.json`);
  });

  it("attached policies have their documents", () => {
    for (const account of accountIds) {
      const details = readJson<AuthorizationDetails>(account, "global", "iam__get-account-authorization-details.json");
      const documented = new Set(details.Policies.map((p) => p.Arn));
      const referenced = details.RoleDetailList.flatMap((r) => [
        ...r.AttachedManagedPolicies.map((p) => p.PolicyArn),
        ...(r.PermissionsBoundary ? [r.PermissionsBoundary.PermissionsBoundaryArn] : []),
      ]);

      for (const arn of referenced) expect(documented.has(arn), `${account}: ${arn}`).toBe(true);
      for (const policy of details.Policies) {
        const current = policy.PolicyVersionList.find((v) => v.VersionId === policy.DefaultVersionId);
        expect(typeof current?.Document, policy.Arn).toBe("object");
      }
    }
  });
});

describe("acme-org Security Lake state", () => {
  type DataLake = { region: string; s3BucketArn: string; encryptionConfiguration: { kmsKeyId: string }; lifecycleConfiguration: { expiration: { days: number } } };
  const lakes = ["us-east-1", "eu-west-1"].flatMap((region) => readJson<{ dataLakes: DataLake[] }>(LOG_ARCHIVE, region, "securitylake__list-data-lakes.json").dataLakes);
  type Subscriber = { subscriberIdentity: { principal: string }; accessTypes: string[]; roleArn?: string; subscriberId: string; resourceShareName?: string };
  const subscribers = readJson<{ subscribers: Subscriber[] }>(LOG_ARCHIVE, HOME, "securitylake__list-subscribers.json").subscribers;

  it("has two data lakes", () => {
    expect(lakes.map((lake) => lake.region).sort()).toEqual(["eu-west-1", "us-east-1"]);
  });

  it.each(["us-east-1", "eu-west-1"])("lake in %s keeps 400 days", (region) => {
    expect(lakes.find((lake) => lake.region === region)?.lifecycleConfiguration.expiration.days).toBe(400);
  });

  it.each(["us-east-1", "eu-west-1"])("lake in %s uses its exported KMS key", (region) => {
    const keyId = lakes.find((lake) => lake.region === region)!.encryptionConfiguration.kmsKeyId;

    expect(keyId).not.toBe("S3_MANAGED_KEY");
    expect(files).toContain(`${LOG_ARCHIVE}/${region}/kms__get-key-policy__${keyId}.json`);
  });

  it.each(["us-east-1", "eu-west-1"])("lake bucket in %s has its exported settings", (region) => {
    const bucket = lakes.find((lake) => lake.region === region)!.s3BucketArn.replace("arn:aws:s3:::", "");

    expect(bucket).toMatch(new RegExp(`^aws-security-data-lake-${region}-[a-z0-9]{30}$`));
    expect(files).toContain(`${LOG_ARCHIVE}/${region}/s3api__get-bucket-policy__${bucket}.json`);
  });

  it("has three subscribers in the home Region", () => {
    expect(subscribers.map((s) => s.subscriberIdentity.principal).sort()).toEqual(["301122334455", "389900112233", AUDIT]);
  });

  it("query subscriber names its RAM share", () => {
    const audit = subscribers.find((s) => s.subscriberIdentity.principal === AUDIT);

    expect(audit?.accessTypes).toEqual(["LAKEFORMATION"]);
    expect(audit?.resourceShareName).toMatch(new RegExp(`^LakeFormation-V3-[A-Z0-9]+-${AUDIT}$`));
  });

  it.each(["301122334455", "389900112233"])("S3 subscriber %s has its role", (principal) => {
    const subscriber = subscribers.find((s) => s.subscriberIdentity.principal === principal)!;
    const subscriberRole = role(LOG_ARCHIVE, `AmazonSecurityLake-${subscriber.subscriberId}`);

    expect(subscriber.roleArn).toBe(subscriberRole.Arn);
    expect(subscriberRole.PermissionsBoundary?.PermissionsBoundaryArn).toBe("arn:aws:iam::aws:policy/AmazonSecurityLakePermissionsBoundary");
    expect(JSON.stringify(subscriberRole.AssumeRolePolicyDocument)).toContain(`arn:aws:iam::${principal}:root`);
  });
});

describe("acme-org planted risks", () => {
  const baseline = parseYaml(readFileSync(baselineFile, "utf8")) as {
    delegatedAdministrator: string;
    approvedSubscribers: { accountId: string }[];
    allowedExternalAccounts: { accountId: string }[];
  };

  it("source deletion is reachable from prod-web", () => {
    const operations = role(LOG_ARCHIVE, "SecurityLakeOperations");
    const pipelinePolicy = readJson<AuthorizationDetails>(PROD_WEB, "global", "iam__get-account-authorization-details.json").Policies.find((p) =>
      p.Arn.endsWith(":policy/platform-pipeline-deploy"),
    )!;
    const pipelineDocument = pipelinePolicy.PolicyVersionList.find((v) => v.VersionId === pipelinePolicy.DefaultVersionId)!.Document;

    expect(operations.AssumeRolePolicyDocument.Statement[0]?.Principal).toEqual({ AWS: `arn:aws:iam::${PROD_WEB}:root` });
    expect(JSON.stringify(operations.RolePolicyList)).toContain("securitylake:DeleteAwsLogSource");
    expect(JSON.stringify(pipelineDocument)).toContain('"Action":"sts:AssumeRole","Resource":"*"');
  });

  it("sandbox developers reach lake data through shared-analytics", () => {
    const analytics = role(AUDIT, "shared-analytics");
    const developer = role(SANDBOX, "AWSReservedSSO_DeveloperAccess_5d9e0b7c2a41f836");
    const bucketPolicy = readJson<{ Policy: string }>(LOG_ARCHIVE, HOME, "s3api__get-bucket-policy__aws-security-data-lake-us-east-1-q7m2x9k4p1w8z3n6b5v0c2l4j8h1ty.json");
    const keyPolicy = readJson<{ Policy: string }>(LOG_ARCHIVE, HOME, "kms__get-key-policy__7c1e5a92-3b4d-4f08-9a6e-2d8b1c0f5e37.json");

    expect(analytics.AssumeRolePolicyDocument.Statement[0]?.Principal).toEqual({ AWS: developer.Arn });
    expect(JSON.stringify(developer.RolePolicyList)).toContain(analytics.Arn);
    expect(statements(bucketPolicy.Policy).map((s) => s.Sid)).toContain("SecurityAuditAccountRead");
    expect(statements(keyPolicy.Policy).map((s) => s.Sid)).toContain("SecurityAuditAccountDecryptViaS3");
  });

  it("Fabrikam subscriber is not approved", () => {
    const approved = baseline.approvedSubscribers.map((s) => s.accountId);

    expect(approved).not.toContain("389900112233");
    expect(approved.sort()).toEqual(["301122334455", AUDIT]);
  });

  it("Fabrikam subscriber creation is in CloudTrail", () => {
    const events = readJson<{ Events: { EventName: string; CloudTrailEvent: string }[] }>(LOG_ARCHIVE, HOME, "cloudtrail__lookup-events__CreateSubscriber.json").Events;

    expect(events.map((e) => e.EventName)).toEqual(["CreateSubscriber"]);
    expect(events[0]?.CloudTrailEvent).toContain('"principal":"389900112233"');
  });

  it("legacy query role trusts everyone", () => {
    const legacy = role(LOG_ARCHIVE, "SecurityLakeQueryLegacy");
    const trustStatement = legacy.AssumeRolePolicyDocument.Statement[0]!;

    expect(trustStatement.Principal).toEqual({ AWS: "*" });
    expect(trustStatement.Condition).toBeUndefined();
    expect(JSON.stringify(legacy.RolePolicyList)).toContain("kms:Decrypt");
  });

  it("bucket and key policies grant Contoso", () => {
    const bucketPolicy = readJson<{ Policy: string }>(LOG_ARCHIVE, HOME, "s3api__get-bucket-policy__aws-security-data-lake-us-east-1-q7m2x9k4p1w8z3n6b5v0c2l4j8h1ty.json");
    const keyPolicy = readJson<{ Policy: string }>(LOG_ARCHIVE, HOME, "kms__get-key-policy__7c1e5a92-3b4d-4f08-9a6e-2d8b1c0f5e37.json");
    const grant = statements(bucketPolicy.Policy).find((s) => s.Sid === "ContosoForensicsEngagement2025");

    expect(grant?.Principal).toEqual({ AWS: "arn:aws:iam::463728190055:root" });
    expect(statements(keyPolicy.Policy).map((s) => s.Sid)).toContain("ContosoForensicsEngagement2025");
    expect(baseline.allowedExternalAccounts.map((a) => a.accountId)).toEqual(["301122334455"]);
  });

  it("guardrail SCP leaves Security Lake unprotected", () => {
    const guardrails = readJson<{ Policy: { Content: string } }>("402916357104", "global", "organizations__describe-policy__p-4k8m2n7q.json");

    expect(guardrails.Policy.Content).toContain("cloudtrail:StopLogging");
    expect(guardrails.Policy.Content).not.toContain("securitylake");
  });

  it("baseline names the delegated administrator", () => {
    const delegated = readJson<{ DelegatedAdministrators: { Id: string }[] }>(
      "402916357104",
      "global",
      "organizations__list-delegated-administrators__securitylake.amazonaws.com.json",
    ).DelegatedAdministrators.map((d) => d.Id);

    expect(delegated).toEqual([baseline.delegatedAdministrator]);
  });

  it.each([
    "arn:aws:iam::845506172435:role/platform-pipeline",
    "arn:aws:iam::518273649102:role/SecurityLakeOperations",
    "ManageAwsLogSources",
    "arn:aws:iam::956617283546:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DeveloperAccess_5d9e0b7c2a41f836",
    "arn:aws:iam::627384950213:role/shared-analytics",
    "SecurityAuditAccountRead",
    "c61a8e3f-5b7d-4e92-a0c4-9f2b6d8e1a75",
    "arn:aws:iam::518273649102:role/SecurityLakeQueryLegacy",
    "LegacyQueryToolAccess",
    "ContosoForensicsEngagement2025",
    "arn:aws:iam::463728190055:root",
  ])("README answer key names %s", (name) => {
    expect(readFileSync(readmeFile, "utf8")).toContain(name);
  });
});
