import type { Rule } from "../rule.js";
import { needsBaseline } from "../rule.js";
import { checkEachSubscriber, sourceNames, subscriberSubject } from "./lake-helpers.js";

/**
 * Approved subscribers that receive sources, or use access types, beyond what their baseline
 * entry approves. Unapproved subscribers are left to subscriber-account-not-approved.
 */
export const subscriberExceedsApproval: Rule = {
  id: "subscriber-exceeds-approval",
  check(context) {
    const approvals = context.baseline?.approvedSubscribers;
    if (!approvals) return needsBaseline("the baseline lists no approvedSubscribers");

    return checkEachSubscriber(context, (subscriber) => {
      const approval = approvals.find((entry) => entry.accountId === subscriber.item.subscriberIdentity.principal);
      if (!approval) return undefined;

      const extraSources = approval.sources ? sourceNames(subscriber.item).filter((name) => !approval.sources?.includes(name)) : [];
      const extraTypes = approval.accessTypes ? subscriber.item.accessTypes.filter((type) => !approval.accessTypes?.includes(type as "S3")) : [];
      if (extraSources.length === 0 && extraTypes.length === 0) return undefined;

      const parts = [
        ...(extraSources.length > 0 ? [`sources ${extraSources.join(", ")}`] : []),
        ...(extraTypes.length > 0 ? [`access types ${extraTypes.join(", ")}`] : []),
      ];
      return {
        subject: subscriberSubject(subscriber),
        summary: `Subscriber ${subscriber.item.subscriberName} receives ${parts.join(" and ")} beyond its approval.`,
        evidence: [
          ...(extraSources.length > 0 ? [{ kind: "fact" as const, text: "Sources not approved", value: extraSources.join(", ") }] : []),
          ...(extraTypes.length > 0 ? [{ kind: "fact" as const, text: "Access types not approved", value: extraTypes.join(", ") }] : []),
        ],
      };
    });
  },
};
