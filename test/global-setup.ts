import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Points the temporary files of every test at one folder and removes it when the run ends, so
 * a test run leaves nothing behind in the system's temporary folder.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), "lakewarden-tests-"));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
