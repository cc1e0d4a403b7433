import type { CoverageEntry, CoverageState } from "../model/snapshot.js";

/**
 * The coverage ledger: one entry per (account, Region, service, operation, param) the collector
 * tried, with its outcome. A denied or failed call is recorded here and never looks like an
 * empty result. It also counts the API calls each account cost.
 */
export class CoverageLedger {
  private readonly entries = new Map<string, CoverageEntry>();
  private readonly callsByAccount = new Map<string, number>();
  private attempts = 0;
  private calls = 0;

  record(entry: CoverageEntry): void {
    const key = [entry.accountId, entry.region, entry.service, entry.operation, entry.param ?? ""].join("\u0000");
    this.entries.set(key, entry);
  }

  countCall(accountId: string): void {
    this.calls += 1;
    this.callsByAccount.set(accountId, (this.callsByAccount.get(accountId) ?? 0) + 1);
  }

  countAttempt(): void {
    this.attempts += 1;
  }

  /** HTTP attempts beyond the first of each call: throttling and transient errors the SDK retried. */
  retries(): number {
    return Math.max(0, this.attempts - this.calls);
  }

  /** API calls sent for `accountId`, retries not included. */
  callsFor(accountId: string): number {
    return this.callsByAccount.get(accountId) ?? 0;
  }

  /** Returns every entry, sorted so that two runs over the same organization compare equal. */
  list(): CoverageEntry[] {
    return [...this.entries.keys()].sort().map((key) => this.entries.get(key) as CoverageEntry);
  }

  /** Returns the entries whose data is missing: every state but collected, empty and not-enabled. */
  gaps(): CoverageEntry[] {
    return this.list().filter((entry) => !COMPLETE_STATES.has(entry.state));
  }
}

const COMPLETE_STATES = new Set<CoverageState>(["collected", "empty", "not-enabled"]);
