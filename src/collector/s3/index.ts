import {
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { scopeOf, type ServiceCollector } from "../service.js";

/**
 * S3 configuration of the lake's buckets: policy, versioning, object lock, default encryption
 * and public access block. The "not configured" errors are facts about a bucket, not gaps.
 */
export const s3Collector: ServiceCollector = {
  service: "s3",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("s3", region);
    const scope = scopeOf(context, region);
    for (const bucket of [...context.lakeResources(region).bucketNames].sort()) {
      const input = { Bucket: bucket };
      const read = (operation: string, notConfiguredCodes: string[], send: () => Promise<object>) =>
        context.reader.read(scope, { service: "s3", operation, param: bucket, notConfiguredCodes }, send);

      await read("GetBucketPolicy", ["NoSuchBucketPolicy"], () => client.send(new GetBucketPolicyCommand(input)));
      await read("GetBucketVersioning", [], () => client.send(new GetBucketVersioningCommand(input)));
      await read("GetObjectLockConfiguration", ["ObjectLockConfigurationNotFoundError"], () => client.send(new GetObjectLockConfigurationCommand(input)));
      await read("GetBucketEncryption", ["ServerSideEncryptionConfigurationNotFoundError"], () => client.send(new GetBucketEncryptionCommand(input)));
      await read("GetPublicAccessBlock", ["NoSuchPublicAccessBlockConfiguration"], () => client.send(new GetPublicAccessBlockCommand(input)));
    }
  },
};
