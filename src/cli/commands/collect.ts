import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import type { CollectResult } from "../../collector/run.js";
import { saveSnapshot } from "../../model/load.js";
import { LakewardenError } from "../../shared/errors.js";
import { createLogger, type LogFormat } from "../../shared/logger.js";
import type { CliCommand } from "../command.js";
import { logProgress, terminalProgress } from "../progress.js";

interface CollectCliOptions {
  profile?: string;
  region?: string[];
  orgRole?: string;
  externalId?: string;
  accounts?: string;
  eventsSince: string;
  output: string;
  layout: string;
  logFormat: string;
  concurrency: string;
  maxAttempts: string;
  timeout: string;
  endpointUrl?: string;
  json?: boolean;
}

/** CloudTrail LookupEvents reaches back 90 days at most. */
const MAX_EVENT_DAYS = 90;

/** `lakewarden collect`: read-only collection from AWS into a snapshot file or an export folder. */
export const collectCommand: CliCommand = {
  name: "collect",
  register(program: Command) {
    program
      .command("collect")
      .description("read an AWS organization (read-only) into a snapshot, with the default AWS credential chain")
      .requiredOption("-o, --output <path>", "snapshot file to write, or the export folder with --layout export")
      .option("--profile <name>", "AWS profile from ~/.aws/config (default: the SDK's credential chain)")
      .option("--region <region>", "Region to collect; repeat for several (default: AWS_REGION or us-east-1)", (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
      .option("--org-role <name>", "role name to assume in every member account (without it, only the caller's account is read)")
      .option("--external-id <id>", "external id the member accounts' role trust requires")
      .option("--accounts <ids>", "comma-separated account ids to limit the run to")
      .option("--events-since <time>", `start of the CloudTrail window: ISO 8601 time or a duration such as 7d or 12h (at most ${MAX_EVENT_DAYS} days)`, "7d")
      .option("--layout <layout>", "output layout: snapshot (one JSON file) or export (AWS CLI files, replayable with import)", "snapshot")
      .option("--log-format <format>", "log lines as pretty text or json", "pretty")
      .option("--concurrency <n>", "accounts read at the same time", "8")
      .option("--max-attempts <n>", "attempts per API call, retries included (adaptive retry mode)", "6")
      .option("--timeout <seconds>", "seconds one API call may wait for a response", "30")
      .option("--endpoint-url <url>", "send every AWS request to this URL (local test servers only)")
      .option("--json", "print the run summary as a JSON object")
      .action(async (options: CollectCliOptions) => {
        await runCollect(options);
      });
  },
};

async function runCollect(options: CollectCliOptions): Promise<void> {
  const settings = parseSettings(options);
  // The collector loads the AWS SDK clients, which takes about 0.3 s. Importing it here keeps
  // that cost out of every other command's start.
  const { resolveBaseCredentials } = await import("../../collector/credentials.js");
  const { collect } = await import("../../collector/run.js");
  const { buildCollectedSnapshot, writeCollectedExport } = await import("../collected-snapshot.js");
  const credentials = await resolveBaseCredentials(options.profile);

  const logger = createLogger({ format: settings.logFormat });
  const progress = process.stderr.isTTY && settings.logFormat !== "json" ? terminalProgress() : logProgress(logger);
  const runId = `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z-${randomBytes(3).toString("hex")}`;

  let result: CollectResult;
  try {
    result = await collect({
      runId,
      credentials,
      regions: settings.regions,
      eventsSince: settings.eventsSince,
      concurrency: settings.concurrency,
      maxAttempts: settings.maxAttempts,
      requestTimeoutMs: settings.timeoutMs,
      logger,
      onProgress: (update) => progress.update(update),
      ...(options.orgRole === undefined ? {} : { orgRole: options.orgRole }),
      ...(options.externalId === undefined ? {} : { externalId: options.externalId }),
      ...(settings.accounts === undefined ? {} : { accounts: settings.accounts }),
      ...(options.endpointUrl === undefined ? {} : { endpoint: options.endpointUrl }),
    });
  } finally {
    progress.stop();
  }

  if (settings.layout === "export") await writeCollectedExport(result, options.output);
  else await saveSnapshot(await buildCollectedSnapshot(result), options.output);
  printSummary(result, options);
}

function printSummary(result: CollectResult, options: CollectCliOptions): void {
  const gaps = result.coverage.filter((entry) => !["collected", "empty", "not-enabled"].includes(entry.state));
  const calls = Object.values(result.callsByAccount).reduce((sum, count) => sum + count, 0);
  const summary = {
    output: options.output,
    runId: result.runId,
    accounts: Object.keys(result.callsByAccount).length,
    calls,
    retries: result.retries,
    callsByAccount: result.callsByAccount,
    failedCalls: gaps.length,
    gaps: gaps.map((entry) => `${entry.accountId}/${entry.region} ${entry.service}:${entry.operation}${entry.param ? ` (${entry.param})` : ""}: ${entry.state}${entry.errorCode ? ` ${entry.errorCode}` : ""}`),
    lakeFormationCallerFiltered: result.callerFilteredLakeFormation,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }

  process.stdout.write(`Collected ${summary.accounts} accounts with ${calls} API calls (${result.retries} retries) into ${options.output}; ${gaps.length} calls failed\n`);
  for (const line of summary.gaps) process.stdout.write(`  gap: ${line}\n`);
  for (const filtered of result.callerFilteredLakeFormation) {
    process.stdout.write(`  note: Lake Formation permissions in ${filtered.accountId}/${filtered.region} show only what the caller may see (not a data lake administrator)\n`);
  }
}

interface Settings {
  readonly regions: string[];
  readonly accounts?: string[];
  readonly eventsSince: Date;
  readonly layout: "snapshot" | "export";
  readonly logFormat: LogFormat;
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly timeoutMs: number;
}

function parseSettings(options: CollectCliOptions): Settings {
  if (options.layout !== "snapshot" && options.layout !== "export") usage(`--layout: expected snapshot or export, got ${JSON.stringify(options.layout)}`);
  if (options.logFormat !== "pretty" && options.logFormat !== "json") usage(`--log-format: expected pretty or json, got ${JSON.stringify(options.logFormat)}`);

  const accounts = options.accounts?.split(",").map((id) => id.trim()).filter((id) => id.length > 0);
  for (const id of accounts ?? []) if (!/^\d{12}$/.test(id)) usage(`--accounts: expected 12-digit account ids, got ${JSON.stringify(id)}`);
  const named = options.region ?? [];
  for (const region of named) if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) usage(`--region: expected a Region name such as eu-west-1, got ${JSON.stringify(region)}`);

  const regions = named.length > 0 ? [...new Set(named)] : [process.env.AWS_REGION || "us-east-1"];
  return {
    regions,
    ...(accounts === undefined ? {} : { accounts }),
    eventsSince: parseEventsSince(options.eventsSince),
    layout: options.layout,
    logFormat: options.logFormat,
    concurrency: positiveInteger("--concurrency", options.concurrency),
    maxAttempts: positiveInteger("--max-attempts", options.maxAttempts),
    timeoutMs: positiveInteger("--timeout", options.timeout) * 1000,
  } as Settings;
}

/** Reads an ISO 8601 time or a duration back from now (`7d`, `12h`), within CloudTrail's 90 days. */
export function parseEventsSince(text: string, now = Date.now()): Date {
  const duration = /^(\d+)([dh])$/.exec(text);
  let time = Date.parse(text);
  if (duration) {
    const unitMs = duration[2] === "d" ? 86_400_000 : 3_600_000;
    time = now - Number(duration[1]) * unitMs;
  }
  if (Number.isNaN(time)) usage(`--events-since: expected an ISO 8601 time or a duration such as 7d, got ${JSON.stringify(text)}`);
  if (now - time > MAX_EVENT_DAYS * 86_400_000) usage(`--events-since: CloudTrail LookupEvents reaches back ${MAX_EVENT_DAYS} days at most, got ${JSON.stringify(text)}`);
  return new Date(time);
}

function positiveInteger(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) usage(`${option}: expected a whole number of at least 1, got ${JSON.stringify(text)}`);
  return value;
}

function usage(message: string): never {
  throw new LakewardenError("usage", message);
}
