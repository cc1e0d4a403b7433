/**
 * Security Lake subscribers with what they receive and whether the organization approved
 * them: a subscriber is a standing grant of lake data, so each one is listed.
 */
import type { SubscriberAccess } from "../../findings/audit-result.js";
import type { Finding } from "../../findings/finding.js";
import { accountLabel, type AccountNames } from "./accounts.js";
import { formatTime } from "./text.js";

export interface SubscriberView {
  name: string;
  id: string;
  arn: string;
  description?: string;
  accountId: string;
  /** The lake account's name from the organization, else its id. */
  lakeAccountLabel: string;
  region: string;
  principal: string;
  /** The subscriber account's name when the organization names it. */
  principalName?: string;
  insideOrganization: boolean;
  approval: "approved" | "not-approved" | "no-baseline";
  approvalTitle: string;
  accessTypes: string;
  sources: string[];
  roleArn?: string;
  endpoint?: string;
  resourceShare?: string;
  status?: string;
  created: string;
  updated: string;
  findings: { title: string; severity: string; href: string }[];
}

export interface SubscribersView {
  subscribers: SubscriberView[];
  total: number;
  notApproved: number;
  outsideOrganization: number;
  hasBaseline: boolean;
}

/** Security Lake's access types: S3 delivers objects, Lake Formation shares tables to query. */
const ACCESS_TYPE_TITLES: Readonly<Record<string, string>> = {
  S3: "Data access (S3)",
  LAKEFORMATION: "Query access (Lake Formation)",
};

const APPROVAL_TITLES = {
  approved: "Approved",
  "not-approved": "Not approved",
  "no-baseline": "No baseline given",
} as const;

/** Builds the subscribers view; findings about a subscriber are linked from its row. */
export function viewSubscribers(
  subscribers: readonly SubscriberAccess[],
  findings: readonly Finding[],
  accountNames: AccountNames,
  findingHref: (findingId: string) => string,
): SubscribersView {
  const views = subscribers.map((access) => viewSubscriber(access, findings, accountNames, findingHref));

  return {
    subscribers: views,
    total: views.length,
    notApproved: views.filter((view) => view.approval === "not-approved").length,
    outsideOrganization: views.filter((view) => !view.insideOrganization).length,
    hasBaseline: subscribers.every((access) => access.approved !== "no-baseline"),
  };
}

function viewSubscriber(access: SubscriberAccess, findings: readonly Finding[], accountNames: AccountNames, findingHref: (findingId: string) => string): SubscriberView {
  const subscriber = access.subscriber;
  const approval = approvalOf(access.approved);
  const about = findings.filter(
    (finding) => finding.subject.id === subscriber.subscriberId || finding.subject.id === subscriber.subscriberArn,
  );

  return {
    name: subscriber.subscriberName,
    id: subscriber.subscriberId,
    arn: subscriber.subscriberArn,
    description: subscriber.subscriberDescription,
    accountId: access.accountId,
    lakeAccountLabel: accountLabel(access.accountId, accountNames) ?? access.accountId,
    region: access.region,
    principal: subscriber.subscriberIdentity.principal,
    principalName: accountNames[subscriber.subscriberIdentity.principal],
    insideOrganization: access.insideOrganization,
    approval,
    approvalTitle: APPROVAL_TITLES[approval],
    accessTypes: subscriber.accessTypes.map((type) => ACCESS_TYPE_TITLES[type] ?? type).join(", "),
    sources: subscriber.sources.map(sourceName),
    roleArn: subscriber.roleArn,
    endpoint: subscriber.subscriberEndpoint,
    resourceShare: subscriber.resourceShareName ?? subscriber.resourceShareArn,
    status: subscriber.subscriberStatus,
    created: formatTime(subscriber.createdAt),
    updated: formatTime(subscriber.updatedAt),
    findings: about.map((finding) => ({
      title: finding.title,
      severity: finding.severity,
      href: findingHref(finding.id),
    })),
  };
}

function approvalOf(approved: SubscriberAccess["approved"]): SubscriberView["approval"] {
  if (approved === "no-baseline") {
    return "no-baseline";
  }
  return approved ? "approved" : "not-approved";
}

/** Names a log source as Security Lake does: `CLOUD_TRAIL_MGMT 2.0`, or a custom source's name. */
function sourceName(source: SubscriberAccess["subscriber"]["sources"][number]): string {
  const named = source.awsLogSource ?? source.customLogSource;
  if (named === undefined) {
    return "unknown source";
  }
  return named.sourceVersion === undefined ? named.sourceName : `${named.sourceName} ${named.sourceVersion}`;
}
