import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OverlappedWriter } from "../../src/report/overlapped-writes.js";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "lakewarden-writes-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("OverlappedWriter", () => {
  it("writes each file whole", async () => {
    const writer = new OverlappedWriter();
    await writer.write(join(folder, "a.html"), "first é");
    await writer.write(join(folder, "b.html"), "second");
    await writer.finish();
    expect(await readFile(join(folder, "a.html"), "utf8")).toBe("first é");
    expect(await readFile(join(folder, "b.html"), "utf8")).toBe("second");
  });

  it("writes chunks in order", async () => {
    const writer = new OverlappedWriter();
    const chunks = Array.from({ length: 50 }, (_, index) => `${index},`);
    await writer.writeChunks(join(folder, "c.json"), chunks);
    await writer.finish();
    expect(await readFile(join(folder, "c.json"), "utf8")).toBe(chunks.join(""));
  });

  it("raises a failed write on finish", async () => {
    const writer = new OverlappedWriter();
    await writer.write(join(folder, "missing", "d.html"), "x");
    await expect(writer.finish()).rejects.toThrow(/ENOENT/);
  });

  it("raises a failed write on the next write", async () => {
    const writer = new OverlappedWriter();
    await writer.write(join(folder, "missing", "e.html"), "x");
    await expect(writer.write(join(folder, "f.html"), "y")).rejects.toThrow(/ENOENT/);
  });

  it("settles without raising", async () => {
    const writer = new OverlappedWriter();
    await writer.write(join(folder, "missing", "g.html"), "x");
    await expect(writer.settle()).resolves.toBeUndefined();
  });
});
