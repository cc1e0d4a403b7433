/**
 * Access Analyzer data as the snapshot stores it: analyzers per account and Region, and their
 * findings as ListFindingsV2 returns them (kept as records, since the API adds fields).
 */
import type { Snapshot } from "../../model/snapshot.js";
import type { AnalyzerSummary } from "./types.js";

/** One external-access finding, reduced to what the comparison reads. */
export interface AnalyzerFinding {
  id: string;
  resource: string;
  resourceType?: string;
  /** `ACTIVE` or `ARCHIVED`; resolved findings are left out. */
  status: string;
  /**
   * The principal accounts the finding names. ListFindingsV2 summaries name none, so this is
   * empty unless the record carries a `principal` (ListFindings) or finding details.
   */
  principalAccounts: string[];
}

const EXTERNAL_ACCESS_TYPES = new Set(["ORGANIZATION", "ACCOUNT"]);
const ACCOUNT_IN_TEXT = /(?:^|:)(\d{12})(?::|$)/;

/** Lists the external-access analyzers of every account and Region. */
export function analyzersOf(snapshot: Snapshot): AnalyzerSummary[] {
  return snapshot.accounts.flatMap((account) =>
    account.regions.flatMap((region) =>
      (region.accessAnalyzer?.analyzers ?? [])
        .filter((analyzer) => EXTERNAL_ACCESS_TYPES.has(analyzer.type))
        .map((analyzer) => ({ ...analyzer, accountId: account.accountId, region: region.region })),
    ),
  );
}

/** Lists the active and archived external-access findings of every account and Region. */
export function analyzerFindings(snapshot: Snapshot): AnalyzerFinding[] {
  const findings: AnalyzerFinding[] = [];
  for (const account of snapshot.accounts) {
    for (const region of account.regions) {
      for (const record of region.accessAnalyzer?.findings ?? []) {
        const finding = readFinding(record);
        if (finding) findings.push(finding);
      }
    }
  }
  return findings;
}

function readFinding(record: Record<string, unknown>): AnalyzerFinding | undefined {
  const { id, resource, resourceType, status, findingType } = record;
  if (typeof id !== "string" || typeof resource !== "string" || typeof status !== "string") return undefined;
  if (status !== "ACTIVE" && status !== "ARCHIVED") return undefined;
  if (findingType !== undefined && findingType !== "ExternalAccess") return undefined;

  return {
    id,
    resource,
    ...(typeof resourceType === "string" ? { resourceType } : {}),
    status,
    principalAccounts: principalAccounts(record),
  };
}

/** Reads account ids from a `principal` map (`{"AWS": "arn:aws:iam::111122223333:root"}`) and from finding details. */
function principalAccounts(record: Record<string, unknown>): string[] {
  const details = Array.isArray(record.findingDetails) ? record.findingDetails : [];
  const principals = [record.principal, ...details.map((detail: unknown) => (detail as { externalAccessDetails?: { principal?: unknown } }).externalAccessDetails?.principal)];
  const accounts = new Set<string>();

  for (const principal of principals) {
    if (principal === null || typeof principal !== "object") continue;
    for (const value of Object.values(principal as Record<string, unknown>)) {
      if (typeof value !== "string") continue;
      if (value === "*") accounts.add("*");
      const account = /^\d{12}$/.test(value) ? value : ACCOUNT_IN_TEXT.exec(value)?.[1];
      if (account) accounts.add(account);
    }
  }
  return [...accounts].sort();
}
