import { z } from "zod";
import type { DataLake, Subscriber } from "../../model/snapshot.js";
import { defineCommand, type CommandParser, regionOf, timestampSchema } from "../command.js";

// Security Lake outputs (camelCase fields, REST-JSON protocol), regional. ResourceNotFoundException
// means there is no data lake (or nothing under it) in the Region: a fact, not a gap. REST-JSON
// services may leave an empty list out, and the CLI prints nothing for an empty response, so an
// empty file and a missing top-level list both read as an empty list.
const NOT_FOUND = ["ResourceNotFoundException"] as const;
const common = { service: "securitylake", iamPrefix: "securitylake", scope: "regional", takesParam: false, acceptsEmptyOutput: true } as const;

const awsLogSourceSchema = z.looseObject({ sourceName: z.string(), sourceVersion: z.string().optional() });
const logSourceResourceSchema = z.looseObject({
  awsLogSource: awsLogSourceSchema.optional(),
  customLogSource: z
    .looseObject({
      sourceName: z.string(),
      sourceVersion: z.string().optional(),
      provider: z.looseObject({ location: z.string().optional(), roleArn: z.string().optional() }).optional(),
    })
    .optional(),
});

const dataLakeSchema = z.looseObject({
  dataLakeArn: z.string(),
  region: z.string(),
  s3BucketArn: z.string().optional(),
  createStatus: z.string().optional(),
  encryptionConfiguration: z.looseObject({ kmsKeyId: z.string().optional() }).optional(),
  lifecycleConfiguration: z
    .looseObject({
      expiration: z.looseObject({ days: z.number().int().optional() }).optional(),
      transitions: z.array(z.looseObject({ days: z.number().int(), storageClass: z.string() })).optional(),
    })
    .optional(),
  replicationConfiguration: z.looseObject({ regions: z.array(z.string()).optional(), roleArn: z.string().optional() }).optional(),
  updateStatus: z.looseObject({ status: z.string().optional() }).optional(),
});

