import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { inputError } from "../shared/errors.js";
import { parseCapabilities, type CapabilityCatalog } from "../evaluator/graph/index.js";

/** The shipped capability catalogue, policies/capabilities.yaml at the package root. */
export const DEFAULT_CAPABILITIES_FILE = fileURLToPath(new URL("../../policies/capabilities.yaml", import.meta.url));

/** Reads and validates a capabilities YAML file; errors name the file and the field. */
export async function loadCapabilities(file: string = DEFAULT_CAPABILITIES_FILE): Promise<CapabilityCatalog> {
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    throw inputError("fileNotFound", file, undefined, "file not found", { cause: error });
  });
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw inputError("invalidYaml", file, undefined, `not valid YAML (${(error as Error).message})`, { cause: error });
  }
  return parseCapabilities(value, file);
}
