import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The importer's fixture folder. */
export const FIXTURES = fileURLToPath(new URL("../fixtures/importer/", import.meta.url));

/** Reads one of the AWS CLI documentation examples copied under the fixtures. */
export function awsCliExample(name: string): Promise<string> {
  return readFile(join(FIXTURES, "awscli-examples", name), "utf8");
}

/** Writes an export folder from paths relative to its root and their contents; returns the root. */
export async function writeExport(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "lakewarden-export-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Removes a folder made by writeExport. */
export function removeExport(root: string): Promise<void> {
  return rm(root, { recursive: true, force: true });
}

/** A minimal authorization-details output, so an account folder is complete. */
export const EMPTY_AUTHORIZATION_DETAILS = JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] });
