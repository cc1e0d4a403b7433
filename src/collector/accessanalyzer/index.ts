import { paginateListAnalyzers, paginateListFindingsV2, type ListAnalyzersCommandOutput, type ListFindingsV2CommandOutput } from "@aws-sdk/client-accessanalyzer";
import { scopeOf, type ServiceCollector } from "../service.js";

/** IAM Access Analyzer: the external-access analyzers and their active findings. */
export const accessAnalyzerCollector: ServiceCollector = {
  service: "accessanalyzer",
  scope: "regional",
  accounts: "lake",
  async collect(context, region) {
    const client = context.client("accessanalyzer", region);
    const scope = scopeOf(context, region);
    const analyzers = await context.reader.readPages<ListAnalyzersCommandOutput>(
      scope,
      { service: "accessanalyzer", operation: "ListAnalyzers", tokenKey: "nextToken", listKeys: ["analyzers"], isEmpty: (output) => !output.analyzers?.length },
      () => paginateListAnalyzers({ client }, {}),
    );

    const external = (analyzers?.analyzers ?? []).filter((analyzer) => analyzer.type === "ORGANIZATION" || analyzer.type === "ACCOUNT");
    for (const analyzer of external) {
      // NOTE: every active finding of the analyzer is kept; narrowing to the lake's buckets, keys and subscriber roles is left to the report.
      await context.reader.readPages<ListFindingsV2CommandOutput>(
        scope,
        { service: "accessanalyzer", operation: "ListFindingsV2", param: analyzer.name, tokenKey: "nextToken", listKeys: ["findings"], isEmpty: (output) => !output.findings?.length },
        () => paginateListFindingsV2({ client }, { analyzerArn: analyzer.arn, filter: { status: { eq: ["ACTIVE"] } } }),
      );
    }
  },
};
