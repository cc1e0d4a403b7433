import { FakeAwsError, type FakeRequest, type ServiceHandlers } from "../request.js";
import type { FakeWorld } from "../world.js";
import { paged } from "./paging.js";

function keyOf(request: FakeRequest, world: FakeWorld) {
  const keyId = String(request.params.KeyId ?? "");
  const key = world.kmsKeys[keyId];
  if (!key || request.accountId !== world.lakeAdminAccountId) throw new FakeAwsError("NotFoundException", `Key '${keyId}' does not exist`);
  return { keyId, key };
}

/** KMS (awsJson1_1): the lake key's metadata, policy and grants. */
export const KMS: ServiceHandlers = {
  DescribeKey: (request, world) => {
    const { keyId } = keyOf(request, world);
    const arn = `arn:aws:kms:${request.region}:${request.accountId}:key/${keyId}`;
    return { KeyMetadata: { KeyId: keyId, Arn: arn, KeyManager: "CUSTOMER", KeyState: "Enabled", Enabled: true, CreationDate: new Date("2024-01-01T00:00:00Z") } };
  },
  GetKeyPolicy: (request, world) => ({ Policy: keyOf(request, world).key.policy, PolicyName: "default" }),
  ListGrants: (request, world) => paged(world, request, keyOf(request, world).key.grants, { listKey: "Grants", inputToken: "Marker", outputToken: "NextMarker", truncatedKey: "Truncated" }),
};
