import {
  GetDataLakeOrganizationConfigurationCommand,
  ListDataLakesCommand,
  paginateListLogSources,
  paginateListSubscribers,
  type ListLogSourcesCommandOutput,
  type ListSubscribersCommandOutput,
} from "@aws-sdk/client-securitylake";
import { parseArn } from "../../shared/arn.js";
import { scopeOf, type AccountContext, type ServiceCollector } from "../service.js";

// Security Lake returns ResourceNotFoundException when the Region has no data lake.
const NOT_ENABLED = { notConfiguredCodes: ["ResourceNotFoundException"], notConfiguredState: "not-enabled" } as const;

/**
 * Security Lake in the delegated administrator account: the lake's configuration, its
 * subscribers, log sources and the organization configuration. In a Region without a data lake
 * Security Lake returns ResourceNotFoundException, which is recorded as `not-enabled`.
 */
export const securityLakeCollector: ServiceCollector = {
  service: "securitylake",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("securitylake", region);
    const scope = scopeOf(context, region);
    const lakes = await context.reader.read(
      scope,
      { service: "securitylake", operation: "ListDataLakes", ...NOT_ENABLED, isEmpty: (output) => !output.dataLakes?.some((lake) => lake.region === region) },
      () => client.send(new ListDataLakesCommand({ regions: [region] })),
    );
    const lake = lakes?.dataLakes?.find((candidate) => candidate.region === region);
    if (lake) rememberLakeResources(context, region, lake.s3BucketArn, lake.encryptionConfiguration?.kmsKeyId);

    // The other reads run even without a data lake: their ResourceNotFoundException records the
    // Region as not-enabled, as an export made with the AWS CLI shows it.
    await context.reader.readPages<ListSubscribersCommandOutput>(
      scope,
      { service: "securitylake", operation: "ListSubscribers", ...NOT_ENABLED, tokenKey: "nextToken", listKeys: ["subscribers"], isEmpty: (output) => !output.subscribers?.length },
      () => paginateListSubscribers({ client }, {}),
    );
    await context.reader.readPages<ListLogSourcesCommandOutput>(
      scope,
      { service: "securitylake", operation: "ListLogSources", ...NOT_ENABLED, tokenKey: "nextToken", listKeys: ["sources"], isEmpty: (output) => !output.sources?.length },
      () => paginateListLogSources({ client }, { regions: [region] }),
    );
    await context.reader.read(
      scope,
      {
        service: "securitylake",
        operation: "GetDataLakeOrganizationConfiguration",
        ...NOT_ENABLED,
        isEmpty: (output) => !output.autoEnableNewAccount?.length,
      },
      () => client.send(new GetDataLakeOrganizationConfigurationCommand({})),
    );
  },
};

function rememberLakeResources(context: AccountContext, region: string, bucketArn: string | undefined, kmsKeyId: string | undefined): void {
  const resources = context.lakeResources(region);
  const bucket = bucketArn ? parseArn(bucketArn)?.resource : undefined;
  if (bucket) resources.bucketNames.add(bucket);

  // S3_MANAGED_KEY means SSE-S3: there is no KMS key to read.
  if (!kmsKeyId || kmsKeyId === "S3_MANAGED_KEY") return;
  const keyArn = parseArn(kmsKeyId);
  const keyId = keyArn ? keyArn.resource.replace(/^key\//, "") : kmsKeyId;
  resources.kmsKeyIds.add(keyId);
}

/**
 * Lists the Regions where the lake account has a data lake, from one ListDataLakes without a Region
 * filter. The lake's Regions join the collected ones, so a lake in a Region the user did not
 * name is still read. A failure is recorded and the named Regions are used alone.
 */
export async function discoverLakeRegions(context: AccountContext, homeRegion: string): Promise<string[]> {
  const client = context.client("securitylake", homeRegion);
  const lakes = await context.reader.read(
    scopeOf(context, homeRegion),
    // The per-Region reads are exported; this one only finds the Regions, so it is not.
    { service: "securitylake", operation: "ListDataLakes", param: "all-regions", exported: false, ...NOT_ENABLED },
    // NOTE: that an unfiltered ListDataLakes lists every Region's lake is read from the API
    // reference's optional `regions` filter, not checked against AWS.
    () => client.send(new ListDataLakesCommand({})),
  );
  return (lakes?.dataLakes ?? []).flatMap((lake) => (lake.region ? [lake.region] : []));
}
