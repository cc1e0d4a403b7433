import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCapabilities } from "../../src/cli/capabilities-file.js";
import { accessGraphOf } from "../../src/evaluator/graph/index.js";
import { loadBaseline, runRules, type Baseline, type RunRulesOutput } from "../../src/findings/index.js";
import { importExportFolder } from "../../src/importer/index.js";
import type { Snapshot } from "../../src/model/snapshot.js";

/**
 * The bundled Acme example end to end: import, access graph, rules. The planted risks of
 * examples/README.md must produce exactly these findings, and a clean variant of the export with
 * a matching baseline must produce none.
 */
const EXAMPLE = fileURLToPath(new URL("../../examples/acme-org", import.meta.url));
const BASELINE = fileURLToPath(new URL("../../examples/acme-org.baseline.yaml", import.meta.url));
const NOW = new Date("2026-12-05T00:00:00Z");

const MANAGEMENT = "402916357104";
const LOG_ARCHIVE = "518273649102";
const AUDIT = "627384950213";
const PROD_WEB = "845506172435";
const PROD_PAYMENTS = "734495061324";
const SANDBOX = "956617283546";
const HOME_BUCKET = "arn:aws:s3:::aws-security-data-lake-us-east-1-q7m2x9k4p1w8z3n6b5v0c2l4j8h1ty";
const CONTRIBUTING_BUCKET = "arn:aws:s3:::aws-security-data-lake-eu-west-1-k3v8n1q6z2m9w4x7p0b5r8t2y6c1hd";
const HOME_KEY = `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/7c1e5a92-3b4d-4f08-9a6e-2d8b1c0f5e37`;
const FABRIKAM_SUBSCRIBER = "c61a8e3f-5b7d-4e92-a0c4-9f2b6d8e1a75";

const role = (accountId: string, name: string) => `arn:aws:iam::${accountId}:role/${name}`;
const sso = (accountId: string, permissionSet: string) => role(accountId, `aws-reserved/sso.amazonaws.com/AWSReservedSSO_${permissionSet}`);
const ADMIN_SSO = "AdministratorAccess_3f2a9c81d4e6b705";
const each = (rule: string, subjects: string[]) => subjects.map((subject) => `${rule}:${subject}`);

const OPERATIONS = role(LOG_ARCHIVE, "SecurityLakeOperations");
const LEGACY = role(LOG_ARCHIVE, "SecurityLakeQueryLegacy");
const PIPELINE = role(PROD_WEB, "platform-pipeline");

/** Findings each planted risk produces, by the risk's number in the example's answer key. */
const PLANTED: Record<string, string[]> = {
  "1 workload role can delete log sources": [
    ...each("access-unapproved-blind", [OPERATIONS, PIPELINE, sso(PROD_WEB, ADMIN_SSO), role(PROD_WEB, "OrganizationAccountAccessRole")]),
    ...each("access-unapproved-administer", [OPERATIONS, PIPELINE, sso(PROD_WEB, ADMIN_SSO), role(PROD_WEB, "OrganizationAccountAccessRole")]),
    `access-role-trust-too-broad:${OPERATIONS}`,
  ],
  "2 developer reads through a role chain": [
    `access-unapproved-read:${role(AUDIT, "shared-analytics")}`,
    `access-unapproved-read:${sso(SANDBOX, "DeveloperAccess_5d9e0b7c2a41f836")}`,
  ],
  "3 subscriber not approved": [
    `subscriber-account-not-approved:${FABRIKAM_SUBSCRIBER}`,
    `subscriber-outside-organization:${FABRIKAM_SUBSCRIBER}`,
    "access-external-account:389900112233",
  ],
  "4 role any account can assume": [
    `access-role-trust-too-broad:${LEGACY}`,
    "access-external-account:any-aws-account",
    ...each("access-unapproved-read", [
      LEGACY,
      OPERATIONS,
      PIPELINE,
      sso(LOG_ARCHIVE, "ViewOnlyAccess_8c41e2d07fa9b563"),
      sso(PROD_WEB, ADMIN_SSO),
      role(PROD_WEB, "OrganizationAccountAccessRole"),
      sso(PROD_PAYMENTS, ADMIN_SSO),
      role(PROD_PAYMENTS, "OrganizationAccountAccessRole"),
      sso(SANDBOX, ADMIN_SSO),
      role(SANDBOX, "OrganizationAccountAccessRole"),
    ]),
  ],
  "5 bucket policy grants an external account": [
    `lake-bucket-policy-too-broad:${HOME_BUCKET}`,
    `lake-key-policy-too-broad:${HOME_KEY}`,
    "access-external-account:463728190055",
  ],
};

/** Facts of the export the example notes beside its planted risks. */
const NOTED = [
  `org-no-lake-scp:${LOG_ARCHIVE}`,
  `lake-bucket-object-lock-missing:${HOME_BUCKET}`,
  `lake-bucket-object-lock-missing:${CONTRIBUTING_BUCKET}`,
];

async function audit(snapshot: Snapshot, baseline: Baseline): Promise<RunRulesOutput> {
  const grants = accessGraphOf(snapshot, await loadCapabilities()).allGrants();
  return runRules({ snapshot, grants, baseline, now: NOW });
}

