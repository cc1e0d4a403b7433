import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildTimings } from "../src/evaluator/graph/index.js";
import { assembleResult, evaluateAccess } from "../src/cli/audit/run-audit.js";
import type { AuditResult } from "../src/findings/audit-result.js";
import { withCoverageGaps } from "../src/findings/policy-coverage.js";
import { loadAuditInput } from "../src/importer/load-input.js";
import { writeReport } from "../src/report/write-report.js";
import { loadCapabilities } from "../src/cli/capabilities-file.js";
import { generateOrganization } from "./generate-org.js";

/**
 * One size of the full-audit benchmark, in its own process so that peak memory is per size:
 * the steps of `lakewarden audit` (import, compile, graph, rules, report in its default HTML and
 * JSON, then CSV apart) timed one by one, through the same functions the command calls. The run is not recorded in a store. Prints one JSON line.
 */

export interface AuditRunResult {
  principals: number;
  exportMegabytes: number;
  /** Wall time, CPU time of this process (user + system) and peak RSS so far, per phase. */
  phases: { name: string; ms: number; cpuMs?: number; peakMegabytes?: number }[];
  grants: number;
  findings: number;
}

const peak = () => process.resourceUsage().maxRSS / 1024;
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function run(principals: number): Promise<AuditRunResult> {
  const folder = join("bench", "out", `org-${principals}`);
  const generated = await generateOrganization({ principals, seed: 42, out: folder });
  const capabilities = await loadCapabilities();
  const out = await mkdtemp(join(tmpdir(), "lakewarden-bench-"));
  const phases: AuditRunResult["phases"] = [];
  let wallStarted = performance.now();
  let cpuStarted = cpu();
  const phase = (name: string, wallMs = performance.now() - wallStarted) => {
    const now = cpu();
    phases.push({ name, ms: wallMs, cpuMs: now - cpuStarted, peakMegabytes: peak() });
    wallStarted = performance.now();
    cpuStarted = now;
  };
  const auditStarted = performance.now();
  const cpuAuditStarted = cpu();

  const snapshot = await loadAuditInput(folder);
  phase("load");

  // Compile and graph run as one call; the build reports the compile share of the wall time.
  const timings: BuildTimings = { compileMs: 0, edgesMs: 0 };
  const { grants, principalCount, coverageGaps } = evaluateAccess(snapshot, capabilities, timings);
  const graphMs = performance.now() - wallStarted;
  phase("compile + graph", graphMs);

  const result: AuditResult = assembleResult(withCoverageGaps(snapshot, coverageGaps), grants, principalCount, { baseline: undefined, exceptions: undefined, now: new Date() });
  phase("rules");

  // The formats `lakewarden audit` writes by default; CSV and OCSF are asked for with --format.
  await writeReport(result, out, ["html", "json"]);
  phase("render");
  phases.push({ name: "total", ms: performance.now() - auditStarted, cpuMs: cpu() - cpuAuditStarted, peakMegabytes: peak() });

  // CSV, timed apart and not counted in the total, to show what `--format csv` adds.
  wallStarted = performance.now();
  cpuStarted = cpu();
  await writeReport(result, join(out, "csv"), ["csv"]);
  phase("csv (--format csv, not in total)");

  // The build's split of wall time; CPU time and memory are known only for the two together.
  const joint = phases.findIndex((entry) => entry.name === "compile + graph");
  phases.splice(joint, 0, { name: "compile", ms: timings.compileMs }, { name: "graph", ms: graphMs - timings.compileMs });
  if (!process.env.LAKEWARDEN_BENCH_KEEP) await rm(out, { recursive: true, force: true });
  return { principals: generated.principals, exportMegabytes: generated.bytes / 1e6, phases, grants: grants.length, findings: result.findings.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await run(Number(process.argv[2] ?? 1000));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
