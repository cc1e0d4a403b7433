import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { CoverageEntry } from "../model/snapshot.js";
import { inputError } from "../shared/errors.js";
import type { CommandParser, FileTarget } from "./command.js";
import { COMMAND_PARSERS } from "./commands/index.js";
import { coverageStateOfError, parseCliError } from "./error-file.js";
import { GLOBAL_FOLDER, isRegionFolderName, parseExportFileName, type ExportFileName } from "./layout.js";
import { OrganizationBuilder } from "./organization-builder.js";
import { MAX_ERROR_FILE_BYTES, MAX_OUTPUT_FILE_BYTES, parseJsonText, readLimitedText } from "./read-file.js";
import { AccountBuilder, compareText } from "./region-builder.js";

/** Everything one account folder gave: its builders, coverage, and which files it holds. */
export interface AccountRead {
  readonly account: AccountBuilder;
  /** Organizations files of this folder; several folders' builders merge in account order. */
  readonly organization: OrganizationBuilder;
  readonly coverage: CoverageEntry[];
  /** File stems (`<service>__<command>[__<param>]`) by folder (`global` or a Region). */
  readonly stems: Map<string, Set<string>>;
  /** The newest modification time of the files read, in milliseconds. */
  newestModified: number;
}

/** Reads one account folder: `global/` and Region folders, each holding layout files only. */
export async function readAccountFolder(folder: string, accountId: string): Promise<AccountRead> {
  const read: AccountRead = {
    account: new AccountBuilder(accountId),
    organization: new OrganizationBuilder(),
    coverage: [],
    stems: new Map(),
    newestModified: 0,
  };

  const entries = await listFolder(folder);
  const partition = partitionOfAccount(entries.map((entry) => entry.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (!entry.isDirectory() || (entry.name !== GLOBAL_FOLDER && !isRegionFolderName(entry.name))) {
      throw inputError("invalidExport", path, undefined, `not part of the export layout: an account folder holds "${GLOBAL_FOLDER}" and Region folders (such as us-east-1) only`);
    }
    await readServiceFolder(read, path, entry.name, partition);
  }
  return read;
}

/** Lists a folder in name order, rejecting an empty one: the layout has no empty folders. */
export async function listFolder(folder: string): Promise<Dirent[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  if (entries.length === 0) throw inputError("invalidExport", folder, undefined, "empty folder: the export layout has no empty folders");
  return entries.sort((a, b) => compareText(a.name, b.name));
}

async function readServiceFolder(read: AccountRead, folder: string, region: string, partition: string): Promise<void> {
  const entries = await listFolder(folder);
  const stems = new Set<string>();
  read.stems.set(region, stems);

  for (const entry of entries) {
    const file = join(folder, entry.name);
    const name = entry.isFile() ? parseExportFileName(entry.name) : undefined;
    const parser = name ? COMMAND_PARSERS.get(`${name.service}__${name.command}`) : undefined;
    if (!name || !parser) {
      throw inputError("invalidExport", file, undefined, "not part of the export layout: expected <service>__<command>[__<param>].json or .error for a supported AWS CLI command");
    }
    checkPlacement(parser, name, region, file);

    const stem = entry.name.slice(0, entry.name.lastIndexOf("."));
    if (stems.has(stem)) throw inputError("invalidExport", file, undefined, `both ${stem}.json and ${stem}.error exist; the layout has one or the other`);
    stems.add(stem);

    const target: FileTarget = {
      file,
      accountId: read.account.accountId,
      region,
      param: name.param,
      partition,
      account: read.account,
      organization: read.organization,
    };
    const { entry: coverage, modified } = name.kind === "json" ? await readOutputFile(parser, target) : await readErrorFile(parser, target);
    read.coverage.push(coverage);
    read.newestModified = Math.max(read.newestModified, modified.getTime());
    if (parser.service === "organizations") read.organization.touched = true;
  }
}

function checkPlacement(parser: CommandParser, name: ExportFileName, region: string, file: string): void {
  const inGlobal = region === GLOBAL_FOLDER;
  if (parser.scope === "global" && !inGlobal) {
    throw inputError("invalidExport", file, undefined, `${parser.service} ${parser.command} is a global command; its file belongs in the "${GLOBAL_FOLDER}" folder`);
  }
  if (parser.scope === "regional" && inGlobal) {
    throw inputError("invalidExport", file, undefined, `${parser.service} ${parser.command} is a regional command; its file belongs in a Region folder`);
  }
  if (parser.takesParam && name.param === undefined) {
    throw inputError("invalidExport", file, undefined, `${parser.service} ${parser.command} files are named <service>__<command>__<param>; the <param> is missing`);
  }
  if (parser.paramPattern && name.param !== undefined && !parser.paramPattern.test(name.param)) {
    throw inputError("invalidExport", file, undefined, `"${name.param}" is not a valid <param> for ${parser.service} ${parser.command} (expected ${parser.paramPattern.source})`);
  }
  if (!parser.takesParam && name.param !== undefined) {
    throw inputError("invalidExport", file, undefined, `${parser.service} ${parser.command} takes no <param> in the file name`);
  }
}

interface FileRead {
  readonly entry: CoverageEntry;
  readonly modified: Date;
}

async function readOutputFile(parser: CommandParser, target: FileTarget): Promise<FileRead> {
  const { text, modified } = await readLimitedText(target.file, MAX_OUTPUT_FILE_BYTES);

  let value: unknown;
  if (text.trim().length === 0) {
    if (!parser.acceptsEmptyOutput) throw inputError("invalidJson", target.file, "$", "the file is empty; expected the AWS CLI's JSON output");
    value = {};
  } else {
    value = parseJsonText(text, target.file);
  }

  const outcome = parser.read(value, target);
  const entry = coverageEntry(parser, target, outcome.empty ? "empty" : "collected");
  if (!outcome.truncated) return { entry, modified };
  const message = "the output holds one page only (the CLI printed a token for the next page); export without --max-items or --no-paginate";
  return { entry: { ...entry, state: "error", errorCode: "Truncated", message }, modified };
}

async function readErrorFile(parser: CommandParser, target: FileTarget): Promise<FileRead> {
  const { text, modified } = await readLimitedText(target.file, MAX_ERROR_FILE_BYTES);
  const error = parseCliError(text);

  let state = coverageStateOfError(error.code);
  if (parser.notConfiguredCodes.includes(error.code)) {
    parser.recordNotConfigured(target);
    state = parser.notConfiguredState;
  }
  return { entry: { ...coverageEntry(parser, target, state), errorCode: error.code, message: error.message }, modified };
}

function coverageEntry(parser: CommandParser, target: FileTarget, state: CoverageEntry["state"]): CoverageEntry {
  const entry: CoverageEntry = {
    accountId: target.accountId,
    region: target.region,
    service: parser.iamPrefix,
    operation: parser.operation,
    state,
  };
  if (target.param !== undefined) entry.param = target.param;
  return entry;
}

/** Returns the partition of an account folder's Regions: `aws` unless they are China, GovCloud or EU sovereign ones. */
function partitionOfAccount(folderNames: string[]): string {
  if (folderNames.some((name) => name.startsWith("cn-"))) return "aws-cn";
  if (folderNames.some((name) => name.startsWith("us-gov-"))) return "aws-us-gov";
  if (folderNames.some((name) => name.startsWith("eusc-"))) return "aws-eusc";
  return "aws";
}
