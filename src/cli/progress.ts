import cliProgress from "cli-progress";
import type { CollectProgress } from "../collector/run.js";
import type { Logger } from "../shared/logger.js";

/** Shows collection progress: a bar on a terminal, one log line per account otherwise. */
export interface ProgressReporter {
  update(progress: CollectProgress): void;
  stop(): void;
}

/** A bar on stderr with accounts done, calls, gaps and elapsed time. */
export function terminalProgress(): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    { format: "collecting {bar} {value}/{total} accounts | {calls} calls | {gaps} gaps | {duration_formatted}", stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      if (!started) {
        bar.start(progress.accountsTotal, 0, { calls: 0, gaps: 0 });
        started = true;
      }
      bar.update(progress.accountsDone, { calls: progress.calls, gaps: progress.gaps });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Log lines for non-terminal runs (CI, cron): one per finished account. */
export function logProgress(logger: Logger): ProgressReporter {
  return {
    update(progress) {
      logger.info({ ...progress }, "collection progress");
    },
    stop() {},
  };
}
