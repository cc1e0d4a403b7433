/**
 * Coverage gaps: the inputs the collection could not read. Each is a part of the organization
 * that was not assessed, and the report shows it as such instead of counting it as clean.
 */
import type { CoverageEntry } from "../../model/snapshot.js";
import { COVERAGE_STATE_TITLES } from "./labels.js";

export interface CoverageGapView {
  region: string;
  service: string;
  operation: string;
  param?: string;
  state: string;
  stateTitle: string;
  errorCode?: string;
  message?: string;
}

export interface CoverageAccountView {
  accountId: string;
  gaps: CoverageGapView[];
}

export interface CoverageView {
  complete: boolean;
  gapCount: number;
  accounts: CoverageAccountView[];
  notAssessedControls: { id: string; href: string }[];
}

/** Groups coverage gaps by account, in account id order, each account's gaps by Region and operation. */
export function viewCoverage(gaps: readonly CoverageEntry[], notAssessedControls: { id: string; href: string }[]): CoverageView {
  const accountIds = [...new Set(gaps.map((gap) => gap.accountId))].sort();

  return {
    complete: gaps.length === 0,
    gapCount: gaps.length,
    accounts: accountIds.map((accountId) => ({
      accountId,
      gaps: gaps
        .filter((gap) => gap.accountId === accountId)
        .sort((a, b) => a.region.localeCompare(b.region) || a.operation.localeCompare(b.operation))
        .map(viewGap),
    })),
    notAssessedControls,
  };
}

function viewGap(gap: CoverageEntry): CoverageGapView {
  return {
    region: gap.region,
    service: gap.service,
    operation: gap.operation,
    param: gap.param,
    state: gap.state,
    stateTitle: COVERAGE_STATE_TITLES[gap.state] ?? gap.state,
    errorCode: gap.errorCode,
    message: gap.message,
  };
}
