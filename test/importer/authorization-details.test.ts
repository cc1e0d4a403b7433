import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { importAuthorizationDetailsFile } from "../../src/importer/index.js";
import type { Snapshot } from "../../src/model/snapshot.js";

const fixtures = fileURLToPath(new URL("../fixtures/importer/authorization-details/", import.meta.url));

async function accountOf(name: string): Promise<NonNullable<Snapshot["accounts"][number]>> {
  const snapshot = await importAuthorizationDetailsFile(`${fixtures}${name}`);
  const account = snapshot.accounts[0];
  if (!account) throw new Error(`no account in ${name}`);
  return account;
}

describe("importAuthorizationDetailsFile", () => {
  it("gives the same IAM for decoded and URL-encoded forms", async () => {
    const decoded = await accountOf("decoded.json");
    const encoded = await accountOf("url-encoded.json");
    expect(encoded).toEqual(decoded);
  });

  it("gives the same IAM for JSON-string documents", async () => {
    const decoded = await accountOf("decoded.json");
    const strings = await accountOf("json-strings.json");
    expect(strings).toEqual(decoded);
  });

  it("decodes plus, percent and non-ASCII in documents", async () => {
    const account = await accountOf("url-encoded.json");
    const inline = account.iam?.users[0]?.inlinePolicies[0]?.document;
    expect(JSON.stringify(inline)).toContain('"aws:PrincipalTag/cost-center":"sec+ops"');
    expect(JSON.stringify(inline)).toContain('"aws:RequestTag/owner":"Zoë Müller"');
    expect(JSON.stringify(inline)).toContain('"s3:prefix":"100%/reports"');
  });

  it("keeps a literal plus in a trust policy", async () => {
    const account = await accountOf("url-encoded.json");
    const trust = JSON.stringify(account.iam?.roles[0]?.trustPolicy);
    expect(trust).toContain("arn:aws:iam::210987654321:role/ci+deploy");
    expect(trust).toContain('"sts:ExternalId":"ext+id%20literal"');
  });

  it("takes the account from the ARNs", async () => {
    const account = await accountOf("decoded.json");
    expect(account.accountId).toBe("210987654321");
  });

  it("records the source kind and one coverage entry", async () => {
    const snapshot = await importAuthorizationDetailsFile(`${fixtures}decoded.json`);
    expect(snapshot.source.kind).toBe("authorization-details");
    expect(snapshot.coverage).toEqual([
      { accountId: "210987654321", region: "global", service: "iam", operation: "GetAccountAuthorizationDetails", state: "collected" },
    ]);
  });

  it("converts groups, attachments and tags", async () => {
    const account = await accountOf("decoded.json");
    expect(account.iam?.users[0]?.groups).toEqual(["SecurityReaders"]);
    expect(account.iam?.groups[0]?.attachedPolicies).toEqual(["arn:aws:iam::210987654321:policy/LakeGuard"]);
    expect(account.iam?.users[0]?.tags).toEqual({ team: "secops" });
    expect(account.iam?.policies[0]?.awsManaged).toBe(false);
  });
});
