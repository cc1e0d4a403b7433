import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importAuthorizationDetailsFile } from "../../src/importer/index.js";

// Public authorization-details files live in the shared folder beside the repository (in CI too).
const folder = fileURLToPath(new URL("../../../shared/fixtures/public/cloudsplaining-authz-details/", import.meta.url));
const files = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".json")).sort() : [];

describe.skipIf(files.length === 0)("public authorization-details fixtures", () => {
  it.each(files)("imports %s", async (name) => {
    const snapshot = await importAuthorizationDetailsFile(join(folder, name));
    expect(snapshot.accounts).toHaveLength(1);
  });

  it("reads the lab account's principals", async () => {
    const snapshot = await importAuthorizationDetailsFile(join(folder, "example-account-authz-details.json"));
    const iam = snapshot.accounts[0]?.iam;
    expect(snapshot.accounts[0]?.accountId).toBe("200611803367");
    expect([iam?.users.length, iam?.groups.length, iam?.roles.length, iam?.policies.length]).toEqual([44, 5, 78, 84]);
  });

  it("reads a file without RoleDetailList", async () => {
    const snapshot = await importAuthorizationDetailsFile(join(folder, "test-managed-policy-mismatch.json"));
    expect(snapshot.accounts[0]?.iam?.roles).toEqual([]);
  });
});

if (files.length === 0) {
  describe("public authorization-details fixtures", () => {
    it.skip(`skipped: ${folder} is absent (clone the shared folder beside the repository)`, () => {});
  });
}
