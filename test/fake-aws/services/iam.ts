import { FakeAwsError, type ServiceHandlers } from "../request.js";
import { paged } from "./paging.js";

/** IAM: GetAccountAuthorizationDetails over every entity type, paged with Marker and IsTruncated. */
export const IAM: ServiceHandlers = {
  GetAccountAuthorizationDetails: (request, world) => {
    const details = world.iam[request.accountId];
    if (!details) throw new FakeAwsError("AccessDenied", "no such account", 403);

    // Pages run over the entity lists in order, as IAM does.
    const entities = [
      ...details.UserDetailList.map((entity) => ["UserDetailList", entity] as const),
      ...details.GroupDetailList.map((entity) => ["GroupDetailList", entity] as const),
      ...details.RoleDetailList.map((entity) => ["RoleDetailList", entity] as const),
      ...details.Policies.map((entity) => ["Policies", entity] as const),
    ];
    const result = paged(world, request, entities, { listKey: "entities", inputToken: "Marker", outputToken: "Marker", truncatedKey: "IsTruncated" });
    const output: Record<string, unknown> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], IsTruncated: result.IsTruncated };
    for (const [listKey, entity] of result.entities as (readonly [string, unknown])[]) (output[listKey] as unknown[]).push(entity);
    if (result.Marker !== undefined) output.Marker = result.Marker;
    return output;
  },
};
