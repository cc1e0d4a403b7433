import { describe, expect, it } from "vitest";
import { LAKE_BUCKET, account, allow, arnOf, doc, graphOf, role, snapshot, trust, user } from "./support/mini-org.js";

const OBJECTS = `${LAKE_BUCKET}/*`;

describe("role chains (alice, Triage, LakeForensics)", () => {
  const graph = graphOf(
    snapshot([
      account({
        lake: true,
        users: [
          user("alice", [doc(allow("sts:AssumeRole", arnOf("role", "Triage")))]),
          user("bob", [doc(allow("sts:AssumeRole", "*"))]),
        ],
        roles: [
          role("Triage", trust({ AWS: arnOf("user", "alice") }), [doc(allow("sts:AssumeRole", arnOf("role", "LakeForensics")))]),
          role("LakeForensics", trust({ AWS: arnOf("role", "Triage") }), [doc(allow("s3:GetObject", OBJECTS))]),
        ],
      }),
    ]),
  );
  const readers = new Map(graph.grants("lake.read").map((grant) => [grant.principal.id, grant]));

  it("alice reads through two roles", () => {
    expect(readers.get(arnOf("user", "alice"))?.path.map((step) => step.to)).toEqual([arnOf("role", "Triage"), arnOf("role", "LakeForensics"), expect.stringContaining("data-lake")]);
  });

  it("alice's grant is plainly allowed", () => {
    expect(readers.get(arnOf("user", "alice"))?.decision).toBe("allowed");
  });

  it("bob cannot read", () => {
    expect(readers.has(arnOf("user", "bob"))).toBe(false);
  });

  it("Triage reads only through LakeForensics", () => {
    expect(readers.get(arnOf("role", "Triage"))?.path).toHaveLength(2);
  });

  it("alice escalates, LakeForensics does not", () => {
    const escalating = graph.grants("escalate").map((grant) => grant.principal.id);
    expect([escalating.includes(arnOf("user", "alice")), escalating.includes(arnOf("role", "LakeForensics"))]).toEqual([true, false]);
  });
});

describe("PassRole into Lambda (dev1, dev2, dev3)", () => {
  const etl = arnOf("role", "LakeETL");
  const graph = graphOf(
    snapshot([
      account({
        lake: true,
        users: [
          user("dev1", [doc(allow("iam:PassRole", etl), allow(["lambda:CreateFunction", "lambda:InvokeFunction"]))]),
          user("dev2", [doc(allow("iam:PassRole", etl))]),
          user("dev3", [
            doc(allow("iam:PassRole", etl, { StringEquals: { "iam:PassedToService": "glue.amazonaws.com" } }), allow(["lambda:CreateFunction", "lambda:InvokeFunction"])),
          ]),
        ],
        roles: [role("LakeETL", trust({ Service: "lambda.amazonaws.com" }), [doc(allow("s3:GetObject", OBJECTS))])],
      }),
    ]),
  );
  const readers = new Map(graph.grants("lake.read").map((grant) => [grant.principal.id, grant]));

  it("dev1 reads through a new function", () => {
    expect(readers.get(arnOf("user", "dev1"))?.path[0]?.edge).toBe("passRole:lambda");
  });

  it("dev1's path is plainly allowed", () => {
    expect(readers.get(arnOf("user", "dev1"))?.decision).toBe("allowed");
  });

  it("dev2 has nothing to pass the role to", () => {
    expect(readers.has(arnOf("user", "dev2"))).toBe(false);
  });

  it("dev3 fails iam:PassedToService", () => {
    expect(readers.has(arnOf("user", "dev3"))).toBe(false);
  });
});

describe("Lake Formation versus IAM (Analyst, Hunter, LfAdmin, SettingsEditor)", () => {
  const table = { Table: { CatalogId: "111122223333", DatabaseName: "amazon_security_lake_glue_db_us_east_1", Name: "amazon_security_lake_table_us_east_1_cloud_trail_mgmt_2_0" } };
  const analystPolicy = doc(
    allow(["athena:*", "glue:GetTable", "glue:GetTables", "glue:GetDatabase", "glue:GetPartitions", "lakeformation:GetDataAccess"]),
    allow(["s3:GetBucketLocation", "s3:ListBucket", "s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::soc-athena-results", "arn:aws:s3:::soc-athena-results/*"]),
  );
  const lakeFormationOf = (permissions: { principal: string; resource: Record<string, unknown>; permissions: string[]; permissionsWithGrantOption: string[] }[]) => ({
    settings: { dataLakeAdmins: [arnOf("role", "LfAdmin")], readOnlyAdmins: [], createDatabaseDefaultPermissions: [], createTableDefaultPermissions: [], trustedResourceOwners: [] },
    permissions,
  });
  const build = (permissions: Parameters<typeof lakeFormationOf>[0]) =>
    graphOf(
      snapshot([
        account({
          lake: true,
          region: { lakeFormation: lakeFormationOf(permissions) },
          roles: [
            role("Analyst", trust({ AWS: "111122223333" }), [analystPolicy]),
            role("Hunter", trust({ AWS: "111122223333" }), [doc(allow(["s3:GetObject", "s3:ListBucket"], [LAKE_BUCKET, OBJECTS]))]),
            role("LfAdmin", trust({ AWS: "111122223333" })),
            role("SettingsEditor", trust({ AWS: "111122223333" }), [doc(allow(["lakeformation:GetDataLakeSettings", "lakeformation:PutDataLakeSettings"]))]),
          ],
        }),
      ]),
    );
  const readersOf = (graph: ReturnType<typeof build>) => new Map(graph.grants("lake.read").map((grant) => [grant.principal.id, grant]));
  const noGrants = readersOf(build([]));
  const selectGrant = readersOf(build([{ principal: arnOf("role", "Analyst"), resource: table, permissions: ["SELECT"], permissionsWithGrantOption: [] }]));
  const iamAllowed = readersOf(build([{ principal: "IAM_ALLOWED_PRINCIPALS", resource: table, permissions: ["ALL"], permissionsWithGrantOption: [] }]));

  it("Analyst cannot query without a grant", () => {
    expect(noGrants.has(arnOf("role", "Analyst"))).toBe(false);
  });

  it("Analyst queries after a SELECT grant", () => {
    expect(selectGrant.get(arnOf("role", "Analyst"))?.path.at(-1)?.edge).toBe("lfGrant");
  });

  it("Hunter reads straight from S3", () => {
    expect(noGrants.get(arnOf("role", "Hunter"))?.decision).toBe("allowed");
  });

  it("LfAdmin reads as administrator", () => {
    expect(noGrants.get(arnOf("role", "LfAdmin"))?.path.at(-1)?.edge).toBe("lfAdmin");
  });

  it("SettingsEditor can make itself administrator", () => {
    expect(noGrants.has(arnOf("role", "SettingsEditor"))).toBe(true);
  });

  it("IAM_ALLOWED_PRINCIPALS lets IAM decide", () => {
    expect(iamAllowed.has(arnOf("role", "Analyst"))).toBe(true);
  });
});

