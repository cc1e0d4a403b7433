import type { ServiceHandlers } from "../request.js";
import { paged } from "./paging.js";

const listPage = (listKey: string) => ({ listKey, inputToken: "nextToken", outputToken: "nextToken" });

/** RAM (REST-JSON): the lake account's own shares; it receives none. */
export const RAM: ServiceHandlers = {
  GetResourceShares: (request, world) => {
    const owned = request.params.resourceOwner === "SELF" && request.accountId === world.lakeAdminAccountId && request.region === "us-east-1";
    return paged(world, request, owned ? world.resourceShares : [], listPage("resourceShares"));
  },
  ListPrincipals: (request, world) => {
    const owned = request.params.resourceOwner === "SELF" && request.accountId === world.lakeAdminAccountId && request.region === "us-east-1";
    const principals = owned ? world.resourceShares.map((share) => ({ id: "999999999999", resourceShareArn: share.resourceShareArn, external: true })) : [];
    return paged(world, request, principals, listPage("principals"));
  },
  ListResources: (request, world) => paged(world, request, [], listPage("resources")),
};
