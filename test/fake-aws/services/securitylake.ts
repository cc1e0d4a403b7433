import { FakeAwsError, type FakeRequest, type ServiceHandlers } from "../request.js";
import type { FakeWorld } from "../world.js";
import { paged } from "./paging.js";

function lakeIn(request: FakeRequest, world: FakeWorld): boolean {
  return request.accountId === world.lakeAdminAccountId && world.dataLakes.some((lake) => lake.region === request.region);
}

function requireLake(request: FakeRequest, world: FakeWorld): void {
  if (!lakeIn(request, world)) throw new FakeAwsError("ResourceNotFoundException", `no data lake in ${request.region}`, 404);
}

const listPage = (listKey: string) => ({ listKey, inputToken: "nextToken", outputToken: "nextToken" });

/** Security Lake (REST-JSON): the data lake lives in the delegated administrator account only. */
export const SECURITY_LAKE: ServiceHandlers = {
  ListDataLakes: (request, world) => {
    const wanted = [request.params.regions ?? []].flat().map(String);
    const mine = request.accountId === world.lakeAdminAccountId ? world.dataLakes : [];
    return { dataLakes: wanted.length > 0 ? mine.filter((lake) => wanted.includes(String(lake.region))) : mine };
  },
  ListSubscribers: (request, world) => {
    requireLake(request, world);
    return paged(world, request, world.subscribers, listPage("subscribers"));
  },
  ListLogSources: (request, world) => {
    requireLake(request, world);
    return paged(world, request, world.logSources, listPage("sources"));
  },
  GetDataLakeOrganizationConfiguration: (request, world) => {
    requireLake(request, world);
    return world.organizationConfiguration;
  },
};
