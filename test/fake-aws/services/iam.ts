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

IAM.GenerateCredentialReport = () => ({ State: "COMPLETE", Description: "No report exists. Starting a new report generation task" });

IAM.GetCredentialReport = (request, world) => {
  const report = world.credentialReports[request.accountId];
  if (!report) throw new FakeAwsError("ReportNotPresent", "Credential report not present", 410);
  // The query protocol carries the report's bytes as base64 text.
  return { Content: Buffer.from(report, "utf8").toString("base64"), ReportFormat: "text/csv", GeneratedTime: new Date("2026-12-04T00:00:00Z") };
};
