/**
 * `npm run bench`: runs every benchmark in BENCHMARKS and prints its figures. Figures for the
 * record go to bench/RESULTS.md with the machine and the command.
 */
import { evaluatorBenchmark } from "./evaluator.js";
import { importExportBenchmark } from "./import-export.js";
import { graphBenchmark } from "./graph.js";
import { auditBenchmark } from "./audit.js";

export interface Benchmark {
  name: string;
  run(): Promise<void>;
}

export const BENCHMARKS: Benchmark[] = [importExportBenchmark, evaluatorBenchmark, graphBenchmark, auditBenchmark];

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const benchmark of BENCHMARKS) {
    if (only && benchmark.name !== only) continue;
    process.stdout.write(`\n## ${benchmark.name}\n`);
    await benchmark.run();
  }
}

await main();
