import { z } from "zod";
import type { RegionSnapshot } from "../../model/snapshot.js";
import { defineCommand, paramOf, policyAt, type CommandParser, regionOf } from "../command.js";

type SqsQueue = NonNullable<RegionSnapshot["sqsQueues"]>[number];

// SQS queue attributes (subscriber notification queues) and Athena work groups, per Region.
const getQueueAttributes = defineCommand({
  service: "sqs",
  command: "get-queue-attributes",
  iamPrefix: "sqs",
  operation: "GetQueueAttributes",
  scope: "regional",
  takesParam: true,
  schema: z.looseObject({ Attributes: z.record(z.string(), z.string()).optional() }),
  apply(output, target) {
    const name = paramOf(target);
    const attributes = output.Attributes ?? {};
    const queue: SqsQueue = {
      name,
      arn: attributes.QueueArn ?? `arn:${target.partition}:sqs:${target.region}:${target.accountId}:${name}`,
    };

    // `--attribute-names All` always returns QueueArn; only then does a missing Policy mean none.
    if (attributes.Policy !== undefined) queue.policy = policyAt(attributes.Policy, target, "$.Attributes.Policy");
    else if (attributes.QueueArn !== undefined) queue.policy = null;
    if (attributes.KmsMasterKeyId !== undefined) queue.kmsKeyId = attributes.KmsMasterKeyId;

    regionOf(target).sqsQueues.set(name, queue);
  },
});

const getWorkGroup = defineCommand({
  service: "athena",
  command: "get-work-group",
  iamPrefix: "athena",
  operation: "GetWorkGroup",
  scope: "regional",
  takesParam: true,
  schema: z.looseObject({
    WorkGroup: z.looseObject({
      Name: z.string(),
      State: z.string().optional(),
      Configuration: z
        .looseObject({ ResultConfiguration: z.looseObject({ OutputLocation: z.string().optional() }).optional() })
        .optional(),
    }),
  }),
  apply(output, target) {
    const group = output.WorkGroup;
    const outputLocation = group.Configuration?.ResultConfiguration?.OutputLocation;
    regionOf(target).athenaWorkGroups.set(group.Name, {
      name: group.Name,
      ...(outputLocation === undefined ? {} : { outputLocation }),
      ...(group.State === undefined ? {} : { state: group.State }),
    });
  },
});

/** The SQS and Athena commands of the layout. */
export const SQS_ATHENA_COMMANDS: CommandParser[] = [getQueueAttributes, getWorkGroup];
