import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { CoverageEntry } from "../model/snapshot.js";
import { parseArn } from "../shared/arn.js";
import { LakewardenError } from "../shared/errors.js";
import type { Logger } from "../shared/logger.js";
import { createClient, type ClientOf, type ClientSettings, type Credentials, type CredentialsProvider, type ServiceName } from "./clients.js";
import { assumeRoleProvider } from "./credentials.js";
import { classifyFailure, type CallFailure } from "./errors.js";
import type { ExportRecord } from "./export/records.js";
import { CoverageLedger } from "./ledger.js";
import { RateLimiter, Semaphore, SYSTEM_CLOCK, type Clock } from "./limits.js";
import { collectOrganization, type OrganizationView } from "./organizations/index.js";
import { Reader, type ReadScope } from "./reader.js";
import { discoverLakeRegions } from "./securitylake/index.js";
import { SERVICE_COLLECTORS } from "./registry.js";
import { GLOBAL, GLOBAL_SERVICES_REGION } from "./scope.js";
import type { AccountContext, LakeResources } from "./service.js";

/** Options of one collection: scope, credentials and the limits on API load. */
export interface CollectOptions {
  readonly runId: string;
  readonly credentials: Credentials | CredentialsProvider;
  /** Collected Regions; the first also serves STS. The lake account adds the Regions of its data lakes. */
  readonly regions: readonly string[];
  /** Role name assumed in every member account; without it only the caller's account is read. */
  readonly orgRole?: string;
  readonly externalId?: string;
  /** Limits the run to these account ids. */
  readonly accounts?: readonly string[];
  readonly eventsSince: Date;
  /** Accounts read at the same time. */
  readonly concurrency: number;
  /** Reads in flight within one account. */
  readonly perAccountConcurrency?: number;
  /** Reads in flight across the run. */
  readonly overallConcurrency?: number;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  /** A local endpoint for every client (tests only). */
  readonly endpoint?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly onProgress?: (progress: CollectProgress) => void;
}

/** Progress counters, sent after each account. */
export interface CollectProgress {
  readonly accountsDone: number;
  readonly accountsTotal: number;
  readonly calls: number;
  readonly gaps: number;
}

/** Everything a collection read, ready to export or to build the snapshot from. */
export interface CollectResult {
  readonly runId: string;
  readonly collectedAt: string;
  readonly records: readonly ExportRecord[];
  readonly coverage: readonly CoverageEntry[];
  readonly callsByAccount: Readonly<Record<string, number>>;
  /** HTTP attempts the SDK retried (throttling, transient errors), over the whole run. */
  readonly retries: number;
  readonly managementAccountId?: string;
  /** Account and Region pairs whose Lake Formation permissions only show what the caller may see. */
  readonly callerFilteredLakeFormation: readonly { readonly accountId: string; readonly region: string }[];
}

/**
 * Collects the organization: the caller's identity, the organization from the management
 * account, then each account (assuming `orgRole` in members) with every service collector.
 * A failure in one account or call is recorded in the coverage ledger and the run goes on.
 */
