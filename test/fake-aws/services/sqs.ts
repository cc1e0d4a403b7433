import { FakeAwsError, type ServiceHandlers } from "../request.js";
import { paged } from "./paging.js";

/** SQS (awsJson1_0): queue URLs and the attributes that describe access. */
export const SQS: ServiceHandlers = {
  ListQueues: (request, world) => {
    const urls = Object.keys(world.queues).filter((url) => url.includes(`/${request.accountId}/`) && url.includes(`.${request.region}.`));
    return paged(world, request, urls, { listKey: "QueueUrls", inputToken: "NextToken", outputToken: "NextToken" });
  },
  GetQueueAttributes: (request, world) => {
    const attributes = world.queues[String(request.params.QueueUrl)];
    if (!attributes) throw new FakeAwsError("AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
    const names = (request.params.AttributeNames as string[] | undefined) ?? [];
    return { Attributes: Object.fromEntries(Object.entries(attributes).filter(([name]) => names.includes(name) || names.includes("All"))) };
  },
};
