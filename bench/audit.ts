import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Benchmark } from "./run.js";
import type { AuditRunResult } from "./audit-run.js";

/** Sizes to run; LAKEWARDEN_BENCH_SIZES (comma-separated) overrides them. */
const SIZES = (process.env.LAKEWARDEN_BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);
/** The child's heap limit: large enough that the peak RSS is measured rather than cut off. */
const HEAP_MEGABYTES = 16384;
/** The built executable, timed as a user runs it. */
const CLI = join("dist", "cli", "main.js");

/**
 * The full-audit benchmark: for each generated organization size, in a child process (so peak
 * memory is per size), wall time, CPU time and peak RSS of load, compile, graph, rules and
 * render, and the total. Then the built `lakewarden audit` runs on the same organization, timed
 * from outside as a user sees it: process start, module loading and the store included.
 */
export const auditBenchmark: Benchmark = {
  name: "audit",
  async run() {
    process.stdout.write(`Each size runs in its own Node process with --max-old-space-size=${HEAP_MEGABYTES}.\n`);
    process.stdout.write(`${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
    for (const size of SIZES) {
      const args = [`--max-old-space-size=${HEAP_MEGABYTES}`, "--import", "tsx", "bench/audit-run.ts", String(size)];
      const output = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, timeout: 60 * 60 * 1000 }).catch((error: Error) => {
        process.stdout.write(`\n### ${size} principals: the run failed (${error.message.split("\n")[0]})\n`);
        return undefined;
      });
      if (!output) continue;
      const result = JSON.parse(output.stdout.trim().split("\n").at(-1) ?? "{}") as AuditRunResult;
      process.stdout.write(`\n### ${result.principals} principals (${result.exportMegabytes.toFixed(1)} MB of exports), load average ${loadavg().map((value) => value.toFixed(1)).join(", ")}\n`);
      process.stdout.write("| phase | wall time (s) | CPU time (s) | peak RSS so far (MB) |\n| --- | --- | --- | --- |\n");
      for (const phase of result.phases) {
        const cpu = phase.cpuMs === undefined ? "" : (phase.cpuMs / 1000).toFixed(2);
        const memory = phase.peakMegabytes === undefined ? "" : phase.peakMegabytes.toFixed(0);
        process.stdout.write(`| ${phase.name} | ${(phase.ms / 1000).toFixed(2)} | ${cpu} | ${memory} |\n`);
      }
      process.stdout.write(`grants ${result.grants}, findings ${result.findings}\n`);
      await timeCli(size);
    }
  },
};

/** Times `lakewarden audit` on the generated organization of `size` principals, with a fresh store. */
async function timeCli(size: number): Promise<void> {
  if (!existsSync(CLI)) {
    process.stdout.write(`lakewarden audit (CLI): skipped, ${CLI} is missing; run npm run build first\n`);
    return;
  }
  const out = await mkdtemp(join(tmpdir(), "lakewarden-bench-cli-"));
  try {
    for (const store of [true, false]) {
      const args = [CLI, "audit", join("bench", "out", `org-${size}`), "--out", out, ...(store ? ["--db", join(out, "store.db")] : ["--no-store"])];
      const started = performance.now();
      await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`lakewarden audit (CLI, ${store ? "recording the run in a new store" : "--no-store"}): ${seconds.toFixed(2)} s wall\n`);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
