import { z } from "zod";
import type { CloudTrailEvent, Trail } from "../../model/snapshot.js";
import { inputError } from "../../shared/errors.js";
import { defineCommand, paramOf, type CommandParser, type FileTarget, regionOf } from "../command.js";

// CloudTrail: the trails seen from each Region (shadow copies of multi-Region trails included),
// their management-event selectors, and the recent events looked up by name.
const common = { service: "cloudtrail", iamPrefix: "cloudtrail", scope: "regional" } as const;

const describeTrails = defineCommand({
  ...common,
  command: "describe-trails",
  operation: "DescribeTrails",
  takesParam: false,
  schema: z.looseObject({
    trailList: z.array(
      z.looseObject({
        Name: z.string(),
        TrailARN: z.string(),
        HomeRegion: z.string().optional(),
        S3BucketName: z.string().optional(),
        IsMultiRegionTrail: z.boolean().optional(),
        IsOrganizationTrail: z.boolean().optional(),
        LogFileValidationEnabled: z.boolean().optional(),
        KmsKeyId: z.string().optional(),
      }),
    ),
  }),
  apply(output, target) {
    const region = regionOf(target);
    region.trails ??= new Map();
    for (const trail of output.trailList) {
      const converted: Trail = {
        name: trail.Name,
        arn: trail.TrailARN,
        isMultiRegionTrail: trail.IsMultiRegionTrail ?? false,
        isOrganizationTrail: trail.IsOrganizationTrail ?? false,
      };
      if (trail.HomeRegion !== undefined) converted.homeRegion = trail.HomeRegion;
      if (trail.S3BucketName !== undefined) converted.s3BucketName = trail.S3BucketName;
      if (trail.LogFileValidationEnabled !== undefined) converted.logFileValidationEnabled = trail.LogFileValidationEnabled;
      if (trail.KmsKeyId !== undefined) converted.kmsKeyId = trail.KmsKeyId;
      region.trails.set(trail.TrailARN, converted);
    }
  },
  isEmpty: (output) => output.trailList.length === 0,
});

const fieldSelectorSchema = z.looseObject({ Field: z.string(), Equals: z.array(z.string()).optional() });
const getEventSelectors = defineCommand({
  ...common,
  command: "get-event-selectors",
  operation: "GetEventSelectors",
  takesParam: true,
  schema: z.looseObject({
    TrailARN: z.string().optional(),
    EventSelectors: z
      .array(z.looseObject({ ReadWriteType: z.enum(["ReadOnly", "WriteOnly", "All"]).optional(), IncludeManagementEvents: z.boolean().optional() }))
      .optional(),
    AdvancedEventSelectors: z.array(z.looseObject({ FieldSelectors: z.array(fieldSelectorSchema) })).optional(),
  }),
  apply(output, target) {
    const selectors = regionOf(target).trailSelectors;
    const management = managementEventsOf(output);
    selectors.set(paramOf(target), management);
    if (output.TrailARN) selectors.set(output.TrailARN, management);
  },
});

const lookupEvents = defineCommand({
  ...common,
  command: "lookup-events",
  operation: "LookupEvents",
  takesParam: true,
  schema: z.looseObject({
    Events: z.array(
      z.looseObject({
        EventId: z.string(),
        EventName: z.string(),
        EventTime: z.union([z.string(), z.number()]).transform(String),
        EventSource: z.string().optional(),
        Username: z.string().optional(),
        CloudTrailEvent: z.string().optional(),
      }),
    ),
  }),
  apply(output, target) {
    const region = regionOf(target);
    region.cloudTrailEvents ??= new Map();
    output.Events.forEach((event, index) => {
      const converted: CloudTrailEvent = { eventId: event.EventId, eventName: event.EventName, eventTime: event.EventTime };
      if (event.EventSource !== undefined) converted.eventSource = event.EventSource;
      if (event.Username !== undefined) converted.username = event.Username;
      if (event.CloudTrailEvent !== undefined) {
        converted.record = parseRecord(event.CloudTrailEvent, target, `$.Events[${index}].CloudTrailEvent`);
      }
      region.cloudTrailEvents?.set(event.EventId, converted);
    });
  },
  isEmpty: (output) => output.Events.length === 0,
});

/** The CloudTrail commands of the layout. */
export const CLOUDTRAIL_COMMANDS: CommandParser[] = [describeTrails, getEventSelectors, lookupEvents];

/**
 * Keys whose values a reader could use as credentials or secrets: STS session tokens in
 * AssumeRole responses, and the API key of a Security Lake HTTPS subscriber notification.
 */
const SECRET_KEYS = new Set([
  "sessiontoken",
  "secretaccesskey",
  "password",
  "newpassword",
  "oldpassword",
  "authorizationapikeyvalue",
  "privatekey",
  "clientsecret",
]);

/** Parses the CloudTrail record that the CLI prints as a JSON string, removing secret values. */
function parseRecord(text: string, target: FileTarget, field: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError("invalidExport", target.file, field, "expected a CloudTrail record as a JSON string", { cause: error });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw inputError("invalidExport", target.file, field, "expected a CloudTrail record as a JSON object");
  }
  return withoutSecrets(value, target, field, 0) as Record<string, unknown>;
}

/** CloudTrail records nest a few levels; a much deeper one is not a record and would exhaust the stack. */
const MAX_RECORD_DEPTH = 64;

function withoutSecrets(value: unknown, target: FileTarget, field: string, depth: number): unknown {
  if (depth > MAX_RECORD_DEPTH) {
    throw inputError("invalidExport", target.file, field, `CloudTrail record nests deeper than ${MAX_RECORD_DEPTH} levels`);
  }
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, target, field, depth + 1));
  if (typeof value !== "object" || value === null) return value;

  const entries = Object.entries(value).filter(([key]) => !SECRET_KEYS.has(key.toLowerCase()));
  return Object.fromEntries(entries.map(([key, inner]) => [key, withoutSecrets(inner, target, field, depth + 1)]));
}

type SelectorOutput = {
  EventSelectors?: { ReadWriteType?: "ReadOnly" | "WriteOnly" | "All"; IncludeManagementEvents?: boolean }[];
  AdvancedEventSelectors?: { FieldSelectors: z.infer<typeof fieldSelectorSchema>[] }[];
};

/** Returns which management events the trail's selectors record, basic or advanced. */
function managementEventsOf(output: SelectorOutput): NonNullable<Trail["managementEvents"]> {
  let reads = false;
  let writes = false;

  for (const selector of output.EventSelectors ?? []) {
    // Basic selectors include management events unless IncludeManagementEvents is false.
    if (selector.IncludeManagementEvents === false) continue;
    const type = selector.ReadWriteType ?? "All";
    reads ||= type !== "WriteOnly";
    writes ||= type !== "ReadOnly";
  }

  for (const selector of output.AdvancedEventSelectors ?? []) {
    const category = selector.FieldSelectors.find((field) => field.Field === "eventCategory");
    if (!category?.Equals?.includes("Management")) continue;
    const readOnly = selector.FieldSelectors.find((field) => field.Field === "readOnly")?.Equals;
    reads ||= !readOnly || readOnly.includes("true");
    writes ||= !readOnly || readOnly.includes("false");
  }

  if (reads && writes) return "All";
  if (reads) return "ReadOnly";
  return writes ? "WriteOnly" : "None";
}
