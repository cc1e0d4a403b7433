/**
 * Coverage gaps: the inputs the collection could not read, and the policies that could not be
 * fully evaluated. Each is a part of the organization that was not fully assessed, and the
 * report shows it as such instead of counting it as clean.
 */
import type { CoverageEntry } from "../../model/snapshot.js";
import { MALFORMED_POLICY_CODE } from "../../findings/policy-coverage.js";
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
  /** Gaps of inputs that were not read. */
  unreadCount: number;
  /** Gaps of policies evaluated without their broken parts. */
  malformedCount: number;
  accounts: CoverageAccountView[];
  notAssessedControls: { id: string; label: string; href: string }[];
}

/** Groups coverage gaps by account, in account id order, each account's gaps by Region and operation. */
export function viewCoverage(gaps: readonly CoverageEntry[], notAssessedControls: { id: string; label: string; href: string }[]): CoverageView {
  const accountIds = [...new Set(gaps.map((gap) => gap.accountId))].sort();

  return {
    complete: gaps.length === 0,
    gapCount: gaps.length,
    unreadCount: gaps.filter((gap) => !isMalformedPolicy(gap)).length,
    malformedCount: gaps.filter(isMalformedPolicy).length,
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

const MALFORMED_TITLE = "Not fully evaluated";

function isMalformedPolicy(gap: CoverageEntry): boolean {
  return gap.errorCode === MALFORMED_POLICY_CODE;
}

function viewGap(gap: CoverageEntry): CoverageGapView {
  return {
    region: gap.region,
    service: gap.service,
    operation: gap.operation,
    param: gap.param,
    state: gap.state,
    stateTitle: isMalformedPolicy(gap) ? MALFORMED_TITLE : (COVERAGE_STATE_TITLES[gap.state] ?? gap.state),
    errorCode: gap.errorCode,
    message: gap.message,
  };
}
