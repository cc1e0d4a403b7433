import { describe, expect, it } from "vitest";
import type { CapabilityGrant } from "../../src/evaluator/access.js";
import type { Baseline } from "../../src/findings/baseline.js";
import { runRules } from "../../src/findings/index.js";
import type { Snapshot } from "../../src/model/snapshot.js";
import {
  ANALYST_ROLE,
  BUCKET_ARN,
  cleanBaseline,
  cleanGrants,
  cleanSnapshot,
  grant,
  KEY_ARN,
  LAKE_ARN,
  lakeRegionOf,
  logArchiveOf,
  LOG_ARCHIVE,
  MANAGEMENT,
  ORG_ID,
  PARTNER,
  principal,
  SECURITY,
  STRANGER,
  SUBSCRIBER_ROLE,
  WORKLOAD,
} from "./builders.js";

interface Inputs {
  snapshot: Snapshot;
  baseline: Baseline;
  grants: CapabilityGrant[];
}

type Change = (inputs: Inputs) => void;

interface RuleCase {
  rule: string;
  /** Plants the risk. */
  fire: Change;
  /** The finding id the planted risk produces. */
  expected: string;
  /** A close input that must not fire the rule. */
  quiet: Change;
}

const lake = (inputs: Inputs) => lakeRegionOf(inputs.snapshot);
const subscriber = (inputs: Inputs, id: string) => {
  const found = lake(inputs).securityLake?.subscribers?.find((entry) => entry.subscriberId === id);
  if (!found) throw new Error(`no subscriber ${id}`);
  return found;
};
const role = (inputs: Inputs, arn: string) => {
  const found = inputs.snapshot.accounts.flatMap((account) => account.iam?.roles ?? []).find((entry) => entry.arn === arn);
  if (!found) throw new Error(`no role ${arn}`);
  return found;
};
const dataLake = (inputs: Inputs) => {
  const found = lake(inputs).securityLake?.dataLake;
  if (!found) throw new Error("no data lake");
  return found;
};
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test snapshot has no ${what}`);
  return value;
}
const bucket = (inputs: Inputs) => present(lake(inputs).s3Buckets?.[0], "bucket");
const key = (inputs: Inputs) => present(lake(inputs).kmsKeys?.[0], "key");
const share = (inputs: Inputs) => present(lake(inputs).resourceShares?.[0], "resource share");
const organization = (inputs: Inputs) => present(inputs.snapshot.organization, "organization");
const setTrust = (inputs: Inputs, arn: string, statement: Record<string, unknown>) => {
  role(inputs, arn).trustPolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", ...statement }] };
};
const DEV_ROLE = `arn:aws:iam::${WORKLOAD}:role/Developer`;
const OPS_USER = `arn:aws:iam::${LOG_ARCHIVE}:user/ops`;

function unapprovedCase(rule: string, capability: string): RuleCase {
  return {
    rule,
    fire: (inputs) => inputs.grants.push(grant(capability, principal(DEV_ROLE))),
    expected: `${rule}:${DEV_ROLE}`,
    quiet: (inputs) => {
      inputs.grants.push(grant(capability, principal(DEV_ROLE)));
      const approved = inputs.baseline.approvedPrincipals as Record<string, string[]>;
      approved[capability] = [...(approved[capability] ?? []), `arn:aws:iam::${WORKLOAD}:role/*`];
    },
  };
}

function userWithKeys(inputs: Inputs, active: boolean): void {
  inputs.grants.push(grant("lake.administer", principal(OPS_USER)));
  logArchiveOf(inputs.snapshot).credentialReport = [
    { user: "ops", arn: OPS_USER, passwordEnabled: false, mfaActive: false, accessKey1Active: active, accessKey2Active: false },
  ];
}

const CASES: RuleCase[] = [
  {
    rule: "subscriber-account-not-approved",
    fire: (inputs) => { subscriber(inputs, "sub-s3").subscriberIdentity.principal = STRANGER; },
    expected: "subscriber-account-not-approved:sub-s3",
    quiet: (inputs) => {
      subscriber(inputs, "sub-s3").subscriberIdentity.principal = PARTNER;
      inputs.baseline.approvedSubscribers?.push({ accountId: PARTNER });
    },
  },
  {
    rule: "subscriber-outside-organization",
    fire: (inputs) => { subscriber(inputs, "sub-lf").subscriberIdentity.principal = STRANGER; },
    expected: "subscriber-outside-organization:sub-lf",
    quiet: (inputs) => { subscriber(inputs, "sub-lf").subscriberIdentity.principal = PARTNER; },
  },
  {
    rule: "subscriber-role-trust-too-broad",
    fire: (inputs) => setTrust(inputs, SUBSCRIBER_ROLE, { Principal: { AWS: `arn:aws:iam::${SECURITY}:root` } }),
    expected: "subscriber-role-trust-too-broad:sub-s3",
    quiet: (inputs) => setTrust(inputs, SUBSCRIBER_ROLE, { Principal: { AWS: SECURITY }, Condition: { StringEquals: { "sts:ExternalId": "ext-id-123" } } }),
  },
  {
    rule: "subscriber-exceeds-approval",
    fire: (inputs) => { subscriber(inputs, "sub-s3").sources.push({ awsLogSource: { sourceName: "VPC_FLOW" } }); },
    expected: "subscriber-exceeds-approval:sub-s3",
    quiet: (inputs) => { subscriber(inputs, "sub-s3").sources.push({ awsLogSource: { sourceName: "SH_FINDINGS" } }); },
  },
  {
    rule: "subscriber-notification-endpoint-not-allowed",
    fire: (inputs) => { subscriber(inputs, "sub-s3").subscriberEndpoint = "https://collector.example.net/lake"; },
    expected: "subscriber-notification-endpoint-not-allowed:sub-s3",
    quiet: (inputs) => { subscriber(inputs, "sub-s3").subscriberEndpoint = "https://siem.example.com/lake"; },
  },
  {
    rule: "subscriber-lf-share-beyond-subscriber",
    fire: (inputs) => { share(inputs).principals = [SECURITY, WORKLOAD]; },
    expected: "subscriber-lf-share-beyond-subscriber:sub-lf",
    quiet: (inputs) => { share(inputs).principals = [`arn:aws:iam::${SECURITY}:root`]; },
  },
  {
    rule: "subscriber-role-boundary-or-extra-policies",
    fire: (inputs) => { role(inputs, SUBSCRIBER_ROLE).attachedPolicies = ["arn:aws:iam::aws:policy/AdministratorAccess"]; },
    expected: "subscriber-role-boundary-or-extra-policies:sub-s3",
    quiet: (inputs) => { role(inputs, SUBSCRIBER_ROLE).permissionsBoundary = "arn:aws-us-gov:iam::aws:policy/AmazonSecurityLakePermissionsBoundary"; },
  },
  {
    rule: "lake-retention-below-minimum",
    fire: (inputs) => { dataLake(inputs).expirationDays = 90; },
    expected: `lake-retention-below-minimum:${LAKE_ARN}`,
    quiet: (inputs) => { dataLake(inputs).expirationDays = 365; },
  },
  {
    rule: "lake-no-customer-managed-key",
    fire: (inputs) => { dataLake(inputs).kmsKeyId = "S3_MANAGED_KEY"; },
    expected: `lake-no-customer-managed-key:${LAKE_ARN}`,
    quiet: (inputs) => {
      dataLake(inputs).kmsKeyId = "S3_MANAGED_KEY";
      inputs.baseline.lake = { ...inputs.baseline.lake, requireCustomerManagedKey: false };
    },
  },
  {
    rule: "lake-bucket-policy-too-broad",
    fire: (inputs) => { bucket(inputs).policy = { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${BUCKET_ARN}/*` }] }; },
    expected: `lake-bucket-policy-too-broad:${BUCKET_ARN}`,
    quiet: (inputs) => { bucket(inputs).policy = { Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: "s3:GetObject", Resource: `${BUCKET_ARN}/*` }] }; },
  },
  {
    rule: "lake-key-policy-too-broad",
    fire: (inputs) => { key(inputs).policy = { Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${STRANGER}:root` }, Action: "kms:Decrypt", Resource: "*" }] }; },
    expected: `lake-key-policy-too-broad:${KEY_ARN}`,
    quiet: (inputs) => { key(inputs).policy = { Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": LOG_ARCHIVE } } }] }; },
  },
  {
    rule: "lake-no-delegated-administrator",
    fire: (inputs) => { organization(inputs).delegatedAdministrators = []; },
    expected: `lake-no-delegated-administrator:${ORG_ID}`,
    quiet: (inputs) => { organization(inputs).delegatedAdministrators.push({ servicePrincipal: "guardduty.amazonaws.com", accountId: MANAGEMENT }); },
  },
  {
    rule: "lake-unexpected-delegated-administrator",
    fire: (inputs) => { organization(inputs).delegatedAdministrators = [{ servicePrincipal: "securitylake.amazonaws.com", accountId: SECURITY }]; },
    expected: `lake-unexpected-delegated-administrator:${ORG_ID}`,
    quiet: (inputs) => {
      organization(inputs).delegatedAdministrators = [{ servicePrincipal: "securitylake.amazonaws.com", accountId: SECURITY }];
      inputs.baseline.delegatedAdministrator = SECURITY;
    },
  },
  {
    rule: "lake-org-not-enrolling-new-accounts",
    fire: (inputs) => { (lake(inputs).securityLake ?? {}).organizationConfiguration = { autoEnableNewAccount: [{ region: "eu-west-1", sources: [{ sourceName: "CLOUD_TRAIL_MGMT" }] }] }; },
    expected: `lake-org-not-enrolling-new-accounts:${LAKE_ARN}`,
    quiet: (inputs) => { (lake(inputs).securityLake ?? {}).organizationConfiguration = { autoEnableNewAccount: [{ region: "us-east-1", sources: [{ sourceName: "VPC_FLOW" }] }] }; },
  },
  {
    rule: "lake-account-without-cloudtrail",
    fire: (inputs) => {
      const sources = lake(inputs).securityLake?.logSources ?? [];
      (lake(inputs).securityLake ?? {}).logSources = sources.filter((entry) => entry.account !== WORKLOAD);
    },
    expected: `lake-account-without-cloudtrail:${WORKLOAD}`,
    quiet: (inputs) => {
      const sources = lake(inputs).securityLake?.logSources ?? [];
      (lake(inputs).securityLake ?? {}).logSources = sources.filter((entry) => entry.account !== WORKLOAD);
      const account = organization(inputs).accounts.find((entry) => entry.id === WORKLOAD);
      if (account) account.status = "SUSPENDED";
    },
  },
  {
    rule: "lake-bucket-versioning-disabled",
    fire: (inputs) => { bucket(inputs).versioning = { status: "Suspended" }; },
    expected: `lake-bucket-versioning-disabled:${BUCKET_ARN}`,
    quiet: (inputs) => { bucket(inputs).versioning = { status: "Enabled", mfaDelete: "Disabled" }; },
  },
  {
    rule: "lake-bucket-object-lock-missing",
    fire: (inputs) => { bucket(inputs).objectLock = null; },
    expected: `lake-bucket-object-lock-missing:${BUCKET_ARN}`,
    quiet: (inputs) => { bucket(inputs).objectLock = { enabled: true, mode: "COMPLIANCE", years: 1 }; },
  },
  unapprovedCase("access-unapproved-blind", "lake.blind"),
  unapprovedCase("access-unapproved-tamper", "lake.tamper"),
  unapprovedCase("access-unapproved-administer", "lake.administer"),
  unapprovedCase("access-unapproved-read", "lake.read"),
  unapprovedCase("access-unapproved-subscriber-manage", "subscriber.manage"),
  unapprovedCase("access-unapproved-lf-grant", "lf.grant"),
  {
    rule: "access-external-account",
    fire: (inputs) => inputs.grants.push(grant("lake.read", principal(`arn:aws:iam::${STRANGER}:root`, { kind: "external-account", inOrganization: false }))),
    expected: `access-external-account:${STRANGER}`,
    quiet: (inputs) => inputs.grants.push(grant("lake.read", principal(`arn:aws:iam::${PARTNER}:root`, { kind: "external-account", inOrganization: false }))),
  },
  {
    rule: "access-role-trust-too-broad",
    fire: (inputs) => setTrust(inputs, ANALYST_ROLE, { Principal: { AWS: "*" } }),
    expected: `access-role-trust-too-broad:${ANALYST_ROLE}`,
    quiet: (inputs) => setTrust(inputs, ANALYST_ROLE, { Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalOrgID": ORG_ID } } }),
  },
  {
    rule: "access-user-long-term-keys",
    fire: (inputs) => userWithKeys(inputs, true),
    expected: `access-user-long-term-keys:${OPS_USER}`,
    quiet: (inputs) => userWithKeys(inputs, false),
  },
  {
    rule: "org-no-lake-scp",
    fire: (inputs) => { (organization(inputs).policies[0] ?? { targets: [] }).targets = [{ targetId: WORKLOAD, type: "ACCOUNT" }]; },
    expected: `org-no-lake-scp:${LOG_ARCHIVE}`,
    quiet: (inputs) => { (organization(inputs).policies[0] ?? { targets: [] }).targets = [{ targetId: "r-root", type: "ROOT" }]; },
  },
  {
    rule: "coverage-gap",
    fire: (inputs) => { inputs.snapshot.coverage.push({ accountId: WORKLOAD, region: "global", service: "iam", operation: "GetAccountAuthorizationDetails", state: "denied", errorCode: "AccessDenied" }); },
    expected: `coverage-gap:${WORKLOAD}/global`,
    quiet: (inputs) => { inputs.snapshot.coverage.push({ accountId: WORKLOAD, region: "ap-east-1", service: "securitylake", operation: "ListDataLakes", state: "not-enabled" }); },
  },
];

function run(change?: Change) {
  const inputs: Inputs = { snapshot: cleanSnapshot(), baseline: cleanBaseline(), grants: cleanGrants() };
  change?.(inputs);
  return runRules({ ...inputs, now: new Date("2026-12-02T00:00:00Z") });
}

function idsOf(rule: string, change?: Change): string[] {
  return run(change).findings.filter((finding) => finding.ruleId === rule).map((finding) => finding.id);
}

describe("rules on the clean organization", () => {
  it("produces no findings", () => {
    expect(run().findings.map((finding) => finding.id)).toEqual([]);
  });

  it("assesses every rule fully", () => {
    const incomplete = run().assessment.filter((entry) => entry.status !== "assessed");
    expect(incomplete).toEqual([]);
  });
});

describe.each(CASES)("rule $rule", ({ rule, fire, expected, quiet }) => {
  it("fires on the planted risk", () => {
    expect(idsOf(rule, fire)).toEqual([expected]);
  });

  it("stays quiet on the close input", () => {
    expect(idsOf(rule, quiet)).toEqual([]);
  });
});

describe("rule list", () => {
  it("has a case for every rule", () => {
    const covered = new Set(CASES.map((entry) => entry.rule));
    const missing = run().assessment.map((entry) => entry.ruleId).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });
});

describe("rule edge cases", () => {
  it("reports an anonymous principal reaching the lake", () => {
    const anonymous = principal("*", { kind: "anonymous", label: "anyone", inOrganization: false });
    expect(idsOf("access-external-account", (inputs) => inputs.grants.push(grant("lake.read", anonymous)))).toEqual(["access-external-account:*"]);
  });

  it("leaves the SCP rule not assessed when SCPs were not read", () => {
    const result = run((inputs) => {
      organization(inputs).policies = [];
      inputs.snapshot.coverage.push({ accountId: MANAGEMENT, region: "global", service: "organizations", operation: "list-policies", param: "SERVICE_CONTROL_POLICY", state: "denied", errorCode: "AccessDenied" });
    });
    expect(result.assessment.find((entry) => entry.ruleId === "org-no-lake-scp")?.status).toBe("not-assessed");
  });

  it("reports a lake run from the management account", () => {
    const moveLake = (inputs: Inputs) => {
      const region = lakeRegionOf(inputs.snapshot);
      logArchiveOf(inputs.snapshot).regions = [];
      const management = inputs.snapshot.accounts.find((account) => account.accountId === MANAGEMENT);
      management?.regions.push(region);
      organization(inputs).delegatedAdministrators = [];
    };
    const ids = run(moveLake).findings.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining([`lake-no-delegated-administrator:${ORG_ID}`, `org-no-lake-scp:${MANAGEMENT}`]));
  });

  it("reports a plain HTTP endpoint on an allowed domain", () => {
    const change: Change = (inputs) => { subscriber(inputs, "sub-s3").subscriberEndpoint = "http://siem.example.com/lake"; };
    expect(idsOf("subscriber-notification-endpoint-not-allowed", change)).toEqual(["subscriber-notification-endpoint-not-allowed:sub-s3"]);
  });

  it("reports a subscriber role without its boundary", () => {
    const change: Change = (inputs) => { delete role(inputs, SUBSCRIBER_ROLE).permissionsBoundary; };
    expect(idsOf("subscriber-role-boundary-or-extra-policies", change)).toEqual(["subscriber-role-boundary-or-extra-policies:sub-s3"]);
  });

  it("reports whole-account trust of another member", () => {
    const change: Change = (inputs) => setTrust(inputs, ANALYST_ROLE, { Principal: { AWS: `arn:aws:iam::${WORKLOAD}:root` } });
    expect(idsOf("access-role-trust-too-broad", change)).toEqual([`access-role-trust-too-broad:${ANALYST_ROLE}`]);
  });

  it("accepts whole-account trust of the management account", () => {
    const change: Change = (inputs) => setTrust(inputs, ANALYST_ROLE, { Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` } });
    expect(idsOf("access-role-trust-too-broad", change)).toEqual([]);
  });

  it("reports a federated trust without conditions", () => {
    const change: Change = (inputs) => setTrust(inputs, ANALYST_ROLE, { Principal: { Federated: `arn:aws:iam::${SECURITY}:oidc-provider/token.actions.githubusercontent.com` }, Action: "sts:AssumeRoleWithWebIdentity" });
    expect(idsOf("access-role-trust-too-broad", change)).toEqual([`access-role-trust-too-broad:${ANALYST_ROLE}`]);
  });

  it("leaves lake rules partial when a lake Region was not read", () => {
    const result = run((inputs) => {
      logArchiveOf(inputs.snapshot).regions.push({ region: "eu-west-1" });
      inputs.snapshot.coverage.push({ accountId: LOG_ARCHIVE, region: "eu-west-1", service: "securitylake", operation: "ListDataLakes", state: "denied", errorCode: "AccessDeniedException" });
    });
    const assessment = result.assessment.find((entry) => entry.ruleId === "lake-retention-below-minimum");
    expect([assessment?.status, assessment?.gaps]).toEqual(["partial", [`data lake state of ${LOG_ARCHIVE}/eu-west-1 not read`]]);
  });

  it("needs no lake reads in other accounts", () => {
    const result = run((inputs) => { inputs.snapshot.accounts.find((account) => account.accountId === WORKLOAD)?.regions.push({ region: "us-east-1" }); });
    expect(result.assessment.find((entry) => entry.ruleId === "lake-retention-below-minimum")?.status).toBe("assessed");
  });

  it("names the unread administrator Region when no lake was found", () => {
    const result = run((inputs) => { delete lakeRegionOf(inputs.snapshot).securityLake; });
    expect(result.assessment.find((entry) => entry.ruleId === "lake-retention-below-minimum")?.gaps).toEqual([`data lake state of ${LOG_ARCHIVE}/us-east-1 not read`]);
  });

  it("leaves subscriber rules partial when a subscriber role is missing", () => {
    const result = run((inputs) => {
      const iam = logArchiveOf(inputs.snapshot).iam;
      if (iam) iam.roles = iam.roles.filter((entry) => entry.arn !== SUBSCRIBER_ROLE);
    });
    expect(result.assessment.find((entry) => entry.ruleId === "subscriber-role-trust-too-broad")?.status).toBe("partial");
  });
});

describe("SCP protection", () => {
  const withStatement = (statement: Record<string, unknown>): Change => (inputs) => {
    const policy = organization(inputs).policies[0];
    if (policy) policy.document = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Resource: "*", ...statement }] };
  };

  it("ignores a deny aimed at root users", () => {
    const change = withStatement({ Action: "*", Condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } } });
    expect(idsOf("org-no-lake-scp", change)).toEqual([`org-no-lake-scp:${LOG_ARCHIVE}`]);
  });

  it("ignores a Region allow-list", () => {
    const change = withStatement({ NotAction: ["iam:*", "sts:*"], Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1"] } } });
    expect(idsOf("org-no-lake-scp", change)).toEqual([`org-no-lake-scp:${LOG_ARCHIVE}`]);
  });

  it("counts a deny with a break-glass exception", () => {
    const change = withStatement({ Action: ["securitylake:*", "organizations:LeaveOrganization"], Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass" } } });
    expect(idsOf("org-no-lake-scp", change)).toEqual([]);
  });
});
