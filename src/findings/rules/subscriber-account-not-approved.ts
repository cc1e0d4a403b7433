import type { Rule } from "../rule.js";
import { checkEachSubscriber, subscriberSubject } from "./lake-helpers.js";

/**
 * Subscribers whose identity (an account or a service principal) the baseline does not list
 * under approvedSubscribers. With no list, every subscriber is reported at low confidence.
 */
export const subscriberAccountNotApproved: Rule = {
  id: "subscriber-account-not-approved",
  check(context) {
    const approved = context.baseline?.approvedSubscribers;

    const result = checkEachSubscriber(context, (subscriber) => {
      const principal = subscriber.item.subscriberIdentity.principal;
      if (approved?.some((entry) => entry.accountId === principal)) return undefined;

      return {
        subject: subscriberSubject(subscriber),
        summary: approved
          ? `Subscriber ${subscriber.item.subscriberName} gives ${principal} access to the lake, and the baseline does not approve it.`
          : `Subscriber ${subscriber.item.subscriberName} gives ${principal} access to the lake; no baseline lists approved subscribers, so review it.`,
        evidence: [
          { kind: "fact", text: "Subscriber identity", value: principal },
          { kind: "fact", text: "Access types", value: subscriber.item.accessTypes.join(", ") },
        ],
        ...(approved ? {} : { confidence: "low" as const }),
      };
    });
    return { ...result, withoutBaseline: approved === undefined };
  },
};
