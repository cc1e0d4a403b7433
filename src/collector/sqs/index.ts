import { GetQueueAttributesCommand, paginateListQueues, type ListQueuesCommandOutput } from "@aws-sdk/client-sqs";
import { scopeOf, type ServiceCollector } from "../service.js";

/** Attributes that describe who may use a queue; message contents are never read. */
const ATTRIBUTES = ["Policy", "QueueArn", "KmsMasterKeyId"] as const;

/** SQS: the queues of the lake account (subscriber notifications) with their policies. */
export const sqsCollector: ServiceCollector = {
  service: "sqs",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("sqs", region);
    const scope = scopeOf(context, region);
    const queues = await context.reader.readPages<ListQueuesCommandOutput>(
      scope,
      { service: "sqs", operation: "ListQueues", exported: false, tokenKey: "NextToken", listKeys: ["QueueUrls"], isEmpty: (output) => !output.QueueUrls?.length },
      () => paginateListQueues({ client }, {}),
    );

    for (const queueUrl of queues?.QueueUrls ?? []) {
      const name = queueUrl.split("/").pop() ?? queueUrl;
      await context.reader.read(scope, { service: "sqs", operation: "GetQueueAttributes", param: name }, () =>
        client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [...ATTRIBUTES] })),
      );
    }
  },
};
