/** The comparison of IAM Access Analyzer's external-access findings with Lakewarden's paths. */
export { compareWithAccessAnalyzer, type ComparisonInput } from "./compare.js";
export type { AccessAnalyzerComparison, AnalyzerComparisonRow, AnalyzerSummary, ComparisonOutcome } from "./types.js";
