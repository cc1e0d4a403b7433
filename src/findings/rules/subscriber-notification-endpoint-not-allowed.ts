import type { Rule } from "../rule.js";
import { checkEachSubscriber, subscriberSubject } from "./lake-helpers.js";

/**
 * Subscriber notification endpoints that are not HTTPS, or whose host is not one of the
 * baseline's allowedNotificationDomains (or a subdomain of one). Security Lake's own SQS
 * endpoints are not judged. Without an allowed list, only the HTTPS part is checked.
 */
export const notificationEndpointNotAllowed: Rule = {
  id: "subscriber-notification-endpoint-not-allowed",
  check(context) {
    const domains = context.baseline?.allowedNotificationDomains?.map((domain) => domain.toLowerCase());
    let domainsUnchecked = false;

    const result = checkEachSubscriber(context, (subscriber) => {
      const endpoint = subscriber.item.subscriberEndpoint;
      if (!endpoint || !/^https?:\/\//i.test(endpoint)) return undefined;

      const host = hostOf(endpoint);
      let reason: string | undefined;
      if (!/^https:/i.test(endpoint)) reason = "is not HTTPS";
      else if (isSqsHost(host)) return undefined;
      else if (!domains) domainsUnchecked = true;
      else if (!domains.some((domain) => host === domain || host.endsWith(`.${domain}`))) reason = `is on ${host}, not an allowed domain`;
      if (!reason) return undefined;

      return {
        subject: subscriberSubject(subscriber),
        summary: `The notification endpoint of subscriber ${subscriber.item.subscriberName} ${reason}.`,
        evidence: [{ kind: "fact", text: "Notification endpoint", value: endpoint }],
      };
    });

    const gap = domainsUnchecked ? ["the baseline lists no allowedNotificationDomains, so HTTPS endpoint domains were not judged"] : [];
    return { ...result, gaps: [...result.gaps, ...gap] };
  },
};

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).hostname.toLowerCase();
  } catch {
    return "";
  }
}

function isSqsHost(host: string): boolean {
  return /^sqs\.[a-z0-9-]+\.amazonaws\.com$/.test(host);
}
