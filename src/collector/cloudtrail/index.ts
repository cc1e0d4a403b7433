import { paginateLookupEvents, type LookupEventsCommandOutput } from "@aws-sdk/client-cloudtrail";
import { GLOBAL_SERVICES_REGION } from "../scope.js";
import { scopeOf, type ServiceCollector } from "../service.js";

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
 * CloudTrail: LookupEvents for each event name since `--events-since`, paced at 2 requests per
 * second per account and Region (the service limit).
 */
export const cloudTrailCollector: ServiceCollector = {
  service: "cloudtrail",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("cloudtrail", region);
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
