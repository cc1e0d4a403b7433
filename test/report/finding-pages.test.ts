import { describe, expect, it } from "vitest";
import type { PathStep } from "../../src/evaluator/access.js";
import { FINDINGS_PER_CONTROL } from "../../src/report/view/controls.js";
import { FINDINGS_PER_PAGE, pageFindings } from "../../src/report/view/finding-pages.js";
import { sortFindings } from "../../src/report/view/findings.js";
import { viewReport } from "../../src/report/view/report-view.js";
import { samePath } from "../../src/report/view/subject-findings.js";
import { exampleAuditResult, manyFindingsAuditResult } from "../fixtures/audit-results.js";
import { hrefs, renderResult } from "./render-helpers.js";
import { principalRows } from "./view-helpers.js";

const EXTRA = 450;
const result = manyFindingsAuditResult(EXTRA);
const pages = await renderResult(result);
const pageByFile = new Map(pages.map((page) => [page.file, page.html]));
const total = result.findings.length + result.acceptedFindings.length;

function anchorsOf(html: string): string[] {
  return [...html.matchAll(/<article class="finding[^"]*" id="(f-[0-9a-f]+)"/g)].map((match) => match[1]!);
}

describe("findings pages", () => {
  it("writes one file per page", () => {
    const files = pages.map((page) => page.file).filter((file) => file === "index.html" || file.startsWith("findings-"));
    expect(files).toEqual(["index.html", "findings-2.html", "findings-3.html"]);
  });

  it("fills pages in order", () => {
    const counts = ["index.html", "findings-2.html", "findings-3.html"].map((file) => anchorsOf(pageByFile.get(file)!).length);
    expect(counts).toEqual([FINDINGS_PER_PAGE, FINDINGS_PER_PAGE, total - 2 * FINDINGS_PER_PAGE]);
  });

  it("shows every finding once", () => {
    const anchors = pages.flatMap((page) => anchorsOf(page.html));
    expect(new Set(anchors).size).toBe(total);
    expect(anchors).toHaveLength(total);
  });

  it("resolves every finding link", () => {
    const broken = pages.flatMap((page) =>
      hrefs(page.html)
        .filter((href) => /#f-/.test(href))
        .filter((href) => {
          const [file, anchor] = href.split("#");
          return !(pageByFile.get(file!) ?? "").includes(`id="${anchor}"`);
        }),
    );
    expect(broken).toEqual([]);
  });

  it("links the accepted risks' page", () => {
    const index = pageByFile.get("index.html")!;
    expect(hrefs(index)).toContain("findings-3.html#accepted");
    expect(pageByFile.get("findings-3.html")).toContain('<section id="accepted"');
  });

  it("links each severity's first finding", () => {
    const index = pageByFile.get("index.html")!;
    const critical = /<div class="card sev-critical">.*?<a href="([^"]+)">/.exec(index)?.[1];
    expect(critical).toMatch(/^index\.html#f-/);
  });

  it("links every page from the pager", () => {
    const pager = /<nav class="pager" aria-label="Findings pages">[\s\S]*?<\/nav>/.exec(pageByFile.get("findings-2.html")!)?.[0] ?? "";
    expect(hrefs(pager)).toEqual(["index.html", "index.html", "findings-2.html", "findings-3.html", "findings-3.html"]);
    expect(pager).toContain('href="findings-2.html" aria-current="page"');
    expect(pager).toContain('<a href="index.html" rel="prev">Previous</a>');
    expect(pager).toContain('<a href="findings-3.html" rel="next">Next</a>');
  });

  it("keeps one page without findings", () => {
    const empty = pageFindings([], []);
    expect(empty.pages.map((page) => page.file)).toEqual(["index.html"]);
  });

  it("splits open and accepted across a page", () => {
    const sorted = sortFindings(result.findings);
    const planned = pageFindings(sorted.slice(0, 3), sorted.slice(3, 5), 4);
    expect(planned.pages.map((page) => [page.open.length, page.accepted.length])).toEqual([
      [3, 1],
      [0, 1],
    ]);
  });
});

describe("controls with many findings", () => {
  const controls = pageByFile.get("controls.html")!;
  const row = /<tr id="c-[0-9a-f]+" class="status-failed">\s*<th scope="row"><span class="control-id">AC-6<\/span>[\s\S]*?<\/tr>/.exec(controls)?.[0] ?? "";

  it("lists the first findings", () => {
    expect(row.match(/<li><span class="badge/g)).toHaveLength(FINDINGS_PER_CONTROL);
  });

  it("counts the rest", () => {
    const failing = result.controls.find((control) => control.id === "NIST-800-53:AC-6")!.findingIds.length;
    expect(row).toContain(`And ${failing - FINDINGS_PER_CONTROL} more, ${failing} in all.`);
  });

  it("counts each rule", () => {
    const ids = result.controls.find((control) => control.id === "NIST-800-53:AC-6")!.findingIds;
    const reads = ids.filter((id) => id.startsWith("access.read-unapproved:")).length;
    expect(row).toContain(`<code>access.read-unapproved</code>: ${reads}, 1 of them accepted`);
  });
});

describe("principal rows", () => {
  const rows = principalRows(viewReport(result));

  it("links a path its finding shows", () => {
    const reader = rows.find((row) => row.principalName === "app-00000-reader")!;
    expect(reader.pathInFinding).toMatch(/^index\.html#f-|^findings-\d+\.html#f-/);
    expect(reader.path).toBeUndefined();
  });

  it("shows a path no finding shows", () => {
    const withoutFinding = principalRows(viewReport(exampleAuditResult())).filter((row) => row.findings.length === 0);
    expect(withoutFinding.length).toBeGreaterThan(0);
    expect(withoutFinding.every((row) => row.path !== undefined && row.pathInFinding === undefined)).toBe(true);
  });

  it("shows a path that differs from its finding's", () => {
    const changed = manyFindingsAuditResult(1);
    const extra = changed.findings[changed.findings.length - 1]!;
    const step = (extra.evidence[0] as { steps: readonly PathStep[] }).steps[0]!;
    extra.evidence = [{ kind: "path", capability: "lake.read", steps: [{ ...step, description: "another hop" }] }];
    const reader = principalRows(viewReport(changed)).find((row) => row.principalName === "app-00000-reader")!;
    expect(reader.pathInFinding).toBeUndefined();
    expect(reader.path?.hops).toHaveLength(1);
  });
});

describe("row finding links", () => {
  const linked = manyFindingsAuditResult(1);
  const read = linked.findings[linked.findings.length - 1]!;
  const tamper = { ...read, id: `tamper:${read.subject.id}`, title: "Can tamper", evidence: [{ kind: "path" as const, capability: "lake.tamper", steps: [] }] };
  const keys = { ...read, id: `keys:${read.subject.id}`, title: "Has old keys", evidence: [{ kind: "fact" as const, text: "Access key age", value: "400 days" }] };
  const anyPath = { ...read, id: `any:${read.subject.id}`, title: "Path without capability", evidence: [{ kind: "path" as const, steps: [] }] };
  linked.findings.push(tamper, keys, anyPath);
  const row = principalRows(viewReport(linked)).find((entry) => entry.principalName === "app-00000-reader")!;

  it("links the row's capability", () => {
    expect(row.findings.map((link) => link.title)).toEqual(["Unapproved principal can read lake data", "Has old keys", "Path without capability"]);
  });
});

describe("samePath", () => {
  const step: PathStep = { from: "a", to: "b", edge: "canAssume", description: "a assumes b", statements: [] };

  it.each([
    ["same array", [step], null, true],
    ["equal copy", [step], [{ ...step }], true],
    ["other edge", [step], [{ ...step, edge: "capability" }], false],
    ["extra hop", [step], [step, step], false],
  ])("%s", (_name, a, b, expected) => {
    expect(samePath(a, b ?? a)).toBe(expected);
  });
});
