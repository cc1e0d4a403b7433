import type { ServiceHandlers } from "../request.js";
import { paged } from "./paging.js";

/** CloudTrail (awsJson1_1): LookupEvents filtered by event name and start time. */
export const CLOUDTRAIL: ServiceHandlers = {
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