describe.skipIf(!existsSync(EXAMPLE))("Acme example", () => {
  let result: RunRulesOutput;
  let ids: Set<string>;

  beforeAll(async () => {
    result = await audit(await importExportFolder(EXAMPLE), await loadBaseline(BASELINE));
    ids = new Set(result.findings.map((finding) => finding.id));
  });

  it.each(Object.entries(PLANTED))("finds risk %s", (_risk, expected) => {
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("finds nothing else", () => {
    const known = new Set([...Object.values(PLANTED).flat(), ...NOTED]);
    expect([...ids].filter((id) => !known.has(id)).sort()).toEqual([]);
  });

  it("finds every noted fact", () => {
    expect(NOTED.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("assesses every rule fully", () => {
    expect(result.assessment.filter((entry) => entry.status !== "assessed").map((entry) => entry.ruleId)).toEqual([]);
  });
});

describe.skipIf(!existsSync(EXAMPLE))("Acme example, cleaned", () => {
  it("finds nothing but informational findings", async () => {
    const snapshot = cleanVariant(await importExportFolder(EXAMPLE));
    const result = await audit(snapshot, cleanBaseline(await loadBaseline(BASELINE)));
    expect(result.findings.filter((finding) => finding.severity !== "info").map((finding) => finding.id)).toEqual([]);
  });
});

/** Removes the planted risks and the noted facts from the imported export. */
function cleanVariant(snapshot: Snapshot): Snapshot {
  const logArchive = snapshot.accounts.find((account) => account.accountId === LOG_ARCHIVE);
  const audit = snapshot.accounts.find((account) => account.accountId === AUDIT);
  if (!logArchive?.iam || !audit?.iam || !snapshot.organization) throw new Error("the example changed shape");

  // Risks 1, 3 and 4: the roles behind them go; risk 2: the shared-analytics role goes.
  const dropped = new Set([OPERATIONS, LEGACY, role(LOG_ARCHIVE, `AmazonSecurityLake-${FABRIKAM_SUBSCRIBER}`)]);
  logArchive.iam.roles = logArchive.iam.roles.filter((entry) => !dropped.has(entry.arn));
  audit.iam.roles = audit.iam.roles.filter((entry) => entry.arn !== role(AUDIT, "shared-analytics"));

  for (const region of logArchive.regions) {
    // Risk 3: the unapproved subscriber goes.
    const lake = region.securityLake;
    if (lake?.subscribers) lake.subscribers = lake.subscribers.filter((entry) => entry.subscriberId !== FABRIKAM_SUBSCRIBER);

    // Risk 5: the forensics statements go; Object Lock is turned on.
    for (const bucket of region.s3Buckets ?? []) {
      bucket.policy = withoutStatement(bucket.policy, "ContosoForensicsEngagement2025");
      bucket.objectLock = { enabled: true, mode: "GOVERNANCE", days: 400 };
    }
    for (const key of region.kmsKeys ?? []) key.policy = withoutStatement(key.policy, "ContosoForensicsEngagement2025");
  }

  snapshot.organization.policies.push({
    id: "p-lakeguard",
    arn: `arn:aws:organizations::${MANAGEMENT}:policy/o-7k2m9x4qwe/service_control_policy/p-lakeguard`,
    name: "protect-security-lake",
    type: "SERVICE_CONTROL_POLICY",
    awsManaged: false,
    document: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Action: ["securitylake:Delete*", "organizations:LeaveOrganization"],
          Resource: "*",
          Condition: { ArnNotLike: { "aws:PrincipalArn": role(LOG_ARCHIVE, "BreakGlassAdmin") } },
        },
      ],
    },
    targets: [{ targetId: LOG_ARCHIVE, type: "ACCOUNT" }],
  });
  return snapshot;
}

function withoutStatement<T>(document: T, sid: string): T {
  if (!document || typeof document !== "object" || !("Statement" in document) || !Array.isArray(document.Statement)) return document;
  return { ...document, Statement: document.Statement.filter((statement: { Sid?: string }) => statement.Sid !== sid) };
}

/** Extends the example baseline with what the clean variant still grants on purpose. */
function cleanBaseline(baseline: Baseline): Baseline {
  const extra: Record<string, string[]> = {
    "lake.read": [`arn:aws:iam::${MANAGEMENT}:root`],
    "lake.tamper": [`arn:aws:iam::${MANAGEMENT}:root`, sso(AUDIT, ADMIN_SSO), role(AUDIT, "OrganizationAccountAccessRole")],
    "lake.administer": [`arn:aws:iam::${MANAGEMENT}:root`, sso(AUDIT, ADMIN_SSO), role(AUDIT, "OrganizationAccountAccessRole")],
    "lake.blind": [`arn:aws:iam::${MANAGEMENT}:root`, sso(AUDIT, ADMIN_SSO), role(AUDIT, "OrganizationAccountAccessRole")],
    "subscriber.manage": [`arn:aws:iam::${MANAGEMENT}:root`, sso(AUDIT, ADMIN_SSO), role(AUDIT, "OrganizationAccountAccessRole")],
    "lf.grant": [`arn:aws:iam::${MANAGEMENT}:root`, sso(AUDIT, ADMIN_SSO), role(AUDIT, "OrganizationAccountAccessRole"), role(LOG_ARCHIVE, "github-actions-security-lake-iac")],
  };
  const approved = { ...(baseline.approvedPrincipals as Record<string, string[]>) };
  for (const [capability, principals] of Object.entries(extra)) approved[capability] = [...(approved[capability] ?? []), ...principals];
  return { ...baseline, approvedPrincipals: approved };
}
