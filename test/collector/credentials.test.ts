import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/collector/clients.js";
import { assumeRoleProvider, RENEW_BEFORE_EXPIRY_MS } from "../../src/collector/credentials.js";
import { REDACTED_PATHS } from "../../src/shared/logger.js";
import { isUndecodable, type PolicyDocument } from "../../src/model/snapshot.js";
import { buildCollectedSnapshot } from "../../src/cli/collected-snapshot.js";
import { collect } from "../../src/collector/run.js";
import { FAKE_CREDENTIALS, startFakeAws, type FakeAws } from "../fake-aws/server.js";
import { buildWorld, LAKE_ACCOUNT, ORG_ROLE } from "../fake-aws/world.js";
import { collectFromFake, virtualClock } from "./helpers.js";

/** The shape of AWS access key ids: long-term (AKIA) and temporary (ASIA). */
const ACCESS_KEY_SHAPE = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

describe("assumeRoleProvider", () => {
  let fake: FakeAws;

  beforeAll(async () => {
    fake = await startFakeAws(buildWorld());
  });
  afterAll(async () => {
    await fake.close();
  });

  const assumeRoleCalls = () => fake.received.filter((received) => received.operation === "AssumeRole").length;

  it("re-assumes before the session expires", async () => {
    const clock = virtualClock();
    const sts = createClient("sts", "us-east-1", { credentials: FAKE_CREDENTIALS, maxAttempts: 1, requestTimeoutMs: 2_000, endpoint: fake.endpoint });
    const provider = assumeRoleProvider(sts, { roleArn: `arn:aws:iam::${LAKE_ACCOUNT}:role/${ORG_ROLE}`, sessionName: "lakewarden-test" }, clock);
    const before = assumeRoleCalls();

    const first = await provider();
    await provider();
    expect(assumeRoleCalls() - before).toBe(1);

    // The fake issues one-hour sessions: move to just inside the renewal window.
    await clock.sleep(3600_000 - RENEW_BEFORE_EXPIRY_MS + 1_000);
    const renewed = await provider();
    expect(assumeRoleCalls() - before).toBe(2);
    expect(renewed.expiration?.getTime()).toBeGreaterThanOrEqual(first.expiration?.getTime() ?? 0);
  });
});

describe("collection with odd data", () => {
  it("records an undecodable policy and goes on", async () => {
    const world = buildWorld();
    const role = world.iam[LAKE_ACCOUNT]!.RoleDetailList[0] as { RolePolicyList: { PolicyDocument: string }[] };
    role.RolePolicyList[0]!.PolicyDocument = "%7B%22Version%ZZ";
    const { result } = await collectFromFake(world);

    const snapshot = await buildCollectedSnapshot(result);
    const roles = snapshot.accounts.find((account) => account.accountId === LAKE_ACCOUNT)?.iam?.roles ?? [];
    const document = roles.find((candidate) => candidate.name === "role-0")?.inlinePolicies[0]?.document as PolicyDocument;
    expect(isUndecodable(document)).toBe(true);
    expect(roles.length).toBe(3);
  });

  it("records an SCP denial as denied, not empty", async () => {
    const world = buildWorld();
    world.deniedOperations.add("ListSubscribers");
    const { result } = await collectFromFake(world);
    const snapshot = await buildCollectedSnapshot(result);

    const entry = snapshot.coverage.find((candidate) => candidate.accountId === LAKE_ACCOUNT && candidate.region === "us-east-1" && candidate.operation === "ListSubscribers");
    expect(entry?.state).toBe("denied");
    expect(entry?.message).toMatch(/explicit deny in a service control policy/);
    const lake = snapshot.accounts.find((account) => account.accountId === LAKE_ACCOUNT)?.regions.find((region) => region.region === "us-east-1")?.securityLake;
    expect(lake?.subscribers).toBeUndefined();
    expect(lake?.dataLake).toBeDefined();
  });

  it("logs no credential", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const logger = pino({ level: "trace", redact: { paths: REDACTED_PATHS, censor: "[redacted]" } }, sink);
    await collectFromFake(buildWorld(), { logger });

    const text = lines.join("");
    expect(text.length).toBeGreaterThan(0);
    for (const secret of ["fake-base-secret", "fake-secret", "fake-session-token", FAKE_CREDENTIALS.accessKeyId, "ASIAFAKE"]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).not.toMatch(ACCESS_KEY_SHAPE);
  });

  it("writes no credential to snapshot or export", async () => {
    const { result } = await collectFromFake(buildWorld());
    const folder = await mkdtemp(join(tmpdir(), "lakewarden-secrets-"));
    try {
      const snapshot = await buildCollectedSnapshot(result, join(folder, "export"));
      const written = [JSON.stringify(snapshot)];
      for (const entry of await readdir(join(folder, "export"), { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) written.push(await readFile(join(entry.parentPath, entry.name), "utf8"));
      }

      const text = written.join("\n");
      expect(text).not.toMatch(ACCESS_KEY_SHAPE);
      expect(text).not.toMatch(/fake-session-token|fake-secret|fake-base-secret/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("collection with rejected credentials", () => {
  it("fails before any read", async () => {
    const world = buildWorld();
    const fake = await startFakeAws(world);
    try {
      const run = collect({
        runId: "test-run",
        credentials: { accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "unknown" },
        regions: ["us-east-1"],
        eventsSince: new Date("2026-11-01T00:00:00Z"),
        concurrency: 1,
        maxAttempts: 1,
        requestTimeoutMs: 2_000,
        endpoint: fake.endpoint,
      });
      await expect(run).rejects.toThrow(/AWS rejected the credentials \(sts:GetCallerIdentity failed with InvalidClientTokenId/);
      expect(fake.received.map((received) => received.operation)).toEqual(["GetCallerIdentity"]);
    } finally {
      await fake.close();
    }
  });
});
