import { describe, expect, it } from "vitest";
import { compareWithAccessAnalyzer } from "../../src/findings/access-analyzer/index.js";
import type { CapabilityGrant, PrincipalRef } from "../../src/evaluator/access.js";
import type { Snapshot } from "../../src/model/snapshot.js";

const LAKE = "111111111111";
const MEMBER = "222222222222";
const PARTNER = "999999999999";
const BUCKET = "arn:aws:s3:::aws-security-data-lake-us-east-1-abc";
const ROLE = `arn:aws:iam::${LAKE}:role/lake-reader`;

function snapshot(analyzerType: string | undefined, findings: Record<string, unknown>[] = []): Snapshot {
  const analyzers = analyzerType === undefined ? [] : [{ arn: `arn:aws:access-analyzer:us-east-1:${LAKE}:analyzer/org`, name: "org", type: analyzerType }];
  return {
    schemaVersion: 1,
    collectedAt: "2026-12-04T21:30:00Z",
    source: { kind: "import" },
    organization: {
      id: "o-abc",
      arn: "arn:aws:organizations::111111111111:organization/o-abc",
      managementAccountId: LAKE,
      roots: [],
      organizationalUnits: [],
      accounts: [LAKE, MEMBER].map((id) => ({ id, arn: `arn:aws:organizations::${LAKE}:account/o-abc/${id}`, name: `acct-${id}` })),
      policies: [],
      delegatedAdministrators: [],
    },
    accounts: [
      {
        accountId: LAKE,
        regions: [
          {
            region: "us-east-1",
            securityLake: { dataLake: { dataLakeArn: `arn:aws:securitylake:us-east-1:${LAKE}:data-lake/default`, region: "us-east-1", s3BucketArn: BUCKET, transitions: [], replicationRegions: [] } },
            ...(analyzerType === undefined ? {} : { accessAnalyzer: { analyzers, findings } }),
          },
        ],
      },
    ],
    coverage: [],
  };
}

function account(id: string, inOrganization: boolean): PrincipalRef {
  return { id: `arn:aws:iam::${id}:root`, kind: inOrganization ? "account" : "external-account", label: id, accountId: id, inOrganization };
}

function readGrant(principal: PrincipalRef, viaRole: boolean): CapabilityGrant {
  const read = { from: viaRole ? ROLE : principal.id, to: BUCKET, edge: "capability", description: "reads", statements: [] };
  const assume = { from: principal.id, to: ROLE, edge: "canAssume", description: "assumes", statements: [] };
  return { capability: "lake.read", principal, decision: "allowed", path: viaRole ? [assume, read] : [read], resources: [`${BUCKET}/aws/object`] };
}

const bucketFinding = { id: "f-1", resource: BUCKET, resourceType: "AWS::S3::Bucket", status: "ACTIVE", findingType: "ExternalAccess" };

describe("Access Analyzer comparison", () => {
  it("reports not assessed without analyzers", () => {
    const result = compareWithAccessAnalyzer({ snapshot: snapshot(undefined), grants: [], subscribers: [], flaggedPrincipals: new Set() });
    expect(result.status).toBe("not-assessed");
  });

  it("agrees on a direct bucket grant", () => {
    const result = compareWithAccessAnalyzer({ snapshot: snapshot("ORGANIZATION", [bucketFinding]), grants: [readGrant(account(PARTNER, false), false)], subscribers: [], flaggedPrincipals: new Set() });
    expect(result.rows.map((row) => [row.outcome, row.resource, row.principalAccountId])).toEqual([["agree", BUCKET, PARTNER]]);
  });

  it("explains a role chain Access Analyzer cannot follow", () => {
    const result = compareWithAccessAnalyzer({ snapshot: snapshot("ORGANIZATION"), grants: [readGrant(account(PARTNER, false), true)], subscribers: [], flaggedPrincipals: new Set() });
    const bucket = result.rows.find((row) => row.resource === BUCKET)!;
    expect(bucket.outcome).toBe("only-lakewarden");
    expect(bucket.explanation).toContain("does not follow role chains");
  });

  it("explains the organization zone of trust", () => {
    const member = account(MEMBER, true);
    const result = compareWithAccessAnalyzer({ snapshot: snapshot("ORGANIZATION"), grants: [readGrant(member, false)], subscribers: [], flaggedPrincipals: new Set([member.id]) });
    expect(result.rows[0]!.explanation).toContain("inside the organization, the zone of trust");
  });

  it("treats members as external to an account analyzer", () => {
    const result = compareWithAccessAnalyzer({ snapshot: snapshot("ACCOUNT", [bucketFinding]), grants: [readGrant(account(MEMBER, true), false)], subscribers: [], flaggedPrincipals: new Set() });
    expect(result.rows.map((row) => row.outcome)).toEqual(["agree"]);
  });

  it("explains a finding Lakewarden does not reach", () => {
    const result = compareWithAccessAnalyzer({ snapshot: snapshot("ORGANIZATION", [bucketFinding]), grants: [], subscribers: [], flaggedPrincipals: new Set() });
    expect(result.rows.map((row) => row.outcome)).toEqual(["only-access-analyzer"]);
    expect(result.rows[0]!.explanation).toContain("do not apply resource control policies");
  });

  it("counts findings outside the lake", () => {
    const other = { ...bucketFinding, id: "f-2", resource: "arn:aws:s3:::unrelated" };
    const result = compareWithAccessAnalyzer({ snapshot: snapshot("ORGANIZATION", [other]), grants: [], subscribers: [], flaggedPrincipals: new Set() });
    expect(result.otherFindings).toBe(1);
  });
});
