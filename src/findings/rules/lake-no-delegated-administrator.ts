import type { Rule } from "../rule.js";
import { notAssessed, outcome } from "../rule.js";

/**
 * No delegated administrator for Security Lake, or a data lake run from the management account.
 * SCPs never restrict the management account, and AWS does not let it be the delegated
 * administrator, so a lake administered there cannot be fenced off from its administrators.
 */
export const noDelegatedAdministrator: Rule = {
  id: "lake-no-delegated-administrator",
  check(context) {
    const organization = context.snapshot.organization;
    const delegated = context.index.delegatedAdministrator;
    if (!organization || delegated === undefined) return notAssessed("the organization's delegated administrators were not read");

    const managementLakes = context.index.dataLakes.filter((lake) => lake.accountId === organization.managementAccountId);
    if (delegated !== null && managementLakes.length === 0) return outcome([]);

    const where = managementLakes.map((lake) => lake.region);
    const summary =
      delegated === null
        ? `No delegated administrator is registered for Security Lake${where.length > 0 ? `, and the management account runs data lakes in ${where.join(", ")}` : ""}.`
        : `The management account runs data lakes in ${where.join(", ")} although account ${delegated} is the delegated administrator.`;

    return outcome([
      {
        subject: { kind: "organization", id: organization.id, label: "organization", accountId: organization.managementAccountId },
        summary,
        evidence: [
          { kind: "fact", text: "Delegated administrator for securitylake.amazonaws.com", value: delegated ?? "none" },
          { kind: "fact", text: "Management account", value: organization.managementAccountId },
          ...managementLakes.map((lake) => ({ kind: "fact" as const, text: "Data lake in the management account", value: lake.item.dataLakeArn })),
        ],
      },
    ]);
  },
};
