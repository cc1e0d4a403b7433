import { describe, expect, it } from "vitest";
import type { CapabilityGrant, PrincipalRef } from "../../src/evaluator/access.js";
import type { AuditResult } from "../../src/findings/audit-result.js";
import { labelWithAccount } from "../../src/report/view/accounts.js";
import { viewReport } from "../../src/report/view/report-view.js";
import { exampleAuditResult, LOG_ARCHIVE, WORKLOAD_PROD } from "../fixtures/audit-results.js";
import { openFindingViews, principalRows } from "./view-helpers.js";

const SSO_ADMIN = "AWSReservedSSO_AdministratorAccess_3f2a9c81d4e6b705";
const LAKE_BUCKET = "arn:aws:s3:::aws-security-data-lake-us-east-1-k3j2h1g9f8d7";

function ssoAdmin(accountId: string): PrincipalRef {
  return { id: `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${SSO_ADMIN}`, kind: "role", label: SSO_ADMIN, accountId, inOrganization: true };
}

function readGrant(principal: PrincipalRef): CapabilityGrant {
  const step = { from: principal.id, to: LAKE_BUCKET, edge: "capability", description: "reads the lake", statements: [] };
  return { capability: "lake.read", principal, decision: "allowed", path: [step], resources: [LAKE_BUCKET] };
}

/** The example result with one role name in two accounts, a service principal and account names. */
function namedResult(): AuditResult {
  const result = exampleAuditResult();
  const service: PrincipalRef = { id: "lambda.amazonaws.com", kind: "service", label: "lambda.amazonaws.com", inOrganization: false };
  const subscriberArn = result.subscribers[0]!.subscriber.subscriberArn;
  const subscriber: PrincipalRef = { id: subscriberArn, kind: "subscriber", label: "partner-siem", accountId: "222233334444", inOrganization: true };
  result.grants = [...result.grants, readGrant(ssoAdmin(LOG_ARCHIVE)), readGrant(ssoAdmin(WORKLOAD_PROD)), readGrant(service), readGrant(subscriber)];
  result.accountNames = { [LOG_ARCHIVE]: "acme-log-archive" };
  return result;
}

describe("account labels", () => {
  const view = viewReport(namedResult());
  const read = view.access.summaries.find((summary) => summary.capability === "lake.read")!;
  const rows = principalRows(view);

  it("names the account of same-named roles", () => {
    const admins = rows.filter((row) => row.principalName === SSO_ADMIN).map((row) => row.inAccount);
    expect(admins).toEqual(["acme-log-archive", WORKLOAD_PROD]);
  });

  it("names the account in path hops", () => {
    const admin = rows.find((row) => row.accountId === LOG_ARCHIVE && row.principalName === SSO_ADMIN)!;
    expect(admin.chain).toEqual([`${SSO_ADMIN} (acme-log-archive)`, "bucket aws-security-data-lake-us-east-1-k3j2h1g9f8d7"]);
  });

  it("names who uses a subscriber", () => {
    const row = rows.find((entry) => entry.kind === "subscriber")!;
    expect([row.inAccount, row.usedBy]).toEqual(["acme-log-archive", "999988887777"]);
    expect(row.chain[0]).toBe("partner-siem (999988887777)");
  });

  it("names the account of a finding subject", () => {
    const finding = openFindingViews(view).find((item) => item.accountId === LOG_ARCHIVE)!;
    expect(finding.accountLabel).toBe("acme-log-archive");
  });

  it("leaves an account root's label alone", () => {
    expect(labelWithAccount("acme-log-archive", LOG_ARCHIVE, { [LOG_ARCHIVE]: "acme-log-archive" })).toBe("acme-log-archive");
  });

  it("counts AWS services apart", () => {
    expect(read.awsServices).toBe(1);
  });

  it("keeps AWS services out of the external count", () => {
    const service = rows.find((row) => row.kind === "service")!;
    expect(service.outsideOrganization).toBe(false);
  });
});
