/**
 * Access to the lake as the report shows it: capability grants as rows of the principals
 * pages, and per-capability summaries for the index. Rows are paged by files, so a large
 * organization's tables stay quick to open.
 */
import type { CapabilityGrant } from "../../evaluator/access.js";
import type { SubscriberAccess } from "../../findings/audit-result.js";
import type { Finding } from "../../findings/finding.js";
import { accountLabel, labelWithAccount, type AccountNames } from "./accounts.js";
import { viewPath, type PathView } from "./evidence.js";
import { FINDINGS_PAGE, findingAnchor } from "./findings.js";
import { CAPABILITY_LABELS, capabilityLabel, capabilityOrder } from "./labels.js";
import { anchorId } from "./text.js";

/** Rows per principals page; a page of this size renders and opens without delay. */
export const PRINCIPAL_ROWS_PER_PAGE = 500;

/** Principals listed under each capability on the index; the rest are on the principals pages. */
export const PRINCIPALS_ON_INDEX = 8;

export interface GrantRowView {
  anchor: string;
  href: string;
  capability: string;
  capabilityTitle: string;
  principalId: string;
  principalName: string;
  kind: string;
  accountId?: string;
  /** The account's name from the organization, else its id. */
  accountLabel?: string;
  /** True when the account has a name, so the page shows the id beside it. */
  accountNamed: boolean;
  /** The account label shown after the principal's name; absent when the name already is the account. */
  inAccount?: string;
  /** An AWS service principal, which acts only through a role it may assume. */
  awsService: boolean;
  /** Outside the organization and not an AWS service. */
  outsideOrganization: boolean;
  conditional: boolean;
  direct: boolean;
  path: PathView;
  resources: string[];
  /** Findings whose subject is this principal, which mark access the baseline does not approve. */
  findings: { title: string; severity: string; href: string }[];
}

export interface CapabilitySectionView {
  capability: string;
  title: string;
  question: string;
  rows: GrantRowView[];
}

export interface PrincipalsPageView {
  number: number;
  file: string;
  sections: CapabilitySectionView[];
  firstRow: number;
  lastRow: number;
}

export interface CapabilitySummaryView {
  capability: string;
  title: string;
  question: string;
  total: number;
  conditional: number;
  outsideOrganization: number;
  awsServices: number;
  viaChain: number;
  principals: GrantRowView[];
  more: number;
  href: string;
}

export interface AccessView {
  summaries: CapabilitySummaryView[];
  pages: PrincipalsPageView[];
  totalRows: number;
}

/** Returns the file name of a principals page; numbering starts at 1. */
export function principalsPageFile(number: number): string {
  return `principals-${number}.html`;
}

/**
 * Builds the rows, pages and per-capability summaries from the graph's grants. Each row links
 * the `findings` (open and accepted) whose subject is its principal.
 */
export function viewAccess(
  grants: readonly CapabilityGrant[],
  names: ReadonlyMap<string, string>,
  findings: readonly Finding[] = [],
  accountNames: AccountNames = {},
): AccessView {
  const sorted = [...grants].sort(compareGrants);
  const bySubject = findingsBySubject(findings);
  const rows = sorted.map((grant, index) => viewGrantRow(grant, index, names, bySubject.get(grant.principal.id) ?? [], accountNames));
  const pages = pageRows(rows);

  return { summaries: summarise(rows), pages, totalRows: rows.length };
}

/**
 * Maps each principal id to the label the graph gave it with its account, for naming hops in
 * paths. A subscriber is named with the account of its subscriber identity, the one that uses it.
 */
export function principalNames(
  grants: readonly CapabilityGrant[],
  accountNames: AccountNames = {},
  subscribers: readonly SubscriberAccess[] = [],
): Map<string, string> {
  const subscriberAccounts = new Map(subscribers.map((access) => [access.subscriber.subscriberArn, access.subscriber.subscriberIdentity.principal]));
  const names = new Map<string, string>();
  for (const grant of grants) {
    const principal = grant.principal;
    const accountId = principal.kind === "subscriber" ? (subscriberAccounts.get(principal.id) ?? principal.accountId) : principal.accountId;
    names.set(principal.id, labelWithAccount(principal.label, accountId, accountNames));
  }
  return names;
}

function compareGrants(a: CapabilityGrant, b: CapabilityGrant): number {
  return (
    capabilityOrder(a.capability) - capabilityOrder(b.capability) ||
    a.capability.localeCompare(b.capability) ||
    Number(a.principal.inOrganization) - Number(b.principal.inOrganization) ||
    a.principal.label.localeCompare(b.principal.label) ||
    a.principal.id.localeCompare(b.principal.id)
  );
}

