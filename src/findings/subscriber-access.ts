import type { Baseline } from "./baseline.js";
import type { SubscriberAccess } from "./audit-result.js";
import type { LakeIndex } from "./lake-index.js";

/**
 * Lists every subscriber with whether the baseline approves its account (`no-baseline` when
 * the baseline lists no subscribers) and whether the account is an organization member. A
 * service-principal subscriber counts as outside the organization.
 */
export function subscriberAccess(index: LakeIndex, baseline: Baseline | undefined): SubscriberAccess[] {
  const approvals = baseline?.approvedSubscribers;

  return index.subscribers.map(({ accountId, region, item }) => {
    const principal = item.subscriberIdentity.principal;
    return {
      subscriber: item,
      accountId,
      region,
      approved: approvals ? approvals.some((entry) => entry.accountId === principal) : "no-baseline",
      insideOrganization: index.organizationAccounts?.has(principal) ?? index.accounts.has(principal),
    };
  });
}
