/**
 * Compares IAM Access Analyzer's external-access findings with Lakewarden's access paths on the
 * lake's buckets, keys and roles. Access Analyzer reads each resource policy on its own against
 * its zone of trust (the account or the organization); Lakewarden follows role chains, Lake
 * Formation and the organization's policies. Each difference names which of these explains it.
 */
import type { CapabilityGrant } from "../../evaluator/access.js";
import type { Snapshot } from "../../model/snapshot.js";
import type { SubscriberAccess } from "../audit-result.js";
import { analyzerFindings, analyzersOf, type AnalyzerFinding } from "./analyzer-data.js";
import { explainAgreement, explainOnlyAnalyzer, explainOnlyLakewarden } from "./explain.js";
import { lakeResources, lastSegment, type LakeResource } from "./lake-resources.js";
import { accessesByResource, type ResourceAccess } from "./lakewarden-access.js";
import type { AccessAnalyzerComparison, AnalyzerComparisonRow, AnalyzerSummary, ComparisonOutcome, ZoneOfTrust } from "./types.js";

/** The inputs of the comparison, all from one audit. */
export interface ComparisonInput {
  snapshot: Snapshot;
  grants: readonly CapabilityGrant[];
  subscribers: readonly SubscriberAccess[];
  /** Ids of principals that Lakewarden raised a finding about, so their in-organization access is compared too. */
  flaggedPrincipals: ReadonlySet<string>;
}

/** Builds the comparison, or a not-assessed result when the snapshot contains no external-access analyzer. */
export function compareWithAccessAnalyzer(input: ComparisonInput): AccessAnalyzerComparison {
  const analyzers = analyzersOf(input.snapshot);
  if (analyzers.length === 0) {
    return notAssessed("no Access Analyzer data: the snapshot holds no external-access analyzer");
  }

  const members = new Set((input.snapshot.organization?.accounts ?? []).map((account) => account.id));
  const resources = lakeResources(input.snapshot, input.grants);
  const accesses = accessesByResource(input.grants, resources, input.subscribers);
  const findings = analyzerFindings(input.snapshot);
  const rows: AnalyzerComparisonRow[] = [];
  const uncovered: string[] = [];

  for (const resource of resources.values()) {
    const analyzer = coveringAnalyzer(resource, analyzers, members);
    const onResource = findings.filter((finding) => finding.resource === resource.arn);
    if (analyzer === undefined) {
      if (onResource.length > 0 || (accesses.get(resource.arn) ?? []).length > 0) uncovered.push(resource.arn);
      continue;
    }
    const zone = zoneOf(analyzer, members);
    rows.push(...compareResource(resource, analyzer, zone, onResource, accesses.get(resource.arn) ?? [], input.flaggedPrincipals));
  }

  const lakeArns = new Set(resources.keys());
  return {
    status: "compared",
    analyzers,
    rows,
    counts: countOutcomes(rows),
    otherFindings: findings.filter((finding) => !lakeArns.has(finding.resource)).length,
    uncoveredResources: uncovered.sort(),
  };
}

function notAssessed(reason: string): AccessAnalyzerComparison {
  return { status: "not-assessed", reason, analyzers: [], rows: [], counts: countOutcomes([]), otherFindings: 0, uncoveredResources: [] };
}

/** Finds the analyzer covering a resource: an organization analyzer covers the members in its Region, an account analyzer its own account. */
function coveringAnalyzer(resource: LakeResource, analyzers: readonly AnalyzerSummary[], members: ReadonlySet<string>): AnalyzerSummary | undefined {
  const covers = (analyzer: AnalyzerSummary): boolean =>
    (resource.region === undefined || analyzer.region === resource.region) &&
    (analyzer.type === "ORGANIZATION" ? members.has(resource.accountId) : analyzer.accountId === resource.accountId);
  return analyzers.find((analyzer) => analyzer.type === "ORGANIZATION" && covers(analyzer)) ?? analyzers.find(covers);
}

