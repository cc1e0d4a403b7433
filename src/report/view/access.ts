/**
 * Access to the lake as the report shows it: capability grants as rows of the principals
 * pages, and per-capability summaries for the index. Rows are paged by files, so a large
 * organization's tables stay quick to open, and a page's rows are built only when it is
 * rendered.
 */
import type { CapabilityGrant } from "../../evaluator/access.js";
import type { SubscriberAccess } from "../../findings/audit-result.js";
import type { Finding } from "../../findings/finding.js";
import { accountLabel, labelWithAccount, type AccountNames } from "./accounts.js";
import { viewChain, viewPath, type PathView } from "./evidence.js";
import { findingsBySubject, type SubjectFindings } from "./subject-findings.js";
import { CAPABILITY_LABELS, capabilityLabel, capabilityOrder } from "./labels.js";
import { anchorId } from "./text.js";
import { lakeResourceLabel } from "../../evaluator/graph/index.js";

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
  /** For a subscriber: the account or service that uses it, when that is not its own account. */
  usedBy?: string;
  /** An AWS service principal, which acts only through a role it may assume. */
  awsService: boolean;
  /** Outside the organization and not an AWS service. */
  outsideOrganization: boolean;
  conditional: boolean;
  direct: boolean;
  /** The path's nodes by name, joined with arrows in the report. */
  chain: string[];
  hopCount: number;
  /**
   * The path hop by hop, left out when `pathInFinding` links a finding whose evidence shows
   * this same path with its statements.
   */
  path?: PathView;
  pathInFinding?: string;
  resources: string[];
  /**
   * Findings whose subject is this principal and that concern this capability (or none in
   * particular), which mark access the baseline does not approve.
   */
  findings: { title: string; severity: string; href: string }[];
}

export interface CapabilitySectionView {
  capability: string;
  title: string;
  question: string;
  rows: GrantRowView[];
}

/** One principals page: its slice of the sorted grants, built into rows when rendered. */
export interface PrincipalsPage {
  number: number;
  file: string;
  /** Position of the page's first grant in the sorted list, counting from 0. */
  offset: number;
  grants: readonly CapabilityGrant[];
  firstRow: number;
  lastRow: number;
}

/** Inputs of a row besides its grant. */
export interface RowContext {
  names: ReadonlyMap<string, string>;
  accountNames: AccountNames;
  findings: ReadonlyMap<string, SubjectFindings>;
  /** Each subscriber's identity (an account id or a service principal), by subscriber ARN. */
  subscriberIdentities: ReadonlyMap<string, string>;
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
  pages: PrincipalsPage[];
  totalRows: number;
  rowContext: RowContext;
}

/** Returns the file name of a principals page; numbering starts at 1. */
export function principalsPageFile(number: number): string {
  return `principals-${number}.html`;
}

/**
 * Sorts the graph's grants into pages and builds the per-capability summaries. The rows, built
 * per page, link the findings (open and accepted) about their principal through `findingHref`.
 */
export function viewAccess(
  grants: readonly CapabilityGrant[],
  names: ReadonlyMap<string, string>,
  findings: readonly Finding[],
  accountNames: AccountNames,
  findingHref: (findingId: string) => string,
  subscribers: readonly SubscriberAccess[] = [],
): AccessView {
  const sorted = [...grants].sort(compareGrants);
  const rowContext: RowContext = { names, accountNames, findings: findingsBySubject(findings, findingHref), subscriberIdentities: subscriberIdentities(subscribers) };

  return { summaries: summarise(sorted, rowContext), pages: pageGrants(sorted), totalRows: sorted.length, rowContext };
}

/** Builds the rows of one principals page, split into one section per capability. */
export function viewPrincipalsPage(page: PrincipalsPage, context: RowContext): CapabilitySectionView[] {
  return sectionsOf(page.grants.map((grant, index) => viewGrantRow(grant, page.offset + index, context)));
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
  const subscriberAccounts = subscriberIdentities(subscribers);
  const names = new Map<string, string>();
  for (const grant of grants) {
    const principal = grant.principal;
    const accountId = principal.kind === "subscriber" ? (subscriberAccounts.get(principal.id) ?? principal.accountId) : principal.accountId;
    names.set(principal.id, labelWithAccount(principal.label, accountId, accountNames));
  }
  return names;
}

/** Maps each subscriber's ARN to its identity: the account id or service principal that uses it. */
function subscriberIdentities(subscribers: readonly SubscriberAccess[]): Map<string, string> {
  return new Map(subscribers.map((access) => [access.subscriber.subscriberArn, access.subscriber.subscriberIdentity.principal]));
}

