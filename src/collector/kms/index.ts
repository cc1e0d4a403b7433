import { DescribeKeyCommand, GetKeyPolicyCommand, paginateListGrants, type ListGrantsCommandOutput } from "@aws-sdk/client-kms";
import { scopeOf, type ServiceCollector } from "../service.js";

/** KMS: the lake key's description, key policy and grants. */
export const kmsCollector: ServiceCollector = {
  service: "kms",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("kms", region);
    const scope = scopeOf(context, region);
    for (const keyId of [...context.lakeResources(region).kmsKeyIds].sort()) {
      await context.reader.read(scope, { service: "kms", operation: "DescribeKey", param: keyId }, () => client.send(new DescribeKeyCommand({ KeyId: keyId })));
      await context.reader.read(scope, { service: "kms", operation: "GetKeyPolicy", param: keyId }, () =>
        client.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: "default" })),
      );
      await context.reader.readPages<ListGrantsCommandOutput>(
        scope,
        { service: "kms", operation: "ListGrants", param: keyId, tokenKey: "NextMarker", listKeys: ["Grants"], isEmpty: (output) => !output.Grants?.length },
        () => paginateListGrants({ client }, { KeyId: keyId }),
      );
    }
  },
};
