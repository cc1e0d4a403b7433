import { accountOf } from "../lake-index.js";
import type { Rule } from "../rule.js";
import { checkEachSubscriber, subscriberSubject } from "./lake-helpers.js";

/**
 * Query-access (Lake Formation) subscribers whose RAM resource share reaches principals other
 * than the subscriber's account: another account, an OU or the whole organization.
 */
export const lfShareBeyondSubscriber: Rule = {
  id: "subscriber-lf-share-beyond-subscriber",
  check(context) {
    return checkEachSubscriber(context, (subscriber) => {
      if (!subscriber.item.accessTypes.includes("LAKEFORMATION")) return undefined;
      const shareArn = subscriber.item.resourceShareArn;
      if (!shareArn) return { gap: `subscriber ${subscriber.item.subscriberId} names no resource share` };

      const principals = context.index.resourceShares.get(shareArn)?.item.principals;
      if (principals === undefined) return { gap: `principals of resource share ${shareArn} not read` };

      const expected = subscriber.item.subscriberIdentity.principal;
      const others = principals.filter((principal) => accountOf(principal) !== expected);
      if (others.length === 0) return undefined;

      return {
        subject: subscriberSubject(subscriber),
        summary: `The resource share of subscriber ${subscriber.item.subscriberName} also reaches ${others.join(", ")}.`,
        evidence: [
          { kind: "fact", text: "Resource share", value: shareArn },
          { kind: "fact", text: "Principals beyond the subscriber", value: others.join(", ") },
        ],
      };
    });
  },
};