const subscriberSchema = z.looseObject({
  subscriberId: z.string(),
  subscriberArn: z.string(),
  subscriberName: z.string(),
  subscriberDescription: z.string().optional(),
  subscriberIdentity: z.looseObject({ principal: z.string(), externalId: z.string() }),
  accessTypes: z.array(z.string()).optional(),
  sources: z.array(logSourceResourceSchema),
  roleArn: z.string().optional(),
  s3BucketArn: z.string().optional(),
  resourceShareArn: z.string().optional(),
  resourceShareName: z.string().optional(),
  subscriberEndpoint: z.string().optional(),
  subscriberStatus: z.string().optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

const logSourceSchema = z.looseObject({
  account: z.string(),
  region: z.string(),
  sources: z.array(logSourceResourceSchema),
});

const listDataLakes = defineCommand({
  ...common,
  command: "list-data-lakes",
  operation: "ListDataLakes",
  schema: z.looseObject({ dataLakes: z.array(dataLakeSchema).default([]) }),
  apply(output, target) {
    // ListDataLakes can return other Regions' lakes when asked for them; the folder's Region is kept.
    const lake = output.dataLakes.find((candidate) => candidate.region === target.region);
    regionOf(target).lake().dataLake = lake ? convertDataLake(lake) : null;
  },
  isEmpty: (output) => output.dataLakes.length === 0,
  notConfigured: { codes: NOT_FOUND, state: "not-enabled", record: (target) => void (regionOf(target).lake().dataLake = null) },
});

const listSubscribers = defineCommand({
  ...common,
  command: "list-subscribers",
  operation: "ListSubscribers",
  schema: z.looseObject({ subscribers: z.array(subscriberSchema).default([]) }),
  apply(output, target) {
    regionOf(target).lake().subscribers = output.subscribers.map(convertSubscriber);
  },
  isEmpty: (output) => output.subscribers.length === 0,
  notConfigured: { codes: NOT_FOUND, state: "not-enabled", record: (target) => void (regionOf(target).lake().subscribers = []) },
});

const listLogSources = defineCommand({
  ...common,
  command: "list-log-sources",
  operation: "ListLogSources",
  // The CLI prints `{"sources": [LogSource]}`. The AWS CLI documentation's example shows a
  // single LogSource at the top level instead; both are read.
  schema: z.union([z.looseObject({ sources: z.array(logSourceSchema).default([]) }), logSourceSchema.transform((single) => ({ sources: [single] }))]),
  apply(output, target) {
    regionOf(target).lake().logSources = output.sources.map((entry) => ({
      account: entry.account,
      region: entry.region,
      sources: entry.sources.map(convertLogSourceResource),
    }));
  },
  isEmpty: (output) => output.sources.length === 0,
  notConfigured: { codes: NOT_FOUND, state: "not-enabled", record: (target) => void (regionOf(target).lake().logSources = []) },
});

const getDataLakeOrganizationConfiguration = defineCommand({
  ...common,
  command: "get-data-lake-organization-configuration",
  operation: "GetDataLakeOrganizationConfiguration",
  schema: z.looseObject({
    autoEnableNewAccount: z.array(z.looseObject({ region: z.string(), sources: z.array(awsLogSourceSchema) })).optional(),
  }),
  apply(output, target) {
    regionOf(target).lake().organizationConfiguration = {
      autoEnableNewAccount: (output.autoEnableNewAccount ?? []).map((entry) => ({
        region: entry.region,
        sources: entry.sources.map(convertAwsLogSource),
      })),
    };
  },
  isEmpty: (output) => (output.autoEnableNewAccount ?? []).length === 0,
  notConfigured: {
    codes: NOT_FOUND,
    state: "not-enabled",
    record: (target) => void (regionOf(target).lake().organizationConfiguration = null),
  },
});

/** The Security Lake commands of the layout. */
export const SECURITY_LAKE_COMMANDS: CommandParser[] = [
  listDataLakes,
  listSubscribers,
  listLogSources,
  getDataLakeOrganizationConfiguration,
];


function convertDataLake(lake: z.infer<typeof dataLakeSchema>): DataLake {
  const converted: DataLake = {
    dataLakeArn: lake.dataLakeArn,
    region: lake.region,
    transitions: (lake.lifecycleConfiguration?.transitions ?? []).map((transition) => ({
      days: transition.days,
      storageClass: transition.storageClass,
    })),
    replicationRegions: [...(lake.replicationConfiguration?.regions ?? [])].sort(),
  };
  if (lake.s3BucketArn !== undefined) converted.s3BucketArn = lake.s3BucketArn;
  if (lake.encryptionConfiguration?.kmsKeyId !== undefined) converted.kmsKeyId = lake.encryptionConfiguration.kmsKeyId;
  if (lake.lifecycleConfiguration?.expiration?.days !== undefined) converted.expirationDays = lake.lifecycleConfiguration.expiration.days;
  if (lake.replicationConfiguration?.roleArn !== undefined) converted.replicationRoleArn = lake.replicationConfiguration.roleArn;
  if (lake.createStatus !== undefined) converted.createStatus = lake.createStatus;
  if (lake.updateStatus?.status !== undefined) converted.updateStatus = lake.updateStatus.status;
  return converted;
}

function convertSubscriber(subscriber: z.infer<typeof subscriberSchema>): Subscriber {
  const converted: Subscriber = {
    subscriberId: subscriber.subscriberId,
    subscriberArn: subscriber.subscriberArn,
    subscriberName: subscriber.subscriberName,
    subscriberIdentity: { principal: subscriber.subscriberIdentity.principal, externalId: subscriber.subscriberIdentity.externalId },
    accessTypes: [...(subscriber.accessTypes ?? [])].sort(),
    sources: subscriber.sources.map(convertLogSourceResource),
  };
  const optional = [
    "subscriberDescription",
    "roleArn",
    "s3BucketArn",
    "resourceShareArn",
    "resourceShareName",
    "subscriberEndpoint",
    "subscriberStatus",
    "createdAt",
    "updatedAt",
  ] as const;
  for (const field of optional) {
    const value = subscriber[field];
    if (value !== undefined) converted[field] = value;
  }
  return converted;
}

function convertAwsLogSource(source: z.infer<typeof awsLogSourceSchema>) {
  return source.sourceVersion === undefined
    ? { sourceName: source.sourceName }
    : { sourceName: source.sourceName, sourceVersion: source.sourceVersion };
}

function convertLogSourceResource(resource: z.infer<typeof logSourceResourceSchema>): Subscriber["sources"][number] {
  const converted: Subscriber["sources"][number] = {};
  if (resource.awsLogSource) converted.awsLogSource = convertAwsLogSource(resource.awsLogSource);

  const custom = resource.customLogSource;
  if (custom) {
    converted.customLogSource = { sourceName: custom.sourceName };
    if (custom.sourceVersion !== undefined) converted.customLogSource.sourceVersion = custom.sourceVersion;
    if (custom.provider?.roleArn !== undefined) converted.customLogSource.providerRoleArn = custom.provider.roleArn;
    if (custom.provider?.location !== undefined) converted.customLogSource.location = custom.provider.location;
  }
  return converted;
}