function findingsBySubject(findings: readonly Finding[]): Map<string, GrantRowView["findings"]> {
  const bySubject = new Map<string, GrantRowView["findings"]>();
  for (const finding of findings) {
    const links = bySubject.get(finding.subject.id) ?? [];
    links.push({ title: finding.title, severity: finding.severity, href: `${FINDINGS_PAGE}#${findingAnchor(finding.id)}` });
    bySubject.set(finding.subject.id, links);
  }
  return bySubject;
}

function viewGrantRow(
  grant: CapabilityGrant,
  index: number,
  names: ReadonlyMap<string, string>,
  findings: GrantRowView["findings"],
  accountNames: AccountNames,
): GrantRowView {
  const anchor = anchorId("g", `${grant.capability} ${grant.principal.id}`);
  const page = Math.floor(index / PRINCIPAL_ROWS_PER_PAGE) + 1;
  const path = viewPath(grant.path, names, grant.capability);

  return {
    anchor,
    href: `${principalsPageFile(page)}#${anchor}`,
    capability: grant.capability,
    capabilityTitle: capabilityLabel(grant.capability).title,
    principalId: grant.principal.id,
    principalName: grant.principal.label,
    kind: grant.principal.kind,
    accountId: grant.principal.accountId,
    accountLabel: accountLabel(grant.principal.accountId, accountNames),
    inAccount: redundantAccount(grant, accountNames) ? undefined : accountLabel(grant.principal.accountId, accountNames),
    accountNamed: grant.principal.accountId !== undefined && accountNames[grant.principal.accountId] !== undefined,
    awsService: grant.principal.kind === "service",
    outsideOrganization: !grant.principal.inOrganization && grant.principal.kind !== "service",
    conditional: grant.decision === "allowedIf" || path.conditional,
    direct: grant.path.length <= 1,
    path,
    resources: [...grant.resources],
    findings,
  };
}

/** True when the principal's label already names its account, as an account root's does. */
function redundantAccount(grant: CapabilityGrant, accountNames: AccountNames): boolean {
  const accountId = grant.principal.accountId;
  return accountId === undefined || grant.principal.label === accountId || grant.principal.label === accountNames[accountId];
}

function pageRows(rows: readonly GrantRowView[]): PrincipalsPageView[] {
  const pages: PrincipalsPageView[] = [];
  for (let start = 0; start < rows.length || pages.length === 0; start += PRINCIPAL_ROWS_PER_PAGE) {
    const pageRowsSlice = rows.slice(start, start + PRINCIPAL_ROWS_PER_PAGE);
    const number = pages.length + 1;
    pages.push({
      number,
      file: principalsPageFile(number),
      sections: sectionsOf(pageRowsSlice),
      firstRow: pageRowsSlice.length === 0 ? 0 : start + 1,
      lastRow: start + pageRowsSlice.length,
    });
  }
  return pages;
}

/** Splits consecutive rows into one section per capability. */
function sectionsOf(rows: readonly GrantRowView[]): CapabilitySectionView[] {
  const sections: CapabilitySectionView[] = [];
  for (const row of rows) {
    let section = sections[sections.length - 1];
    if (section === undefined || section.capability !== row.capability) {
      const label = capabilityLabel(row.capability);
      section = { capability: row.capability, title: label.title, question: label.question, rows: [] };
      sections.push(section);
    }
    section.rows.push(row);
  }
  return sections;
}

/** Summaries for every core capability, held or not, then for any other capability held. */
function summarise(rows: readonly GrantRowView[]): CapabilitySummaryView[] {
  const core = CAPABILITY_LABELS.map((label) => label.id);
  const capabilities = [...new Set([...core, ...rows.map((row) => row.capability)])];

  return capabilities.map((capability) => {
    const held = rows.filter((row) => row.capability === capability);
    const label = capabilityLabel(capability);
    return {
      capability,
      title: label.title,
      question: label.question,
      total: held.length,
      conditional: held.filter((row) => row.conditional).length,
      outsideOrganization: held.filter((row) => row.outsideOrganization).length,
      awsServices: held.filter((row) => row.awsService).length,
      viaChain: held.filter((row) => !row.direct).length,
      principals: held.slice(0, PRINCIPALS_ON_INDEX),
      more: Math.max(0, held.length - PRINCIPALS_ON_INDEX),
      href: held[0]?.href ?? principalsPageFile(1),
    };
  });
}
