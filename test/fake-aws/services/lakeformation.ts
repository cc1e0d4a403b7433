import type { ServiceHandlers } from "../request.js";
import { paged } from "./paging.js";

/** Lake Formation (REST-JSON): settings and grants of the lake account. */
export const LAKE_FORMATION: ServiceHandlers = {
  GetDataLakeSettings: (_request, world) => ({ DataLakeSettings: world.lakeFormationSettings }),
  ListPermissions: (request, world) =>
    paged(world, request, request.accountId === world.lakeAdminAccountId ? world.lakeFormationPermissions : [], {
      listKey: "PrincipalResourcePermissions",
      inputToken: "NextToken",
      outputToken: "NextToken",
    }),
};
