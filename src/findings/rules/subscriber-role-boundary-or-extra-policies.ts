import type { Rule } from "../rule.js";
import { checkEachSubscriberRole, subscriberSubject } from "./lake-helpers.js";

/** The AWS managed boundary Security Lake puts on the roles it creates for S3 subscribers. */
export const SUBSCRIBER_BOUNDARY_NAME = "AmazonSecurityLakePermissionsBoundary";

/**
 * S3 subscriber roles without Security Lake's permissions boundary, or with policies beyond the
 * one inline policy Security Lake creates: an attached managed policy or a second inline one.
 */
export const subscriberRoleBoundaryOrExtraPolicies: Rule = {
  id: "subscriber-role-boundary-or-extra-policies",
  check(context) {
    return checkEachSubscriberRole(context, (subscriber, role) => {
      const boundary = role.item.permissionsBoundary;
      const problems: string[] = [];
      if (!boundary) problems.push("has no permissions boundary");
      else if (!/^arn:[^:]+:iam::aws:policy\/AmazonSecurityLakePermissionsBoundary$/.test(boundary)) {
        problems.push(`has boundary ${boundary} instead of ${SUBSCRIBER_BOUNDARY_NAME}`);
      }
      problems.push(...role.item.attachedPolicies.map((policy) => `has attached policy ${policy}`));
      if (role.item.inlinePolicies.length > 1) problems.push(`has ${role.item.inlinePolicies.length} inline policies`);
      if (problems.length === 0) return undefined;

      return {
        subject: subscriberSubject(subscriber),
        summary: `Subscriber role ${role.item.name} ${problems.join("; ")}.`,
        evidence: [
          { kind: "fact", text: "Permissions boundary", value: boundary ?? "none" },
          { kind: "fact", text: "Attached policies", value: role.item.attachedPolicies.join(", ") || "none" },
          { kind: "fact", text: "Inline policies", value: role.item.inlinePolicies.map((policy) => policy.name).join(", ") || "none" },
        ],
      };
    });
  },
};