export async function collect(options: CollectOptions): Promise<CollectResult> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const collectedAt = new Date(clock.now()).toISOString();
  const ledger = new CoverageLedger();
  const overall = new Semaphore(options.overallConcurrency ?? 32);
  const perAccount = new Map<string, Semaphore>();
  const gate = <T>(scope: ReadScope, task: () => Promise<T>): Promise<T> => {
    let limit = perAccount.get(scope.accountId);
    if (!limit) perAccount.set(scope.accountId, (limit = new Semaphore(options.perAccountConcurrency ?? 4)));
    const accountLimit = limit;
    return overall.run(() => accountLimit.run(task));
  };
  const reader = new Reader(ledger, gate);
  const homeRegion = options.regions[0] ?? GLOBAL_SERVICES_REGION;
  const settings = (accountId: string, credentials: Credentials | CredentialsProvider): ClientSettings => ({
    credentials,
    maxAttempts: options.maxAttempts,
    requestTimeoutMs: options.requestTimeoutMs,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    onCall: () => ledger.countCall(accountId),
    onAttempt: () => ledger.countAttempt(),
  });

  const callerSts = createClient("sts", homeRegion, settings("caller", options.credentials));
  const identity = await identifyCaller(callerSts);
  const callerAccountId = identity.Account ?? "000000000000";
  const partition = parseArn(identity.Arn ?? "")?.partition ?? "aws";
  const callerFiltered: { accountId: string; region: string }[] = [];

  const contextFor = (accountId: string, credentials: Credentials | CredentialsProvider, callerArn: string | undefined, isLakeAccount: boolean) =>
    buildContext({ accountId, partition, isLakeAccount, reader, clock, eventsSince: options.eventsSince, callerArn, clientSettings: settings(accountId, credentials), callerFiltered });

  let organization: OrganizationView = { accounts: [] };
  if (options.orgRole !== undefined) {
    organization = await collectOrganization(contextFor(callerAccountId, options.credentials, identity.Arn, false));
  }

  const lakeAccountId = organization.securityLakeAdminId ?? callerAccountId;
  const accountIds = selectAccounts(organization, callerAccountId, options.accounts);
  const accountLimit = new Semaphore(Math.max(1, options.concurrency));
  let accountsDone = 0;

  await Promise.all(
    accountIds.map((accountId) =>
      accountLimit.run(async () => {
        const isLakeAccount = accountId === lakeAccountId;
        const access = await accountAccess(accountId, callerAccountId, identity.Arn, options, partition, callerSts, reader, isLakeAccount, clock);
        if (access) {
          const context = contextFor(accountId, access.credentials, access.callerArn, isLakeAccount);
          const lakeRegions = isLakeAccount ? await discoverLakeRegions(context, homeRegion) : [];
          await collectAccount(context, [...new Set([...options.regions, ...lakeRegions])]);
        }

        accountsDone += 1;
        options.logger?.info({ accountId, calls: ledger.callsFor(accountId) }, "account collected");
        const calls = [...accountIds, "caller"].reduce((sum, id) => sum + ledger.callsFor(id), 0);
        options.onProgress?.({ accountsDone, accountsTotal: accountIds.length, calls, gaps: ledger.gaps().length });
      }),
    ),
  );

  const callsByAccount = Object.fromEntries(accountIds.map((id) => [id, ledger.callsFor(id)]));
  const result: CollectResult = {
    runId: options.runId,
    collectedAt,
    records: reader.records,
    coverage: ledger.list(),
    callsByAccount,
    retries: ledger.retries(),
    callerFilteredLakeFormation: callerFiltered.sort((a, b) => `${a.accountId}/${a.region}`.localeCompare(`${b.accountId}/${b.region}`)),
  };
  return organization.managementAccountId === undefined ? result : { ...result, managementAccountId: organization.managementAccountId };
}

/** Asks STS who the credentials belong to; rejected credentials end the run before any read. */
async function identifyCaller(sts: ClientOf<"sts">) {
  try {
    return await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    const failure = classifyFailure(error);
    throw new LakewardenError(
      "noCredentials",
      `AWS rejected the credentials (sts:GetCallerIdentity failed with ${failure.errorCode}: ${failure.message}); refresh them or pass another --profile`,
      { cause: error },
    );
  }
}

function selectAccounts(organization: OrganizationView, callerAccountId: string, limit: readonly string[] | undefined): string[] {
  const known = organization.accounts.length > 0 ? organization.accounts.map((account) => account.id) : [callerAccountId];
  const selected = limit && limit.length > 0 ? known.filter((id) => limit.includes(id)) : known;
  return [...new Set(selected)].sort();
}

/**
 * Resolves the credentials of one account: the caller's own for its account, an assumed role
 * otherwise. A denied AssumeRole is recorded against the account's reads and the account is skipped.
 */
async function accountAccess(
  accountId: string,
  callerAccountId: string,
  callerArn: string | undefined,
  options: CollectOptions,
  partition: string,
  sts: ClientOf<"sts">,
  reader: Reader,
  isLakeAccount: boolean,
  clock: Clock,
): Promise<{ credentials: CredentialsProvider | Credentials; callerArn: string | undefined } | undefined> {
  if (accountId === callerAccountId) return { credentials: options.credentials, callerArn };
  if (options.orgRole === undefined) return undefined;

  const roleArn = `arn:${partition}:iam::${accountId}:role/${options.orgRole}`;
  const regions = options.regions;
  const provider = assumeRoleProvider(
    sts,
    { roleArn, sessionName: `lakewarden-${options.runId}`, ...(options.externalId === undefined ? {} : { externalId: options.externalId }) },
    clock,
  );
  try {
    await provider();
  } catch (error) {
    const failure = classifyFailure(error);
    recordUnreachableAccount(reader, accountId, isLakeAccount, regions, failure);
    options.logger?.warn({ accountId, roleArn, errorCode: failure.errorCode }, "could not assume the audit role; account skipped");
    return undefined;
  }
  return { credentials: provider, callerArn: `arn:${partition}:sts::${accountId}:assumed-role/${options.orgRole}/lakewarden-${options.runId}` };
}

