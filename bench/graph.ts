import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Benchmark } from "./run.js";
import type { GraphRunResult } from "./graph-run.js";

/** Sizes to run; LAKEWARDEN_BENCH_SIZES (comma-separated) overrides them. */
const SIZES = (process.env.LAKEWARDEN_BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);
/** The child's heap limit: large enough that the peak RSS is measured rather than cut off. */
const HEAP_MEGABYTES = 16384;

/**
 * The graph benchmark: for each generated organization size, in a child process (so peak memory
 * is per size), the load, compile and graph phases, and who-can lake.read over a 1,000-principal
 * sample against the independent simulator asked request by request.
 */
export const graphBenchmark: Benchmark = {
  name: "graph",
  async run() {
    for (const size of SIZES) {
      const args = [`--max-old-space-size=${HEAP_MEGABYTES}`, "--import", "tsx", "bench/graph-run.ts", String(size)];
      const output = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, timeout: 60 * 60 * 1000 }).catch((error: Error) => {
        process.stdout.write(`\n### ${size} principals: the run failed (${error.message.split("\n")[0]})\n`);
        return undefined;
      });
      if (!output) continue;
      const stdout = output.stdout;
      const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as GraphRunResult;
      process.stdout.write(`\n### ${result.principals} principals (${result.exportMegabytes.toFixed(1)} MB of exports)\n`);
      process.stdout.write("| phase | wall time (s) | CPU time (s) | peak RSS so far (MB) |\n| --- | --- | --- | --- |\n");
      for (const phase of result.phases) {
        const cpu = phase.cpuMs === undefined ? "" : (phase.cpuMs / 1000).toFixed(2);
        process.stdout.write(`| ${phase.name} | ${(phase.ms / 1000).toFixed(2)} | ${cpu} | ${phase.peakMegabytes.toFixed(0)} |\n`);
      }
      process.stdout.write(`nodes ${result.nodes}, edges ${result.edges}, grants ${result.grants}\n`);
      const sample = result.sample;
      process.stdout.write(`who-can lake.read over ${sample.principals} sampled principals: ${sample.readers} readers; graph built and queried in ${sample.graphMs.toFixed(0)} ms, queried on a built graph in ${sample.queryMs.toFixed(1)} ms (median of 5; first query ${sample.firstQueryMs.toFixed(1)} ms)\n`);
      if (sample.simulator) {
        process.stdout.write(`iam-simulate, ${sample.simulator.requests} requests one by one: ${sample.simulator.ms.toFixed(0)} ms, ${sample.simulator.readers} readers by s3:GetObject alone; the query on a built graph is ${sample.simulator.speedup.toFixed(0)}x faster, build and query ${(sample.simulator.ms / sample.graphMs).toFixed(1)}x\n`);
      } else {
        process.stdout.write(`simulator comparison skipped: ${sample.skipped}\n`);
      }
    }
  },
};
