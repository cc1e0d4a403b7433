import type { Subscriber } from "../../model/snapshot.js";
import { statementEvidence } from "../evidence.js";
import { accountOf } from "../lake-index.js";
import { conditionValues, statementsOf, type PolicyStatement } from "../policy-statements.js";
import type { Rule } from "../rule.js";
import { checkEachSubscriberRole, subscriberSubject } from "./lake-helpers.js";

/**
 * S3 subscriber roles whose trust policy lets in more than the subscriber: a principal outside
 * the subscriber's account, or a statement without `sts:ExternalId` equal to the subscriber's
 * external id (the confused-deputy guard Security Lake sets up).
 */
export const subscriberRoleTrustTooBroad: Rule = {
  id: "subscriber-role-trust-too-broad",
  check(context) {
    return checkEachSubscriberRole(context, (subscriber, role) => {
      const roleArn = role.item.arn;
      const problems = statementsOf(role.item.trustPolicy)
        .map((statement) => ({ statement, reason: trustProblem(statement, subscriber.item) }))
        .filter((entry): entry is { statement: PolicyStatement; reason: string } => entry.reason !== undefined);
      if (problems.length === 0) return undefined;

      return {
        subject: subscriberSubject(subscriber),
        summary: `The trust policy of subscriber role ${role.item.name} ${problems.map((entry) => entry.reason).join("; ")}.`,
        evidence: problems.map((entry) => statementEvidence("trust", roleArn, entry.statement)),
      };
    });
  },
};

function trustProblem(statement: PolicyStatement, subscriber: Subscriber): string | undefined {
  if (statement.effect !== "Allow" || !statement.principal) return undefined;
  const identity = subscriber.subscriberIdentity;
  const principal = statement.principal;

  const others = [
    ...(principal.anyone ? ["*"] : []),
    ...principal.aws.filter((value) => value !== "*" && accountOf(value) !== identity.principal),
    ...principal.service.filter((value) => value !== identity.principal),
    ...principal.federated,
  ];
  if (others.length > 0) return `trusts ${others.join(", ")}, beyond subscriber ${identity.principal}`;

  const externalIds = conditionValues(statement, "sts:ExternalId");
  if (!externalIds.includes(identity.externalId)) {
    return externalIds.length === 0 ? "does not require the subscriber's external id" : "requires an external id other than the subscriber's";
  }
  return undefined;
}