/**
 * Returns the account or service that uses a subscriber. Paths name a subscriber by that
 * account, while the row's account is where the subscriber lives (the lake's account), so the
 * row shows both.
 */
function usedBy(grant: CapabilityGrant, context: RowContext): string | undefined {
  if (grant.principal.kind !== "subscriber") return undefined;
  const identity = context.subscriberIdentities.get(grant.principal.id);
  if (identity === undefined || identity === grant.principal.accountId) return undefined;
  return accountLabel(identity, context.accountNames) ?? identity;
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

function viewGrantRow(grant: CapabilityGrant, index: number, context: RowContext): GrantRowView {
  const anchor = anchorId("g", `${grant.capability} ${grant.principal.id}`);
  const page = Math.floor(index / PRINCIPAL_ROWS_PER_PAGE) + 1;
  const subject = context.findings.get(grant.principal.id);
  const pathInFinding = subject?.pathHref(grant.capability, grant.path);
  const accountNames = context.accountNames;

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
    usedBy: usedBy(grant, context),
    accountNamed: grant.principal.accountId !== undefined && accountNames[grant.principal.accountId] !== undefined,
    awsService: isAwsService(grant),
    outsideOrganization: isOutsideOrganization(grant),
    conditional: isConditional(grant),
    direct: isDirect(grant),
    chain: viewChain(grant.path, context.names),
    hopCount: grant.path.length,
    path: pathInFinding === undefined ? viewPath(grant.path, context.names, grant.capability) : undefined,
    pathInFinding,
    resources: grant.resources.map(lakeResourceLabel),
    findings: subject?.linksFor(grant.capability) ?? [],
  };
}

function isAwsService(grant: CapabilityGrant): boolean {
  return grant.principal.kind === "service";
}

function isOutsideOrganization(grant: CapabilityGrant): boolean {
  return !grant.principal.inOrganization && grant.principal.kind !== "service";
}

/** Conditional when the grant or any hop of its path depends on request context. */
function isConditional(grant: CapabilityGrant): boolean {
  return grant.decision === "allowedIf" || grant.path.some((step) => (step.conditions?.length ?? 0) > 0);
}

function isDirect(grant: CapabilityGrant): boolean {
  return grant.path.length <= 1;
}

/** True when the principal's label already names its account, as an account root's does. */
function redundantAccount(grant: CapabilityGrant, accountNames: AccountNames): boolean {
  const accountId = grant.principal.accountId;
  return accountId === undefined || grant.principal.label === accountId || grant.principal.label === accountNames[accountId];
}

function pageGrants(grants: readonly CapabilityGrant[]): PrincipalsPage[] {
  const pages: PrincipalsPage[] = [];
  for (let start = 0; start < grants.length || pages.length === 0; start += PRINCIPAL_ROWS_PER_PAGE) {
    const slice = grants.slice(start, start + PRINCIPAL_ROWS_PER_PAGE);
    const number = pages.length + 1;
    pages.push({
      number,
      file: principalsPageFile(number),
      offset: start,
      grants: slice,
      firstRow: slice.length === 0 ? 0 : start + 1,
      lastRow: start + slice.length,
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

/**
 * Summaries for every core capability, held or not, then for any other capability held.
 * Counts come from the grants; only the few holders the index lists become rows.
 */
function summarise(sorted: readonly CapabilityGrant[], context: RowContext): CapabilitySummaryView[] {
  const core = CAPABILITY_LABELS.map((label) => label.id);
  const capabilities = [...new Set([...core, ...sorted.map((grant) => grant.capability)])];
  const firstIndex = new Map<string, number>();
  sorted.forEach((grant, index) => {
    if (!firstIndex.has(grant.capability)) firstIndex.set(grant.capability, index);
  });

  return capabilities.map((capability) => {
    const start = firstIndex.get(capability) ?? 0;
    const capabilityGrants = sorted.filter((grant) => grant.capability === capability);
    const label = capabilityLabel(capability);
    const principals = capabilityGrants.slice(0, PRINCIPALS_ON_INDEX).map((grant, index) => viewGrantRow(grant, start + index, context));
    return {
      capability,
      title: label.title,
      question: label.question,
      total: capabilityGrants.length,
      conditional: capabilityGrants.filter(isConditional).length,
      outsideOrganization: capabilityGrants.filter(isOutsideOrganization).length,
      awsServices: capabilityGrants.filter(isAwsService).length,
      viaChain: capabilityGrants.filter((grant) => !isDirect(grant)).length,
      principals,
      more: Math.max(0, capabilityGrants.length - PRINCIPALS_ON_INDEX),
      href: principals[0]?.href ?? principalsPageFile(1),
    };
  });
}
