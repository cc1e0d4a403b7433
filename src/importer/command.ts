import { z } from "zod";
import { jsonPath } from "../model/load.js";
import type { CoverageState, PolicyDocument } from "../model/snapshot.js";
import { inputError } from "../shared/errors.js";
import { decodePolicyDocument } from "./policy-document.js";
import type { OrganizationBuilder } from "./organization-builder.js";
import type { AccountBuilder, RegionBuilder } from "./region-builder.js";

/** The place of one file in the export, and the builders of the account, Region and organization it fills. */
export interface FileTarget {
  /** The file's path as messages show it: the export folder as given, joined with the file's place. */
  readonly file: string;
  readonly accountId: string;
  /** `global` or a Region name. */
  readonly region: string;
  readonly param: string | undefined;
  /** `aws`, `aws-cn` or `aws-us-gov`, used to build ARNs the CLI output does not print. */
  readonly partition: string;
  readonly account: AccountBuilder;
  readonly organization: OrganizationBuilder;
}

/** The result of reading one output file, for its coverage entry. */
export interface ReadOutcome {
  /** The output listed nothing (coverage `empty`). */
  readonly empty: boolean;
  /** The output contains one page only, because the CLI printed a token for the next page. */
  readonly truncated: boolean;
}

/** One AWS CLI command of the layout: where its file lives and how its output is read. */
export interface CommandParser {
  /** The CLI's service name, the file name's first part (`s3api`). */
  readonly service: string;
  /** The CLI's command name (`get-bucket-policy`). */
  readonly command: string;
  /** The IAM service prefix, so coverage gaps name the permission (`s3`). */
  readonly iamPrefix: string;
  /** The API operation (`GetBucketPolicy`), as the CLI names it in error messages. */
  readonly operation: string;
  readonly scope: "global" | "regional";
  /** Whether file names carry a `<param>`. */
  readonly takesParam: boolean;
  /** The values the `<param>` may take, when the command accepts only some (a filter, an id form). */
  readonly paramPattern: RegExp | undefined;
  /** The CLI prints nothing when the response has no fields (`get-bucket-versioning` on a new bucket). */
  readonly acceptsEmptyOutput: boolean;
  /** Error codes that mean "nothing is configured", recorded as facts instead of gaps. */
  readonly notConfiguredCodes: readonly string[];
  /** The coverage state recorded for a not-configured error code. */
  readonly notConfiguredState: CoverageState;
  read(value: unknown, target: FileTarget): ReadOutcome;
  /** Records the not-configured fact (`null` or an empty list) for one of notConfiguredCodes. */
  recordNotConfigured(target: FileTarget): void;
}

/** The definition of a command parser: the CLI output schema and what to do with a valid output. */
export interface CommandDefinition<T> {
  readonly service: string;
  readonly command: string;
  readonly iamPrefix: string;
  readonly operation: string;
  readonly scope: "global" | "regional";
  readonly takesParam: boolean;
  readonly paramPattern?: RegExp;
  readonly acceptsEmptyOutput?: boolean;
  /** The CLI's output shape; objects are loose because AWS adds fields over time. */
  readonly schema: z.ZodType<T>;
  apply(output: T, target: FileTarget): void;
  /** Returns whether the output lists nothing; leave it out for commands that return one object. */
  isEmpty?(output: T): boolean;
  readonly notConfigured?: { readonly codes: readonly string[]; readonly state?: CoverageState; record(target: FileTarget): void };
}

/** Builds a parser that validates the output against its schema before applying it. */
export function defineCommand<T>(definition: CommandDefinition<T>): CommandParser {
  return {
    service: definition.service,
    command: definition.command,
    iamPrefix: definition.iamPrefix,
    operation: definition.operation,
    scope: definition.scope,
    takesParam: definition.takesParam,
    paramPattern: definition.paramPattern,
    acceptsEmptyOutput: definition.acceptsEmptyOutput ?? false,
    notConfiguredCodes: definition.notConfigured?.codes ?? [],
    notConfiguredState: definition.notConfigured?.state ?? "empty",
    read(value, target) {
      const output = validateOutput(definition.schema, value, target.file);
      definition.apply(output, target);
      return { empty: definition.isEmpty?.(output) ?? false, truncated: holdsNextPageToken(value) };
    },
    recordNotConfigured(target) {
      definition.notConfigured?.record(target);
    },
  };
}

/** Validates a CLI output, raising an input error that names the file and the JSON path. */
export function validateOutput<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;

  const issue = deepestIssue(result.error.issues);
  throw inputError("invalidExport", file, jsonPath(issue?.path ?? []), issue?.message ?? "invalid");
}

type Issue = z.core.$ZodIssue;

/**
 * Picks the issue to report. A union reports only "Invalid input" at its own path, so the
 * issue of the branch that got furthest into the value names the field instead.
 */
function deepestIssue(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): { path: PropertyKey[]; message: string } | undefined {
  const issue = issues[0];
  if (!issue) return undefined;

  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return { path, message: issue.message };

  const candidates = issue.errors.map((branch) => deepestIssue(branch, path)).filter((candidate) => candidate !== undefined);
  candidates.sort((a, b) => b.path.length - a.path.length);
  return candidates[0] ?? { path, message: issue.message };
}

/** Decodes a policy document at `field` of `target`'s file (see decodePolicyDocument). */
export function policyAt(value: unknown, target: Pick<FileTarget, "file">, field: string): PolicyDocument {
  return decodePolicyDocument(value, target.file, field);
}

/** Returns the builder of the Region folder the file is in. */
export function regionOf(target: FileTarget): RegionBuilder {
  return target.account.region(target.region);
}

/** An optional timestamp as the CLI prints it: ISO-8601 text, or epoch seconds kept as text. `null` reads as absent. */
export const timestampSchema = z
  .union([z.string(), z.number()])
  .transform(String)
  .nullish()
  .transform((value) => value ?? undefined);

/** Returns the `<param>` of a file whose command takes one (the layout check guarantees it is set). */
export function paramOf(target: FileTarget): string {
  return target.param ?? "";
}

function holdsNextPageToken(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.IsTruncated === true || record.Truncated === true) return true;
  return [record.NextToken, record.nextToken, record.Marker].some((token) => typeof token === "string" && token.length > 0);
}
