import { stat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { SNAPSHOT_SCHEMA_VERSION, type CoverageEntry, type Snapshot } from "../model/snapshot.js";
import { inputError } from "../shared/errors.js";
import { validateOutput } from "./command.js";
import { missingFiles } from "./expected-files.js";
import { EXPORT_MANIFEST, isAccountFolderName } from "./layout.js";
import { OrganizationBuilder } from "./organization-builder.js";
import { listFolder, readAccountFolder, type AccountRead } from "./read-account.js";
import { MAX_ERROR_FILE_BYTES, parseJsonText, readLimitedText } from "./read-file.js";
import { compareText } from "./region-builder.js";

/** Account folders read at once: enough to overlap file reads, few enough to stay under open-file limits. */
// NOTE: parsing runs on the main thread, so only file reads overlap; worker threads would let a
// large export use more than one core.
const ACCOUNT_CONCURRENCY = 8;

const manifestSchema = z.strictObject({
  collectedAt: z.iso.datetime({ offset: true, message: "expected an ISO-8601 date and time" }).optional(),
  managementAccountId: z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id").optional(),
});

/**
 * Builds a snapshot from an export folder in the documented layout (docs/export-layout.md).
 * Failed and missing calls become coverage entries. A name outside the layout, invalid JSON,
 * an output of the wrong shape or an undecodable policy is an input error naming file and field.
 * The same folder always gives the same snapshot: everything is sorted, and without
 * export.json the collection time is the newest file's modification time.
 */
export async function importExportFolder(dir: string): Promise<Snapshot> {
  const info = await stat(dir).catch((error: unknown) => {
    throw inputError("fileNotFound", dir, undefined, "export folder not found", { cause: error });
  });
  if (!info.isDirectory()) throw inputError("invalidExport", dir, undefined, "expected an export folder");

  const { manifest, accountIds } = await readRoot(dir);
  const reads = await mapConcurrently(accountIds, ACCOUNT_CONCURRENCY, (accountId) => readAccountFolder(join(dir, accountId), accountId));

  const organizationBuilder = new OrganizationBuilder();
  for (const read of reads) organizationBuilder.mergeFrom(read.organization);
  const organization = organizationBuilder.build();

  const names = new Map(organization?.accounts.map((account) => [account.id, account.name]));
  const accounts = reads.map((read) => read.account.build(names.get(read.account.accountId)));
  const managementAccountId = manifest.managementAccountId ?? organization?.managementAccountId;

  const coverage = reads.flatMap((read) => read.coverage);
  const gaps = missingFiles({
    stems: new Map(reads.map((read) => [read.account.accountId, read.stems])),
    accounts,
    organizationSources: reads.filter((read) => read.organization.touched).map((read) => read.account.accountId),
    policyIds: [...organizationBuilder.policySummaries.keys()].sort(compareText),
    parentIds: [...(organizationBuilder.roots?.keys() ?? []), ...organizationBuilder.organizationalUnits.keys()].sort(compareText),
    listedAccounts: [...organizationBuilder.accounts.values()],
    securityLakeAdministrators: [...organizationBuilder.delegatedAdministrators.values()]
      .filter((admin) => admin.servicePrincipal === "securitylake.amazonaws.com")
      .map((admin) => admin.accountId),
    managementAccountId,
    organizationNotInUse: coverage.some((entry) => entry.errorCode === "AWSOrganizationsNotInUseException"),
  });

  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: manifest.collectedAt ?? newestModified(reads),
    source: { kind: "import", path: dir },
    ...(managementAccountId === undefined ? {} : { managementAccountId }),
    ...(organization === undefined ? {} : { organization }),
    accounts,
    coverage: sortCoverage([...coverage, ...gaps]),
  };
  // The converters are typed and read validated files, so the snapshot is not checked against
  // the schema again here, which took 50 ms at 10,000 principals. The importer tests check it.
  return snapshot;
}

/** Reads the export root: account folders and the optional export.json, nothing else. */
async function readRoot(dir: string): Promise<{ manifest: z.infer<typeof manifestSchema>; accountIds: string[] }> {
  let manifest: z.infer<typeof manifestSchema> = {};
  const accountIds: string[] = [];

  for (const entry of await listFolder(dir)) {
    const path = join(dir, entry.name);
    if (entry.name === EXPORT_MANIFEST && entry.isFile()) {
      const { text } = await readLimitedText(path, MAX_ERROR_FILE_BYTES);
      manifest = validateOutput(manifestSchema, parseJsonText(text, path), path);
    } else if (entry.isDirectory() && isAccountFolderName(entry.name)) {
      accountIds.push(entry.name);
    } else {
      throw inputError("invalidExport", path, undefined, `not part of the export layout: the export folder holds 12-digit account folders and ${EXPORT_MANIFEST} only`);
    }
  }

  if (accountIds.length === 0) throw inputError("invalidExport", dir, undefined, "no account folders (12-digit AWS account ids) in the export");
  return { manifest, accountIds };
}

/** Runs `task` over `items` with at most `limit` at once, keeping the input order in the result. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function newestModified(reads: readonly AccountRead[]): string {
  const newest = Math.max(0, ...reads.map((read) => read.newestModified));
  return new Date(newest).toISOString();
}

function sortCoverage(entries: CoverageEntry[]): CoverageEntry[] {
  const key = (entry: CoverageEntry) => [entry.accountId, entry.region, entry.service, entry.operation, entry.param ?? ""];
  return entries.sort((a, b) => {
    const left = key(a);
    const right = key(b);
    for (let i = 0; i < left.length; i++) {
      const order = compareText(left[i] as string, right[i] as string);
      if (order !== 0) return order;
    }
    return 0;
  });
}

