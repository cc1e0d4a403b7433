import {
  paginateGetResourceShares,
  paginateListPrincipals,
  paginateListResources,
  type GetResourceSharesCommandOutput,
  type ListPrincipalsCommandOutput,
  type ListResourcesCommandOutput,
  type ResourceOwner,
} from "@aws-sdk/client-ram";
import { scopeOf, type ServiceCollector } from "../service.js";

const OWNERS: readonly ResourceOwner[] = ["SELF", "OTHER-ACCOUNTS"];

/** RAM: resource shares (Lake Formation shares the lake's tables through them), their principals and resources. */
export const ramCollector: ServiceCollector = {
  service: "ram",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("ram", region);
    const scope = scopeOf(context, region);
    for (const owner of OWNERS) {
      await context.reader.readPages<GetResourceSharesCommandOutput>(
        scope,
        { service: "ram", operation: "GetResourceShares", param: owner, tokenKey: "nextToken", listKeys: ["resourceShares"], isEmpty: (output) => !output.resourceShares?.length },
        () => paginateGetResourceShares({ client }, { resourceOwner: owner }),
      );
      await context.reader.readPages<ListPrincipalsCommandOutput>(
        scope,
        { service: "ram", operation: "ListPrincipals", param: owner, tokenKey: "nextToken", listKeys: ["principals"], isEmpty: (output) => !output.principals?.length },
        () => paginateListPrincipals({ client }, { resourceOwner: owner }),
      );
      await context.reader.readPages<ListResourcesCommandOutput>(
        scope,
        { service: "ram", operation: "ListResources", param: owner, tokenKey: "nextToken", listKeys: ["resources"], isEmpty: (output) => !output.resources?.length },
        () => paginateListResources({ client }, { resourceOwner: owner }),
      );
    }
  },
};
