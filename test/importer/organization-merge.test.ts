import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExportFolder } from "../../src/importer/index.js";
import type { Snapshot } from "../../src/model/snapshot.js";
import { EMPTY_AUTHORIZATION_DETAILS, removeExport, writeExport } from "./export-folder.js";

// The management account read the organization's description and accounts; its delegated
// administrator read the policies. The importer merges both folders' Organizations files.
const MANAGEMENT = "111122223333";
const DELEGATE = "444455556666";
const organization = JSON.stringify({
  Organization: { Id: "o-exampleorg1", Arn: `arn:aws:organizations::${MANAGEMENT}:organization/o-exampleorg1`, MasterAccountId: MANAGEMENT, FeatureSet: "ALL" },
});
const accounts = JSON.stringify({
  Accounts: [
    { Id: MANAGEMENT, Arn: `arn:aws:organizations::${MANAGEMENT}:account/o-exampleorg1/${MANAGEMENT}`, Name: "Management", Status: "ACTIVE" },
    { Id: DELEGATE, Arn: `arn:aws:organizations::${MANAGEMENT}:account/o-exampleorg1/${DELEGATE}`, Name: "Security Tooling", Status: "ACTIVE" },
  ],
});
const policies = JSON.stringify({
  Policies: [{ Id: "p-lakeguard1", Arn: `arn:aws:organizations::${MANAGEMENT}:policy/o-exampleorg1/service_control_policy/p-lakeguard1`, Name: "LakeGuard", Type: "SERVICE_CONTROL_POLICY", AwsManaged: false }],
});
const truncated = JSON.stringify({ UserDetailList: [], RoleDetailList: [], IsTruncated: true, Marker: "AAEAAXZ0bWFya2Vy" });

let root: string;
let snapshot: Snapshot;
beforeAll(async () => {
  root = await writeExport({
    [`${MANAGEMENT}/global/iam__get-account-authorization-details.json`]: EMPTY_AUTHORIZATION_DETAILS,
    [`${MANAGEMENT}/global/organizations__describe-organization.json`]: organization,
    [`${MANAGEMENT}/global/organizations__list-accounts.json`]: accounts,
    [`${DELEGATE}/global/iam__get-account-authorization-details.json`]: truncated,
    [`${DELEGATE}/global/organizations__list-policies__SERVICE_CONTROL_POLICY.json`]: policies,
    [`${DELEGATE}/global/organizations__describe-policy__p-lakeguard1.json`]: JSON.stringify({
      Policy: { PolicySummary: JSON.parse(policies).Policies[0], Content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"securitylake:*","Resource":"*"}]}' },
    }),
  });
  snapshot = await importExportFolder(root);
});
afterAll(() => removeExport(root));

describe("Organizations files in two folders", () => {
  it("merges description, accounts and policies", () => {
    expect(snapshot.organization?.managementAccountId).toBe(MANAGEMENT);
    expect(snapshot.organization?.accounts.map((account) => account.name)).toEqual(["Management", "Security Tooling"]);
    expect(snapshot.organization?.policies.map((policy) => policy.name)).toEqual(["LakeGuard"]);
  });

  it("counts a file in either folder as present", () => {
    const missing = snapshot.coverage.filter((entry) => entry.state === "missing").map((entry) => `${entry.operation} ${entry.param ?? ""}`.trim());
    expect(missing).toEqual([
      "ListDelegatedAdministrators securitylake.amazonaws.com",
      "ListPolicies RESOURCE_CONTROL_POLICY",
      "ListRoots",
      "ListTargetsForPolicy p-lakeguard1",
    ]);
  });

  it("marks a one-page IAM output as truncated", () => {
    const entry = snapshot.coverage.find((candidate) => candidate.accountId === DELEGATE && candidate.operation === "GetAccountAuthorizationDetails");
    expect(entry?.state).toBe("error");
    expect(entry?.errorCode).toBe("Truncated");
  });
});
