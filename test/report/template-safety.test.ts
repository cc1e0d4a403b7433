import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { TEMPLATES_DIR, loadRenderer } from "../../src/report/render.js";
import { makeVisible } from "../../src/report/view/text.js";
import { exampleAuditResult } from "../fixtures/audit-results.js";
import { renderResult } from "./render-helpers.js";

const ROOT = join(TEMPLATES_DIR, "..");

async function filesUnder(folder: string, extension: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(extension)).map((entry) => join(entry.parentPath, entry.name));
}

describe("template safety", () => {
  it("uses triple-stash only for the layout body", async () => {
    const uses: string[] = [];
    for (const file of await filesUnder(TEMPLATES_DIR, ".hbs")) {
      for (const match of (await readFile(file, "utf8")).matchAll(/\{\{\{?&?[^}]*\}\}\}?/g)) {
        if (match[0].startsWith("{{{") || match[0].startsWith("{{&")) {
          uses.push(`${relative(ROOT, file)} ${match[0]}`);
        }
      }
    }
    expect(uses).toEqual(["templates/layout.hbs {{{body}}}"]);
  });

  it("contains no control or bidi character", async () => {
    // Rendered pages go through makeVisible whole, which must change only what data brought in.
    const offending: string[] = [];
    for (const file of [...(await filesUnder(TEMPLATES_DIR, ".hbs")), ...(await filesUnder(TEMPLATES_DIR, ".css"))]) {
      const text = await readFile(file, "utf8");
      if (makeVisible(text) !== text) {
        offending.push(relative(ROOT, file));
      }
    }
    expect(offending).toEqual([]);
  });

  it("reads only the memoised value inside a memo block", async () => {
    // A memo block's HTML is reused wherever its value comes again, so it may not depend on
    // the place it is rendered in.
    const offending: string[] = [];
    for (const file of await filesUnder(TEMPLATES_DIR, ".hbs")) {
      for (const match of (await readFile(file, "utf8")).matchAll(/\{\{#memo[\s\S]*?\{\{\/memo\}\}/g)) {
        if (/@index|@first|@last|@key|@root|\.\.\//.test(match[0])) offending.push(relative(ROOT, file));
      }
    }
    expect(offending).toEqual([]);
  });

  it("keeps each pre block on one line", async () => {
    // The renderer strips template indentation, which would change a multi-line <pre>.
    const spanning: string[] = [];
    for (const file of await filesUnder(TEMPLATES_DIR, ".hbs")) {
      for (const match of (await readFile(file, "utf8")).matchAll(/<pre[\s\S]*?<\/pre>/g)) {
        if (match[0].includes("\n")) {
          spanning.push(relative(ROOT, file));
        }
      }
    }
    expect(spanning).toEqual([]);
  });

  it("never sets noEscape or prototype access", async () => {
    const offending: string[] = [];
    for (const file of await filesUnder(join(ROOT, "src"), ".ts")) {
      const text = await readFile(file, "utf8");
      if (/noEscape|allowProto|SafeString/.test(text)) {
        offending.push(relative(ROOT, file));
      }
    }
    expect(offending).toEqual([]);
  });

  it("imports handlebars only in src/report", async () => {
    const importers: string[] = [];
    for (const file of await filesUnder(join(ROOT, "src"), ".ts")) {
      if (/from "handlebars"/.test(await readFile(file, "utf8"))) {
        importers.push(relative(ROOT, file));
      }
    }
    expect(importers).toEqual(["src/report/render.ts"]);
  });

  it("compiles only files read from templates", async () => {
    const render = await readFile(join(ROOT, "src/report/render.ts"), "utf8");
    const calls = render.split("\n").filter((line) => /compile\(/.test(line) && !/=> *$/.test(line) && !/handlebars\.compile\(source, /.test(line));
    const fromTemplateFiles = calls.filter((line) => /compile\(await readFile\(join\(folder, /.test(line));
    expect(calls).toHaveLength(2);
    expect(fromTemplateFiles).toEqual(calls);
  });

  it("runs handlebars 4.7.9 or later", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, "node_modules/handlebars/package.json"), "utf8")) as { version: string };
    const [major, minor, patch] = manifest.version.split(".").map(Number);
    expect(major! * 1e6 + minor! * 1e3 + patch!).toBeGreaterThanOrEqual(4_007_009);
  });

  it("hashes exactly the inlined stylesheet", async () => {
    const renderer = await loadRenderer();
    const index = (await renderResult(exampleAuditResult())).find((page) => page.file === "index.html")!.html;
    const style = /<style>([\s\S]*?)<\/style>/.exec(index)?.[1] ?? "";
    expect(`sha256-${createHash("sha256").update(style, "utf8").digest("base64")}`).toBe(renderer.styleHash);
  });
});
