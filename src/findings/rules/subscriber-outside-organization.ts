import type { Rule } from "../rule.js";
import { notAssessed } from "../rule.js";
import { checkEachSubscriber, subscriberSubject } from "./lake-helpers.js";

/**
 * Subscribers whose account is outside the organization and neither an allowed external account
 * nor an approved subscriber in the baseline. Service-principal subscribers are not judged.
 */
export const subscriberOutsideOrganization: Rule = {
  id: "subscriber-outside-organization",
  check(context) {
    const members = context.index.organizationAccounts;
    if (!members) return notAssessed("the organization's accounts were not read");
    const allowed = new Set([
      ...(context.baseline?.allowedExternalAccounts ?? []).map((entry) => entry.accountId),
      ...(context.baseline?.approvedSubscribers ?? []).map((entry) => entry.accountId),
    ]);

    return checkEachSubscriber(context, (subscriber) => {
      const principal = subscriber.item.subscriberIdentity.principal;
      if (!/^\d{12}$/.test(principal) || members.has(principal) || allowed.has(principal)) return undefined;

      return {
        subject: subscriberSubject(subscriber),
        summary: `Subscriber ${subscriber.item.subscriberName} gives account ${principal}, outside the organization, access to the lake.`,
        evidence: [{ kind: "fact", text: "Subscriber account (not an organization member)", value: principal }],
      };
    });
  },
};
