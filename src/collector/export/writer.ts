import { join } from "node:path";
import { writeFileAtomic, writeFolderAtomic } from "../../shared/atomic-write.js";
import type { ExportRecord } from "./records.js";

/** Replaces characters outside the layout's set with `_`, as the export script does. */
export function sanitizeParam(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** The path of one record inside the export folder, relative to it. */
export function exportPath(record: ExportRecord): string {
  const stem = record.param === undefined ? `${record.cliService}__${record.cliCommand}` : `${record.cliService}__${record.cliCommand}__${sanitizeParam(record.param)}`;
  const extension = record.error === undefined ? "json" : "error";
  return join(record.accountId, record.region, `${stem}.${extension}`);
}

/** The optional manifest at the export root. */
export interface ExportManifest {
  readonly collectedAt: string;
  readonly managementAccountId?: string;
}

/**
 * Writes the records in the export layout. The folder appears whole or not at all, so a
 * half-written export is never replayed.
 */
export async function writeExport(folder: string, records: readonly ExportRecord[], manifest: ExportManifest): Promise<void> {
  await writeFolderAtomic(folder, async (temporary) => {
    await writeFileAtomic(join(temporary, "export.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const record of records) {
      const content = record.error === undefined ? `${JSON.stringify(record.output, null, 2)}\n` : `${record.error}\n`;
      await writeFileAtomic(join(temporary, exportPath(record)), content);
    }
  });
}