/** The reads every account gets, and the ones only the lake account gets in each Region. */
const ACCOUNT_READS = [["iam", "GetAccountAuthorizationDetails"]] as const;
const LAKE_READS = [
  ["securitylake", "ListDataLakes"],
  ["securitylake", "ListSubscribers"],
  ["securitylake", "ListLogSources"],
  ["securitylake", "GetDataLakeOrganizationConfiguration"],
] as const;

/**
 * Records the reads an unreachable account would have started with: its IAM details and, for
 * the lake account, the Security Lake reads of each Region. Reads that depend on what those
 * would have found (buckets, keys) cannot be named and are not listed.
 */
function recordUnreachableAccount(reader: Reader, accountId: string, isLakeAccount: boolean, regions: readonly string[], failure: CallFailure): void {
  for (const [service, operation] of ACCOUNT_READS) reader.recordUnreachable({ accountId, region: GLOBAL }, service, operation, failure, "AssumeRole");
  if (!isLakeAccount) return;
  for (const region of regions) {
    for (const [service, operation] of LAKE_READS) reader.recordUnreachable({ accountId, region }, service, operation, failure, "AssumeRole");
  }
}

/** Runs every service collector that applies to the account: global ones once, regional ones per Region. */
async function collectAccount(context: AccountContext, regions: readonly string[]): Promise<void> {
  // NOTE: member accounts other than the lake account get IAM only; their own buckets, keys,
  // Lake Formation grants and events are not read.
  const applies = SERVICE_COLLECTORS.filter((collector) => collector.accounts === "all" || context.isLakeAccount);
  for (const collector of applies.filter((candidate) => candidate.scope === "global")) {
    await collector.collect(context, GLOBAL);
  }

  const regional = applies.filter((candidate) => candidate.scope === "regional");
  await Promise.all(
    regions.map(async (region) => {
      for (const collector of regional) await collector.collect(context, region);
    }),
  );
}

interface ContextParts {
  readonly accountId: string;
  readonly partition: string;
  readonly isLakeAccount: boolean;
  readonly reader: Reader;
  readonly clock: Clock;
  readonly eventsSince: Date;
  readonly callerArn: string | undefined;
  readonly clientSettings: ClientSettings;
  readonly callerFiltered: { accountId: string; region: string }[];
}

function buildContext(parts: ContextParts): AccountContext {
  const clients = new Map<string, unknown>();
  const resources = new Map<string, LakeResources>();
  const limiters = new Map<string, RateLimiter>();

  return {
    accountId: parts.accountId,
    partition: parts.partition,
    isLakeAccount: parts.isLakeAccount,
    reader: parts.reader,
    clock: parts.clock,
    eventsSince: parts.eventsSince,
    ...(parts.callerArn === undefined ? {} : { callerArn: parts.callerArn }),
    markCallerFiltered(region) {
      parts.callerFiltered.push({ accountId: parts.accountId, region });
    },
    client<S extends ServiceName>(service: S, region: string): ClientOf<S> {
      const key = `${service}:${region}`;
      let client = clients.get(key) as ClientOf<S> | undefined;
      if (!client) {
        client = createClient(service, region, parts.clientSettings);
        clients.set(key, client);
      }
      return client;
    },
    lakeResources(region) {
      let found = resources.get(region);
      if (!found) resources.set(region, (found = { bucketNames: new Set(), kmsKeyIds: new Set() }));
      return found;
    },
    lookupEventsLimiter(region) {
      let limiter = limiters.get(region);
      if (!limiter) limiters.set(region, (limiter = new RateLimiter(2, parts.clock)));
      return limiter;
    },
  };
}
