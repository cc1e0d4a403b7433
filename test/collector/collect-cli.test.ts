import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEventsSince } from "../../src/cli/commands/collect.js";
import { main } from "../../src/cli/program.js";
import { importExportFolder } from "../../src/importer/index.js";
import { FAKE_CREDENTIALS, startFakeAws, type FakeAws } from "../fake-aws/server.js";
import { buildWorld, LAKE_REGION, ORG_ROLE } from "../fake-aws/world.js";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "lakewarden-collect-cli-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("lakewarden collect without credentials", () => {
  it("exits 2 with one line", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const output = join(folder, "none.json");

    const code = await main(["node", "lakewarden", "collect", "-o", output]);

    expect(code).toBe(2);
    expect(existsSync(output)).toBe(false);
    const lines = stderr.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lakewarden: error LW_NO_CREDENTIALS: no AWS credentials found: pass --profile NAME .*AWS_ACCESS_KEY_ID.*\n$/);
  });
});

describe("lakewarden collect", () => {
  let fake: FakeAws;

  beforeAll(async () => {
    fake = await startFakeAws(buildWorld());
  });
  afterAll(async () => {
    await fake.close();
  });

  const run = (output: string, ...extra: string[]) => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", FAKE_CREDENTIALS.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", FAKE_CREDENTIALS.secretAccessKey);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const args = ["collect", "--endpoint-url", fake.endpoint, "--region", LAKE_REGION, "--org-role", ORG_ROLE, "--log-format", "json", "-o", output, ...extra];
    return main(["node", "lakewarden", ...args]);
  };

  it("writes a snapshot", async () => {
    const output = join(folder, "snapshot.json");
    expect(await run(output)).toBe(0);

    const snapshot = JSON.parse(await readFile(output, "utf8")) as { source: { kind: string }; accounts: unknown[] };
    expect(snapshot.source.kind).toBe("collect");
    expect(snapshot.accounts.length).toBe(3);
  });

  it("writes a replayable export", async () => {
    const output = join(folder, "export");
    expect(await run(output, "--layout", "export")).toBe(0);

    const imported = await importExportFolder(output);
    expect(imported.accounts.map((account) => account.accountId)).toEqual(["111111111111", "222222222222", "333333333333"]);
  });

  it("rejects a bad Region name", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await run(join(folder, "bad.json"), "--region", "mars")).toBe(2);
  });
});

describe("parseEventsSince", () => {
  const now = Date.parse("2026-12-04T00:00:00Z");

  it("reads days", () => {
    expect(parseEventsSince("7d", now).toISOString()).toBe("2026-11-27T00:00:00.000Z");
  });

  it("reads an ISO time", () => {
    expect(parseEventsSince("2026-12-01T10:00:00Z", now).toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });

  it("rejects more than 90 days", () => {
    expect(() => parseEventsSince("120d", now)).toThrow(/90 days/);
  });
});
