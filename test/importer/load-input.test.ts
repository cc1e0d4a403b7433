import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAuditInput } from "../../src/importer/index.js";
import { saveSnapshot } from "../../src/model/load.js";
import { EMPTY_AUTHORIZATION_DETAILS, FIXTURES, removeExport, writeExport } from "./export-folder.js";

let scratch: string;
beforeAll(async () => {
  scratch = await writeExport({ "placeholder.txt": "" });
});
afterAll(() => removeExport(scratch));

describe("loadAuditInput", () => {
  it("imports an export folder", async () => {
    const snapshot = await loadAuditInput(join(FIXTURES, "small-org"));
    expect(snapshot.source.kind).toBe("import");
  });

  it("loads a snapshot file", async () => {
    const file = join(scratch, "snapshot.json");
    const imported = await loadAuditInput(join(FIXTURES, "small-org"));
    await saveSnapshot(imported, file);
    expect(await loadAuditInput(file)).toEqual(imported);
  });

  it("imports an authorization-details file", async () => {
    const snapshot = await loadAuditInput(join(FIXTURES, "authorization-details", "url-encoded.json"));
    expect(snapshot.source.kind).toBe("authorization-details");
    expect(snapshot.accounts[0]?.iam?.roles).toHaveLength(1);
  });

  it("rejects an invalid snapshot with its path", async () => {
    const file = join(scratch, "bad-snapshot.json");
    await writeFile(file, JSON.stringify({ schemaVersion: 1, collectedAt: "2026-01-01T00:00:00Z", source: { kind: "import" }, accounts: [{}], coverage: [] }));
    await expect(loadAuditInput(file)).rejects.toThrow(/bad-snapshot\.json: \$\.accounts\[0\]\.accountId: /);
  });

  it("rejects authorization details without ARNs", async () => {
    const file = join(scratch, "empty-authz.json");
    await writeFile(file, EMPTY_AUTHORIZATION_DETAILS);
    await expect(loadAuditInput(file)).rejects.toThrow(/empty-authz\.json: \$: no user, group, role or customer managed policy ARN/);
  });

  it("rejects other JSON", async () => {
    const file = join(scratch, "other.json");
    await writeFile(file, '{"hello":"world"}');
    await expect(loadAuditInput(file)).rejects.toThrow(/other\.json: \$: expected a Lakewarden snapshot/);
  });

  it("rejects a missing path", async () => {
    await expect(loadAuditInput(join(scratch, "nope.json"))).rejects.toThrow(/nope\.json: file or folder not found/);
  });
});