function zoneOf(analyzer: AnalyzerSummary, members: ReadonlySet<string>): ZoneOfTrust {
  if (analyzer.type === "ORGANIZATION") {
    return { kind: "organization", contains: (accountId) => accountId !== undefined && members.has(accountId) };
  }
  return { kind: "account", contains: (accountId) => accountId === analyzer.accountId };
}

function compareResource(
  resource: LakeResource,
  analyzer: AnalyzerSummary,
  zone: ZoneOfTrust,
  findings: readonly AnalyzerFinding[],
  accesses: readonly ResourceAccess[],
  flagged: ReadonlySet<string>,
): AnalyzerComparisonRow[] {
  const crossAccount = accesses.filter((access) => access.originAccountId !== resource.accountId);
  const outside = groupByAccount(crossAccount.filter((access) => !zone.contains(access.originAccountId)));
  const insideFlagged = groupByAccount(crossAccount.filter((access) => zone.contains(access.originAccountId) && flagged.has(access.principalId)));
  const rows: AnalyzerComparisonRow[] = [];
  let matched = false;

  for (const [accountId, group] of outside) {
    const named = findings.filter((finding) => finding.principalAccounts.length === 0 || finding.principalAccounts.includes(accountId));
    const direct = group.filter((access) => !zone.contains(access.callerAccountId));
    if (named.length > 0 && direct.length > 0) {
      matched = true;
      rows.push(row("agree", resource, accountId, named, direct, explainAgreement(resource, accountId, named, direct)));
    } else {
      rows.push(row("only-lakewarden", resource, accountId, [], group, explainOnlyLakewarden(resource, accountId, group, zone, analyzer)));
    }
  }

  for (const [accountId, group] of insideFlagged) {
    rows.push(row("only-lakewarden", resource, accountId, [], group, explainOnlyLakewarden(resource, accountId, group, zone, analyzer)));
  }

  const unmatched = matched ? findings.filter((finding) => finding.principalAccounts.some((account) => !outside.has(account))) : findings;
  for (const finding of unmatched) {
    const accountId = finding.principalAccounts.find((account) => !outside.has(account));
    rows.push(row("only-access-analyzer", resource, accountId, [finding], [], explainOnlyAnalyzer(resource, finding, accesses, zone)));
  }
  return rows;
}

function row(
  outcome: ComparisonOutcome,
  resource: LakeResource,
  accountId: string | undefined,
  findings: readonly AnalyzerFinding[],
  accesses: readonly ResourceAccess[],
  explanation: string,
): AnalyzerComparisonRow {
  const first = accesses[0];
  return {
    outcome,
    resource: resource.arn,
    resourceType: resource.type,
    resourceAccountId: resource.accountId,
    ...(accountId === undefined ? {} : { principalAccountId: accountId }),
    findingIds: findings.map((finding) => finding.id),
    archived: findings.length > 0 && findings.every((finding) => finding.status === "ARCHIVED"),
    lakewardenPrincipals: [...new Set(accesses.map((access) => access.principalLabel))],
    ...(first === undefined ? {} : { path: [first.principalLabel, ...first.via.map(lastSegment), lastSegment(resource.arn)].join(" → ") }),
    explanation,
  };
}

function groupByAccount(accesses: readonly ResourceAccess[]): Map<string, ResourceAccess[]> {
  const groups = new Map<string, ResourceAccess[]>();
  for (const access of accesses) {
    groups.set(access.originAccountId, [...(groups.get(access.originAccountId) ?? []), access]);
  }
  return groups;
}

function countOutcomes(rows: readonly AnalyzerComparisonRow[]): Record<ComparisonOutcome, number> {
  return {
    agree: rows.filter((entry) => entry.outcome === "agree").length,
    "only-access-analyzer": rows.filter((entry) => entry.outcome === "only-access-analyzer").length,
    "only-lakewarden": rows.filter((entry) => entry.outcome === "only-lakewarden").length,
  };
}
