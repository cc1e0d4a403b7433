import { DescribeTrailsCommand, GetEventSelectorsCommand, paginateLookupEvents, type LookupEventsCommandOutput } from "@aws-sdk/client-cloudtrail";
import { GLOBAL_SERVICES_REGION } from "../scope.js";
import { scopeOf, type AccountContext, type ServiceCollector } from "../service.js";

/** Events that change who can reach the lake, looked up in every collected Region. */
export const LAKE_EVENT_NAMES = [
  "CreateSubscriber",
  "UpdateSubscriber",
  "DeleteSubscriber",
  "CreateDataLake",
  "UpdateDataLake",
  "DeleteDataLake",
  "DeleteAwsLogSource",
  "DeregisterDataLakeDelegatedAdministrator",
  "GrantPermissions",
  "PutBucketPolicy",
  "PutKeyPolicy",
  // STS records AssumeRole in the Region of the regional endpoint that served it.
  "AssumeRole",
] as const;

/** IAM events, which CloudTrail shows to LookupEvents only in us-east-1. */
export const IAM_EVENT_NAMES = ["AttachRolePolicy", "PutRolePolicy", "UpdateAssumeRolePolicy"] as const;

/**
 * CloudTrail: the trails and their management-event selectors, then LookupEvents for each event
 * name since `--events-since`, paced at 2 requests per second per account and Region (the
 * service limit).
 */
export const cloudTrailCollector: ServiceCollector = {
  service: "cloudtrail",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("cloudtrail", region);
    await readTrails(context, region);
    const limiter = context.lookupEventsLimiter(region);
    const names = region === GLOBAL_SERVICES_REGION ? [...LAKE_EVENT_NAMES, ...IAM_EVENT_NAMES] : LAKE_EVENT_NAMES;

    for (const eventName of names) {
      await context.reader.readPages<LookupEventsCommandOutput>(
        scopeOf(context, region),
        { service: "cloudtrail", operation: "LookupEvents", param: eventName, tokenKey: "NextToken", listKeys: ["Events"], isEmpty: (output) => !output.Events?.length },
        async function* pages() {
          const input = { LookupAttributes: [{ AttributeKey: "EventName" as const, AttributeValue: eventName }], StartTime: context.eventsSince };
          const iterator = paginateLookupEvents({ client }, input)[Symbol.asyncIterator]();
          for (;;) {
            // Each page is a request, so each waits for its slot.
            await limiter.wait();
            const next = await iterator.next();
            if (next.done) return;
            yield next.value;
          }
        },
      );
    }
  },
};

/** Reads the trails seen from the Region and the event selectors of those whose home it is. */
async function readTrails(context: AccountContext, region: string): Promise<void> {
  const client = context.client("cloudtrail", region);
  const scope = scopeOf(context, region);
  const trails = await context.reader.read(scope, { service: "cloudtrail", operation: "DescribeTrails", isEmpty: (output) => !output.trailList?.length }, () =>
    client.send(new DescribeTrailsCommand({})),
  );

  // A multi-Region trail shows in every Region; its selectors are read once, in its home Region.
  for (const trail of (trails?.trailList ?? []).filter((candidate) => candidate.HomeRegion === region && candidate.Name && candidate.TrailARN)) {
    await context.reader.read(scope, { service: "cloudtrail", operation: "GetEventSelectors", param: trail.Name as string }, () =>
      client.send(new GetEventSelectorsCommand({ TrailName: trail.TrailARN })),
    );
  }
}
