import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { GetObjectCommand, PutBucketPolicyCommand } from "@aws-sdk/client-s3";
import { CreateSubscriberCommand } from "@aws-sdk/client-securitylake";
import { GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { IAMClient, ListUsersCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/collector/clients.js";
import { isReadOnlyOperation, READ_ONLY_OPERATIONS, readOnlySessionPolicy } from "../../src/collector/read-only-operations.js";
import { FAKE_CREDENTIALS, startFakeAws, type FakeAws } from "../fake-aws/server.js";
import { buildWorld } from "../fake-aws/world.js";

const SOURCE = join(import.meta.dirname, "../../src/collector");

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".ts")).map((entry) => join(entry.parentPath, entry.name));
}

describe("read-only guard", () => {
  let fake: FakeAws;
  const settings = () => ({ credentials: FAKE_CREDENTIALS, maxAttempts: 1, requestTimeoutMs: 2_000, endpoint: fake.endpoint });

  beforeAll(async () => {
    fake = await startFakeAws(buildWorld());
  });
  afterAll(async () => {
    await fake.close();
  });

  const rejected = [
    ["securitylake:CreateSubscriber", () => createClient("securitylake", "us-east-1", settings()).send(new CreateSubscriberCommand({ sources: [], subscriberIdentity: { principal: "999999999999", externalId: "x" }, subscriberName: "x" }))],
    ["s3:PutBucketPolicy", () => createClient("s3", "us-east-1", settings()).send(new PutBucketPolicyCommand({ Bucket: "lake", Policy: "{}" }))],
    ["s3:GetObject", () => createClient("s3", "us-east-1", settings()).send(new GetObjectCommand({ Bucket: "lake", Key: "data" }))],
    ["sts:GetSessionToken", () => createClient("sts", "us-east-1", settings()).send(new GetSessionTokenCommand({}))],
  ] as const;

  it.each(rejected)("rejects %s before sending", async (name, send) => {
    const before = fake.received.length;
    await expect(send()).rejects.toThrow(/not on the collector's read-only operation list/);
    expect(fake.received.length, `${name} reached the fake`).toBe(before);
  });

  it("fake names an unimplemented operation", async () => {
    // A client built without the factory, so the guard does not stop the call first.
    const raw = new IAMClient({ region: "us-east-1", credentials: FAKE_CREDENTIALS, endpoint: fake.endpoint, maxAttempts: 1 });
    await expect(raw.send(new ListUsersCommand({}))).rejects.toThrow(/does not implement iam:ListUsers/);
  });

  it("lists every command the collector imports", async () => {
    const imported = new Set<string>();
    for (const file of await sourceFiles(SOURCE)) {
      const text = await readFile(file, "utf8");
      for (const match of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"@aws-sdk\/client-([a-z0-9]+)"/g)) {
        const names = (match[1] ?? "").split(",").map((name) => name.trim().replace(/^type\s+/, ""));
        for (const name of names) {
          const command = /^([A-Za-z0-9]+)Command$/.exec(name);
          if (command) imported.add(`${match[2]}:${command[1]}`);
        }
      }
    }

    expect(imported.size).toBeGreaterThan(5);
    for (const entry of imported) {
      const [service = "", operation = ""] = entry.split(":");
      expect(isReadOnlyOperation(service, operation), entry).toBe(true);
    }
  });

  it("lists paginated operations by name", async () => {
    for (const file of await sourceFiles(SOURCE)) {
      const text = await readFile(file, "utf8");
      for (const match of text.matchAll(/\bpaginate([A-Z][A-Za-z0-9]+)\(/g)) {
        const operation = match[1] ?? "";
        const listed = READ_ONLY_OPERATIONS.some((entry) => entry.operation === operation);
        expect(listed, `${file}: paginate${operation}`).toBe(true);
      }
    }
  });

  it("keeps data and credential reads off the list", () => {
    for (const forbidden of ["s3:GetObject", "lakeformation:GetDataAccess", "sts:GetSessionToken", "secretsmanager:GetSecretValue"]) {
      const [service = "", operation = ""] = forbidden.split(":");
      expect(isReadOnlyOperation(service, operation), forbidden).toBe(false);
    }
  });

  it("session policy fits the AssumeRole limit", () => {
    // AssumeRole accepts at most 2,048 characters of plaintext session policy.
    expect(readOnlySessionPolicy().length).toBeLessThanOrEqual(2048);
  });
});
