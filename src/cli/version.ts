import { readFileSync } from "node:fs";

/** The package version, read once from package.json beside src/ and dist/. */
export const LAKEWARDEN_VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