describe("public bucket policy with an empty condition", () => {
  const statement = (condition: Record<string, unknown>) => ({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: OBJECTS, Condition: condition });
  const build = (condition: Record<string, unknown>) =>
    graphOf(
      snapshot([
        account({
          lake: true,
          region: { s3Buckets: [{ name: "aws-security-data-lake-us-east-1-example1", arn: LAKE_BUCKET, policy: doc(statement(condition)) }] },
        }),
      ]),
    );

  it("empty StringEquals makes the lake public", () => {
    expect(build({ StringEquals: {} }).grants("lake.read").some((grant) => grant.principal.kind === "anonymous")).toBe(true);
  });

  it("an organization condition keeps anonymous out", () => {
    expect(build({ StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }).grants("lake.read").some((grant) => grant.principal.kind === "anonymous")).toBe(false);
  });
});

describe("subscriber role with an external id", () => {
  const subscriberRole = arnOf("role", "AmazonSecurityLake-896f218b");
  const graph = graphOf(
    snapshot([
      account({
        lake: true,
        roles: [role("AmazonSecurityLake-896f218b", trust({ AWS: "arn:aws:iam::444455556666:root" }, { StringEquals: { "sts:ExternalId": "ext-7c1d2" } }), [doc(allow("s3:GetObject", OBJECTS))])],
      }),
      account({
        accountId: "444455556666",
        roles: [
          role("SiemIngest", trust({ AWS: "444455556666" }), [doc(allow("sts:AssumeRole", "arn:aws:iam::111122223333:role/*"))], {}, "444455556666"),
          role("Dev", trust({ AWS: "444455556666" }), [], {}, "444455556666"),
        ],
      }),
    ]),
  );
  const readers = new Map(graph.grants("lake.read").map((grant) => [grant.principal.id, grant]));
  const siem = readers.get(arnOf("role", "SiemIngest", "444455556666"));

  it("SiemIngest reads through the subscriber role", () => {
    expect(siem?.path[0]?.to).toBe(subscriberRole);
  });

  it("SiemIngest's path needs the external id", () => {
    expect(siem?.path[0]?.conditions?.map((condition) => condition.key.toLowerCase())).toEqual(["sts:externalid"]);
  });

  it("SiemIngest's grant is allowedIf", () => {
    expect(siem?.decision).toBe("allowedIf");
  });

  it("Dev cannot assume the role", () => {
    expect(readers.has(arnOf("role", "Dev", "444455556666"))).toBe(false);
  });
});

describe("bucket policy naming an account", () => {
  const graph = graphOf(
    snapshot([
      account({
        lake: true,
        region: {
          s3Buckets: [
            {
              name: "aws-security-data-lake-us-east-1-example1",
              arn: LAKE_BUCKET,
              policy: doc({ Sid: "SubscriberAccount", Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "s3:GetObject", Resource: OBJECTS }),
            },
          ],
        },
      }),
    ]),
  );
  const readers = new Map(graph.grants("lake.read").map((grant) => [grant.principal.id, grant]));

  it("the named account is a delegated reader", () => {
    expect(readers.get("arn:aws:iam::444455556666:root")?.principal.kind).toBe("external-account");
  });

  it("the evidence names the bucket policy statement", () => {
    expect(readers.get("arn:aws:iam::444455556666:root")?.path[0]?.statements.map((statement) => statement.sid)).toContain("SubscriberAccount");
  });

  it("an unnamed account is not a reader", () => {
    expect(readers.has("arn:aws:iam::999988887777:root")).toBe(false);
  });
});

describe("grants for some principals", () => {
  const graph = graphOf(
    snapshot([
      account({
        lake: true,
        users: [user("alice", [doc(allow("sts:AssumeRole", arnOf("role", "Reader")))]), user("carol", [doc(allow("s3:GetObject", OBJECTS))])],
        roles: [role("Reader", trust({ AWS: arnOf("user", "alice") }), [doc(allow("s3:GetObject", OBJECTS))])],
      }),
    ]),
  );

  it("grantsAmong matches the full answer", () => {
    const only = new Set([arnOf("user", "alice")]);
    expect(graph.grantsAmong("lake.read", only)).toEqual(graph.grants("lake.read").filter((grant) => only.has(grant.principal.id)));
  });
});
