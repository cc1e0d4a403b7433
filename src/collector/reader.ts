import type { CoverageState } from "../model/snapshot.js";
import type { ServiceName } from "./clients.js";
import { classifyFailure, errorCodeOf, type CallFailure } from "./errors.js";
import { cliCommandName, cliErrorLine, cliServiceName, toCliOutput, type ExportRecord } from "./export/records.js";
import type { CoverageLedger } from "./ledger.js";
import { READ_ONLY_OPERATIONS } from "./read-only-operations.js";

/** The place of a read: the account, and `global` or a Region. */
export interface ReadScope {
  readonly accountId: string;
  readonly region: string;
}

/** One API read: what to call, how to tell "empty" and "not configured" apart, and how to export it. */
export interface ReadSpec<T> {
  readonly service: ServiceName;
  readonly operation: string;
  /** The value that tells calls of the same operation apart (bucket name, policy id, ...). */
  readonly param?: string;
  /** Error codes that mean AWS has nothing configured: the read returns `null`, not a gap. */
  readonly notConfiguredCodes?: readonly string[];
  /** @default "empty" */
  readonly notConfiguredState?: CoverageState;
  readonly isEmpty?: (output: T) => boolean;
  /**
   * False for discovery reads that the export layout has no file for (SQS ListQueues). A
   * success is neither exported nor recorded, because the reads it leads to are. A failure is
   * still a gap.
   * @default true
   */
  readonly exported?: boolean;
  /** The CLI-shaped output to export; defaults to the SDK output without its metadata. */
  readonly toExport?: (output: T) => unknown;
}

/** A paginated read: the SDK paginator's pages and how to merge them as the CLI does. */
export interface PagedReadSpec<T> extends ReadSpec<T> {
  /** The output member that carries the next page's token (`NextToken`, `Marker`, `nextToken`). */
  readonly tokenKey: string;
  /** The list members whose pages are concatenated. */
  readonly listKeys: readonly string[];
}

/** Runs one read's task, possibly after waiting for a free slot. */
export type ReadGate = <T>(scope: ReadScope, task: () => Promise<T>) => Promise<T>;

/** Raised when a service hands back a pagination token it already sent: the loop would never end. */
export class RepeatedTokenError extends Error {
  override readonly name = "RepeatedPaginationToken";
}

/**
 * Runs reads for the collectors: each call gets a coverage entry, a CLI-shaped export record
 * and a count against its account. A failure is recorded and returned as `undefined`; it never
 * stops the run and never reads as empty.
 */
export class Reader {
  readonly records: ExportRecord[] = [];

  /**
   * @param gate runs each read, so the caller can bound how many run at once per account and
   * overall; a paginated read holds its slot for all its pages.
   */
  constructor(
    private readonly ledger: CoverageLedger,
    private readonly gate: ReadGate = (_scope, task) => task(),
  ) {}

  /** Calls `send` once; returns the output, `null` for "not configured" or `undefined` for a gap. */
  async read<T>(scope: ReadScope, spec: ReadSpec<T>, send: () => Promise<T>): Promise<T | null | undefined> {
    try {
      const output = await this.gate(scope, send);
      this.succeed(scope, spec, output);
      return output;
    } catch (error) {
      return this.fail(scope, spec, error);
    }
  }

  /** Reads every page of a paginated operation, stopping with an error if a token repeats. */
  async readPages<T extends object>(scope: ReadScope, spec: PagedReadSpec<T>, pages: () => AsyncIterable<T>): Promise<T | null | undefined> {
    return this.read(scope, spec, async () => {
      const collected: T[] = [];
      const seen = new Set<string>();
      for await (const page of pages()) {
        collected.push(page);
        const token = (page as Record<string, unknown>)[spec.tokenKey];
        if (typeof token !== "string" || token.length === 0) break;
        if (seen.has(token)) throw new RepeatedTokenError(`${spec.operation} returned the pagination token it had already returned; reading stopped after ${collected.length} pages`);
        seen.add(token);
      }
      return mergePages(collected, spec);
    });
  }

  /**
   * Records a read that could not be sent because the account's credentials failed, as after a
   * denied AssumeRole. The read gets the credential error's state and code. The export gets an
   * error file that names the failed operation, so a replay shows the same gap.
   */
  recordUnreachable(scope: ReadScope, service: ServiceName, operation: string, failure: CallFailure, failedOperation: string): void {
    this.ledger.record({ ...this.entryBase(scope, service, operation, undefined), ...failure });
    const record = this.recordBase(scope, { service, operation });
    this.records.push({ ...record, error: cliErrorLine(failedOperation, failure.errorCode, failure.message) });
  }

  private succeed<T>(scope: ReadScope, spec: ReadSpec<T>, output: T): void {
    if (spec.exported === false) return;
    const state: CoverageState = spec.isEmpty?.(output) ? "empty" : "collected";
    this.ledger.record({ ...this.entryBase(scope, spec.service, spec.operation, spec.param), state });
    const exported = spec.toExport ? spec.toExport(output) : toCliOutput(output);
    this.records.push({ ...this.recordBase(scope, spec), output: exported });
  }

  private fail<T>(scope: ReadScope, spec: ReadSpec<T>, error: unknown): null | undefined {
    const code = errorCodeOf(error);
    const failure = classifyFailure(error);
    if (spec.exported !== false) this.records.push({ ...this.recordBase(scope, spec), error: cliErrorLine(spec.operation, code, failure.message) });

    if (spec.notConfiguredCodes?.includes(code)) {
      const state = spec.notConfiguredState ?? "empty";
      this.ledger.record({ ...this.entryBase(scope, spec.service, spec.operation, spec.param), state, errorCode: code, message: failure.message });
      return null;
    }
    this.ledger.record({ ...this.entryBase(scope, spec.service, spec.operation, spec.param), ...failure });
    return undefined;
  }

  private entryBase(scope: ReadScope, service: ServiceName, operation: string, param: string | undefined) {
    const base = { accountId: scope.accountId, region: scope.region, service: iamPrefixOf(service, operation), operation };
    return param === undefined ? base : { ...base, param };
  }

  private recordBase<T>(scope: ReadScope, spec: ReadSpec<T>) {
    const base = { accountId: scope.accountId, region: scope.region, cliService: cliServiceName(spec.service), cliCommand: cliCommandName(spec.operation) };
    return spec.param === undefined ? base : { ...base, param: spec.param };
  }
}

/** Coverage names the IAM prefix (`access-analyzer`, `s3`), so a gap points at the permission. */
function iamPrefixOf(service: ServiceName, operation: string): string {
  const entry = READ_ONLY_OPERATIONS.find((candidate) => candidate.service === service && candidate.operation === operation);
  return entry ? (entry.action.split(":")[0] as string) : service;
}

/** Merges pages as the CLI does: list members concatenated, token members dropped. */
function mergePages<T extends object>(pages: readonly T[], spec: PagedReadSpec<T>): T {
  const merged: Record<string, unknown> = { ...(pages[0] ?? {}) };
  for (const key of spec.listKeys) {
    merged[key] = pages.flatMap((page) => ((page as Record<string, unknown>)[key] as unknown[] | undefined) ?? []);
  }
  for (const key of [spec.tokenKey, "IsTruncated"]) delete merged[key];
  return merged as T;
}
