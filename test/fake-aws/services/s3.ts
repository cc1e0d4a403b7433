import { FakeAwsError, type ServiceHandlers } from "../request.js";
import type { FakeWorld } from "../world.js";

function bucketOf(world: FakeWorld, name: string) {
  const bucket = world.buckets[name];
  if (!bucket) throw new FakeAwsError("NoSuchBucket", `The specified bucket does not exist: ${name}`, 404);
  return bucket;
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

/** S3 bucket configuration reads; each handler returns the response body as S3 sends it. */
export const S3: ServiceHandlers = {
  GetBucketPolicy: (request, world) => {
    const bucket = bucketOf(world, request.pathParams.bucket ?? "");
    if (bucket.policy === undefined) throw new FakeAwsError("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
    return { raw: bucket.policy, contentType: "application/json" };
  },
  GetBucketVersioning: (request, world) => {
    const bucket = bucketOf(world, request.pathParams.bucket ?? "");
    const status = bucket.versioning === undefined ? "" : `<Status>${bucket.versioning}</Status>`;
    return { raw: `${XML}<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${status}</VersioningConfiguration>` };
  },
  GetObjectLockConfiguration: (request, world) => {
    const bucket = bucketOf(world, request.pathParams.bucket ?? "");
    if (bucket.objectLockDays === undefined) throw new FakeAwsError("ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket", 404);
    return {
      raw: `${XML}<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Days>${bucket.objectLockDays}</Days></DefaultRetention></Rule></ObjectLockConfiguration>`,
    };
  },
  GetBucketEncryption: (request, world) => {
    const bucket = bucketOf(world, request.pathParams.bucket ?? "");
    if (bucket.kmsKeyArn === undefined) throw new FakeAwsError("ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found", 404);
    return {
      raw: `${XML}<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>${bucket.kmsKeyArn}</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
    };
  },
  GetPublicAccessBlock: (request, world) => {
    const bucket = bucketOf(world, request.pathParams.bucket ?? "");
    if (bucket.publicAccessBlock === undefined) throw new FakeAwsError("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found", 404);
    const value = String(bucket.publicAccessBlock);
    return {
      raw: `${XML}<PublicAccessBlockConfiguration><BlockPublicAcls>${value}</BlockPublicAcls><IgnorePublicAcls>${value}</IgnorePublicAcls><BlockPublicPolicy>${value}</BlockPublicPolicy><RestrictPublicBuckets>${value}</RestrictPublicBuckets></PublicAccessBlockConfiguration>`,
    };
  },
};
