/**
 * The Access Analyzer page: where IAM Access Analyzer's external-access findings and
 * Lakewarden's paths agree and differ, each difference with its explanation.
 */
import type { AccessAnalyzerComparison, ComparisonOutcome } from "../../findings/access-analyzer/index.js";
import { accountLabel, type AccountNames } from "./accounts.js";
import { shortName } from "./evidence.js";

export interface AnalyzerRowView {
  outcome: ComparisonOutcome;
  outcomeTitle: string;
  resource: string;
  resourceName: string;
  resourceType: string;
  principalAccount: string;
  findingIds: string[];
  archived: boolean;
  lakewardenPrincipals: string[];
  path?: string;
  explanation: string;
}

export interface AccessAnalyzerView {
  assessed: boolean;
  reason: string;
  analyzers: { name: string; type: string; account: string; region: string }[];
  counts: { agree: number; onlyAnalyzer: number; onlyLakewarden: number };
  rows: AnalyzerRowView[];
  otherFindings: number;
  uncoveredResources: string[];
}

const OUTCOME_TITLES: Readonly<Record<ComparisonOutcome, string>> = {
  agree: "Both report",
  "only-access-analyzer": "Only Access Analyzer",
  "only-lakewarden": "Only Lakewarden",
};

const OUTCOME_ORDER: readonly ComparisonOutcome[] = ["only-access-analyzer", "only-lakewarden", "agree"];

/** Builds the page's view; an absent comparison reads as not assessed, never as agreement. */
export function viewAccessAnalyzer(comparison: AccessAnalyzerComparison | undefined, accountNames: AccountNames): AccessAnalyzerView {
  if (comparison === undefined || comparison.status === "not-assessed") {
    return {
      assessed: false,
      reason: comparison?.reason ?? "no Access Analyzer data: this audit did not compare",
      analyzers: [],
      counts: { agree: 0, onlyAnalyzer: 0, onlyLakewarden: 0 },
      rows: [],
      otherFindings: 0,
      uncoveredResources: [],
    };
  }

  const rows = [...comparison.rows].sort((a, b) => OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome) || a.resource.localeCompare(b.resource));
  return {
    assessed: true,
    reason: "",
    analyzers: comparison.analyzers.map((analyzer) => ({
      name: analyzer.name,
      type: analyzer.type === "ORGANIZATION" ? "organization" : "account",
      account: accountLabel(analyzer.accountId, accountNames) ?? analyzer.accountId,
      region: analyzer.region,
    })),
    counts: { agree: comparison.counts.agree, onlyAnalyzer: comparison.counts["only-access-analyzer"], onlyLakewarden: comparison.counts["only-lakewarden"] },
    rows: rows.map((row) => ({
      outcome: row.outcome,
      outcomeTitle: OUTCOME_TITLES[row.outcome],
      resource: row.resource,
      resourceName: shortName(row.resource),
      resourceType: row.resourceType,
      principalAccount: principalAccountWords(row.principalAccountId, accountNames),
      findingIds: row.findingIds,
      archived: row.archived,
      lakewardenPrincipals: row.lakewardenPrincipals,
      path: row.path,
      explanation: row.explanation,
    })),
    otherFindings: comparison.otherFindings,
    uncoveredResources: comparison.uncoveredResources,
  };
}

function principalAccountWords(accountId: string | undefined, accountNames: AccountNames): string {
  if (accountId === undefined) return "not named in the finding";
  if (accountId === "*") return "any AWS account";
  const name = accountNames[accountId];
  return name === undefined ? accountId : `${name} (${accountId})`;
}
