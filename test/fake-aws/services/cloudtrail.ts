import { FakeAwsError, type FakeRequest, type ServiceHandlers } from "../request.js";
import type { FakeWorld } from "../world.js";
import { paged } from "./paging.js";

function trailsSeenBy(request: FakeRequest, world: FakeWorld) {
  return request.accountId === world.lakeAdminAccountId ? world.trails : [];
}

/** CloudTrail (awsJson1_1): the organization trail, its selectors and LookupEvents by event name. */
export const CLOUDTRAIL: ServiceHandlers = {
  DescribeTrails: (request, world) => ({ trailList: trailsSeenBy(request, world) }),
  GetEventSelectors: (request, world) => {
    const trail = trailsSeenBy(request, world).find((candidate) => candidate.TrailARN === request.params.TrailName || candidate.Name === request.params.TrailName);
    if (!trail) throw new FakeAwsError("TrailNotFoundException", `Unknown trail: ${String(request.params.TrailName)}`);
    return { TrailARN: trail.TrailARN, EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [] }] };
  },
  LookupEvents: (request, world) => {
    const attributes = (request.params.LookupAttributes as { AttributeKey: string; AttributeValue: string }[] | undefined) ?? [];
    const name = attributes.find((attribute) => attribute.AttributeKey === "EventName")?.AttributeValue;
    const since = typeof request.params.StartTime === "number" ? request.params.StartTime * 1000 : 0;
    const events = world.events.filter(
      (event) => event.EventName === name && (event.EventTime as Date).getTime() >= since && request.accountId === world.lakeAdminAccountId && request.region === "us-east-1",
    );
    return paged(world, request, events, { listKey: "Events", inputToken: "NextToken", outputToken: "NextToken" });
  },
};
