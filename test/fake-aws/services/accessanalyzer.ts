import type { ServiceHandlers } from "../request.js";
import { paged } from "./paging.js";

const listPage = (listKey: string) => ({ listKey, inputToken: "nextToken", outputToken: "nextToken" });

/** IAM Access Analyzer (REST-JSON): the organization analyzer in the lake account's Region. */
export const ACCESS_ANALYZER: ServiceHandlers = {
  ListAnalyzers: (request, world) => {
    const here = request.accountId === world.lakeAdminAccountId && request.region === "us-east-1";
    return paged(world, request, here ? world.analyzers : [], listPage("analyzers"));
  },
  ListFindingsV2: (request, world) => {
    const analyzer = world.analyzers.find((candidate) => candidate.arn === request.params.analyzerArn);
    return paged(world, request, analyzer ? world.findings : [], listPage("findings"));
  },
};
