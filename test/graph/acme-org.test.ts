import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CapabilityGrant } from "../../src/evaluator/access.js";
import type { AccessGraph } from "../../src/evaluator/graph/index.js";
import { loadAuditInput } from "../../src/importer/load-input.js";
import { graphOf } from "./support/mini-org.js";

/** The planted risks of the bundled example organization, found with their exact paths. */
const FOLDER = new URL("../../examples/acme-org", import.meta.url).pathname;
const present = existsSync(FOLDER);

const DEVELOPER = "arn:aws:iam::956617283546:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DeveloperAccess_5d9e0b7c2a41f836";
const SHARED_ANALYTICS = "arn:aws:iam::627384950213:role/shared-analytics";
const PIPELINE = "arn:aws:iam::845506172435:role/platform-pipeline";
const OPERATIONS = "arn:aws:iam::518273649102:role/SecurityLakeOperations";
const HOME_LAKE = "arn:aws:securitylake:us-east-1:518273649102:data-lake/default";

let graph: AccessGraph;
const grantOf = (capability: string, principal: string): CapabilityGrant | undefined => graph.grants(capability).find((grant) => grant.principal.id === principal);
const sids = (grant: CapabilityGrant | undefined, step: number) => grant?.path[step]?.statements.map((statement) => statement.sid).filter(Boolean);

describe.skipIf(!present)("acme-org planted chains", () => {
  beforeAll(async () => {
    graph = graphOf(await loadAuditInput(FOLDER));
  });

  it("developer reaches lake.read through shared-analytics", () => {
    expect(grantOf("lake.read", DEVELOPER)?.path.map((step) => [step.edge, step.from, step.to])).toEqual([
      ["canAssume", DEVELOPER, SHARED_ANALYTICS],
      ["capability", SHARED_ANALYTICS, HOME_LAKE],
    ]);
  });

  it("developer's hop names both sides of the trust", () => {
    expect(sids(grantOf("lake.read", DEVELOPER), 0)).toEqual(expect.arrayContaining(["SandboxDevelopers", "AssumeSharedAnalytics"]));
  });

  it("shared-analytics reads through the audit account statements", () => {
    expect(sids(grantOf("lake.read", DEVELOPER), 1)).toEqual(expect.arrayContaining(["ReadSecurityLakeObjects", "DecryptSecurityLakeObjects", "SecurityAuditAccountRead", "SecurityAuditAccountDecryptViaS3"]));
  });

  it("developer's read is plainly allowed", () => {
    expect(grantOf("lake.read", DEVELOPER)?.decision).toBe("allowed");
  });

  it("platform-pipeline blinds the lake through SecurityLakeOperations", () => {
    expect(grantOf("lake.blind", PIPELINE)?.path.map((step) => [step.edge, step.from, step.to])).toEqual([
      ["canAssume", PIPELINE, OPERATIONS],
      ["capability", OPERATIONS, expect.stringMatching(/^arn:aws:securitylake:[a-z0-9-]+:518273649102:data-lake\/default$/)],
    ]);
  });

  it("platform-pipeline's hop uses AssumeDeploymentRoles", () => {
    expect(sids(grantOf("lake.blind", PIPELINE), 0)).toContain("AssumeDeploymentRoles");
  });

  it("SecurityLakeOperations blinds with ManageAwsLogSources", () => {
    expect(sids(grantOf("lake.blind", PIPELINE), 1)).toEqual(["ManageAwsLogSources"]);
  });

  it("Fabrikam reaches lake data from outside", () => {
    expect(grantOf("lake.read", "arn:aws:iam::389900112233:root")?.principal.inOrganization).toBe(false);
  });

  it("Fabrikam's other route runs through its subscriber role", () => {
    const grant = grantOf("lake.read", "arn:aws:iam::389900112233:root");
    expect(grant?.otherRoutes).toContain("arn:aws:iam::518273649102:role/AmazonSecurityLake-c61a8e3f-5b7d-4e92-a0c4-9f2b6d8e1a75");
  });

  it("Contoso reads through the bucket policy", () => {
    expect(sids(grantOf("lake.read", "arn:aws:iam::463728190055:root"), 0)).toContain("ContosoForensicsEngagement2025");
  });

  it("any AWS account reaches SecurityLakeQueryLegacy", () => {
    expect(grantOf("lake.read", "any-aws-account")?.path[0]?.to).toBe("arn:aws:iam::518273649102:role/SecurityLakeQueryLegacy");
  });
});
