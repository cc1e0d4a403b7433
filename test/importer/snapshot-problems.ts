import { snapshotSchema, type Snapshot } from "../../src/model/snapshot.js";

/**
 * Lists where a built snapshot breaks the snapshot schema. The importer does not check its own
 * output at run time (typed converters build it from validated files), so the tests do.
 */
export function snapshotProblems(snapshot: Snapshot): string[] {
  const checked = snapshotSchema.safeParse(snapshot);
  return checked.success ? [] : checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}
