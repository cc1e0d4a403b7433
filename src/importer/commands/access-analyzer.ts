import { z } from "zod";
import { defineCommand, type CommandParser, regionOf } from "../command.js";

// IAM Access Analyzer: the CLI's service name is `accessanalyzer`, the IAM prefix `access-analyzer`.
// An empty file or a missing list reads as an empty list (REST-JSON may leave empty lists out).
const common = { service: "accessanalyzer", iamPrefix: "access-analyzer", scope: "regional", acceptsEmptyOutput: true } as const;

const listAnalyzers = defineCommand({
  ...common,
  command: "list-analyzers",
  operation: "ListAnalyzers",
  takesParam: false,
  schema: z.looseObject({
    analyzers: z.array(z.looseObject({ arn: z.string(), name: z.string(), type: z.string(), status: z.string().optional() })).default([]),
  }),
  apply(output, target) {
    const region = regionOf(target);
    region.analyzers ??= new Map();
    for (const analyzer of output.analyzers) {
      region.analyzers.set(analyzer.arn, {
        arn: analyzer.arn,
        name: analyzer.name,
        type: analyzer.type,
        ...(analyzer.status === undefined ? {} : { status: analyzer.status }),
      });
    }
  },
  isEmpty: (output) => output.analyzers.length === 0,
});

const listFindingsV2 = defineCommand({
  ...common,
  command: "list-findings-v2",
  operation: "ListFindingsV2",
  takesParam: true,
  // Findings are kept as AWS returns them; the rules read the fields they need.
  schema: z.looseObject({ findings: z.array(z.looseObject({ id: z.string() })).default([]) }),
  apply(output, target) {
    const region = regionOf(target);
    region.analyzerFindingsRead = true;
    for (const finding of output.findings) region.analyzerFindings.set(`${target.param ?? ""}/${finding.id}`, finding);
  },
  isEmpty: (output) => output.findings.length === 0,
});

/** The Access Analyzer commands of the layout. */
export const ACCESS_ANALYZER_COMMANDS: CommandParser[] = [listAnalyzers, listFindingsV2];
