import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeExport } from "../collector/export/writer.js";
import type { CollectResult } from "../collector/run.js";
import { importExportFolder } from "../importer/index.js";
import type { Snapshot } from "../model/snapshot.js";

/**
 * Builds the snapshot of a live collection. The collector's outputs are written in the export
 * layout and read back by the importer, so `collect` and `import` share one mapping from AWS
 * responses to the snapshot and cannot drift apart. The collector adds what an export cannot
 * show: the run id, its coverage ledger and which Lake Formation views were caller-filtered.
 *
 * @param exportFolder where to keep the export; a temporary folder is used and removed when absent.
 */
export async function buildCollectedSnapshot(result: CollectResult, exportFolder?: string): Promise<Snapshot> {
  const temporaryParent = exportFolder === undefined ? await mkdtemp(join(tmpdir(), "lakewarden-collect-")) : undefined;
  const folder = exportFolder ?? join(temporaryParent as string, "export");
  try {
    await writeCollectedExport(result, folder);
    const imported = await importExportFolder(folder);
    return withCollectorFacts(imported, result);
  } finally {
    if (temporaryParent !== undefined) await rm(temporaryParent, { recursive: true, force: true });
  }
}

/** Writes a collection in the export layout, with the manifest `import` reads. */
export async function writeCollectedExport(result: CollectResult, folder: string): Promise<void> {
  const manifest = { collectedAt: result.collectedAt, ...(result.managementAccountId === undefined ? {} : { managementAccountId: result.managementAccountId }) };
  await writeExport(folder, result.records, manifest);
}

function withCollectorFacts(imported: Snapshot, result: CollectResult): Snapshot {
  const filtered = new Set(result.callerFilteredLakeFormation.map((entry) => `${entry.accountId}/${entry.region}`));
  const accounts = imported.accounts.map((account) => ({
    ...account,
    regions: account.regions.map((region) => {
      if (!region.lakeFormation || !filtered.has(`${account.accountId}/${region.region}`)) return region;
      return { ...region, lakeFormation: { ...region.lakeFormation, callerFiltered: true } };
    }),
  }));
  return { ...imported, source: { kind: "collect", runId: result.runId }, accounts, coverage: [...result.coverage] };
}
