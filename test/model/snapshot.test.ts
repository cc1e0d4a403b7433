import { describe, expect, it } from "vitest";
import { parseSnapshot, jsonPath } from "../../src/model/load.js";
import { SNAPSHOT_SCHEMA_VERSION } from "../../src/model/snapshot.js";

const minimal = {
  schemaVersion: SNAPSHOT_SCHEMA_VERSION,
  collectedAt: "2026-12-01T00:00:00Z",
  source: { kind: "import", path: "exports/" },
  accounts: [{ accountId: "111122223333", regions: [] }],
  coverage: [],
};

describe("snapshot schema", () => {
  it("accepts a minimal snapshot", () => {
    const snapshot = parseSnapshot(JSON.stringify(minimal), "s.json");
    expect(snapshot.accounts[0]?.accountId).toBe("111122223333");
  });

  it("rejects a bad account id with file and JSON path", () => {
    const bad = { ...minimal, accounts: [{ accountId: "1234", regions: [] }] };
    expect(() => parseSnapshot(JSON.stringify(bad), "s.json")).toThrow(/s\.json: \$\.accounts\[0\]\.accountId: expected a 12-digit AWS account id/);
  });

  it("rejects an unknown field", () => {
    const bad = { ...minimal, surprise: true };
    expect(() => parseSnapshot(JSON.stringify(bad), "s.json")).toThrow(/s\.json: \$: .*surprise/);
  });

  it("rejects another schema version", () => {
    const bad = { ...minimal, schemaVersion: 2 };
    expect(() => parseSnapshot(JSON.stringify(bad), "s.json")).toThrow(/\$\.schemaVersion/);
  });

  it("rejects truncated JSON naming the file", () => {
    expect(() => parseSnapshot(JSON.stringify(minimal).slice(0, 40), "cut.json")).toThrow(/cut\.json: not valid JSON/);
  });

  it("formats JSON paths with odd keys", () => {
    expect(jsonPath(["a", 0, "b-c"])).toBe('$.a[0]["b-c"]');
  });
});
