import type { Organization } from "../../model/snapshot.js";
import { statementEvidence } from "../evidence.js";
import { coverageGapsFor, describeGap } from "../lake-index.js";
import { coversAction, statementsOf, type PolicyStatement } from "../policy-statements.js";
import type { FindingDraft, Rule } from "../rule.js";
import { notAssessed, outcome } from "../rule.js";

/**
 * Actions an SCP should deny in the account that runs the lake. Only the management account can
 * call DeregisterDataLakeDelegatedAdministrator (Security Lake API Reference), and SCPs never
 * restrict it. The rule therefore checks the lake account's own exit from the organization
 * (`organizations:LeaveOrganization`), which also ends its delegation.
 */
export const PROTECTED_ACTIONS = [
  "securitylake:DeleteDataLake",
  "securitylake:DeleteAwsLogSource",
  "securitylake:DeleteDataLakeOrganizationConfiguration",
  "organizations:LeaveOrganization",
];

/** Lake accounts where no attached SCP denies deleting the lake, its sources or its delegation. */
export const noLakeScp: Rule = {
  id: "org-no-lake-scp",
  check(context) {
    const organization = context.snapshot.organization;
    if (!organization) return notAssessed("the organization (and its SCPs) was not read");
    const unread = coverageGapsFor(context.index, "organizations", ["ListPolicies", "DescribePolicy", "ListTargetsForPolicy", "ListParents", "ListAccountsForParent"]);
    if (unread.length > 0) return notAssessed(...unread.map(describeGap));

    const lakeAccounts = [...new Set(context.index.dataLakes.map((lake) => lake.accountId))];
    if (lakeAccounts.length === 0 && context.index.dataLakeUnread.length > 0) {
      return notAssessed(`no data lake found, and its state was not read in ${context.index.dataLakeUnread.join(", ")}`);
    }

    const findings = lakeAccounts
      .map((accountId) => checkAccount(organization, accountId))
      .filter((finding): finding is FindingDraft => finding !== undefined);
    return outcome(findings);
  },
};

function checkAccount(organization: Organization, accountId: string): FindingDraft | undefined {
  const subject = { kind: "account" as const, id: accountId, accountId };
  if (accountId === organization.managementAccountId) {
    return {
      subject,
      summary: `The data lake runs in the management account ${accountId}, which no SCP can restrict.`,
      evidence: [{ kind: "fact", text: "Management account", value: accountId }],
    };
  }

  const targets = new Set(ancestors(organization, accountId));
  const denies = organization.policies
    .filter((policy) => policy.type === "SERVICE_CONTROL_POLICY" && policy.targets.some((target) => targets.has(target.targetId)))
    .flatMap((policy) => statementsOf(policy.document).filter(protectsEveryone).map((statement) => ({ policy, statement })));

  const missing = PROTECTED_ACTIONS.filter((action) => !denies.some(({ statement }) => coversAction(statement, action)));
  if (missing.length === 0) return undefined;

  return {
    subject,
    summary: `No SCP applying to lake account ${accountId} denies ${missing.join(", ")}.`,
    evidence: [
      { kind: "fact", text: "Actions that no SCP applying to the account denies", value: missing.join(", ") },
      ...denies.map(({ policy, statement }) => statementEvidence("scp", policy.arn, statement)),
    ],
  };
}

/**
 * Whether a Deny statement applies to every caller but named exceptions. A condition counts only
 * when it exempts principals (a negated operator on a principal key, the usual break-glass
 * pattern); any other condition, such as one aimed at root users or at Regions, narrows the
 * deny to some requests and does not protect the lake from the rest.
 */
function protectsEveryone(statement: PolicyStatement): boolean {
  if (statement.effect !== "Deny") return false;

  for (const [operator, block] of Object.entries(statement.condition ?? {})) {
    if (!/Not/.test(operator)) return false;
    const keys = Object.keys(block ?? {}).map((key) => key.toLowerCase());
    if (!keys.every((key) => key.startsWith("aws:principal") || key === "aws:userid" || key === "aws:username")) return false;
  }
  return true;
}

/** Lists the account id, its OUs up the tree and the roots, which are every target whose SCPs apply to it. */
function ancestors(organization: Organization, accountId: string): string[] {
  const chain = [accountId];
  const parents = new Map(organization.organizationalUnits.map((unit) => [unit.id, unit.parentId]));
  let parent = organization.accounts.find((account) => account.id === accountId)?.parentId;

  while (parent && !chain.includes(parent)) {
    chain.push(parent);
    parent = parents.get(parent);
  }

  // NOTE: when the account's place in the OU tree was not read, SCPs attached to its OUs are missed.
  for (const root of organization.roots) if (!chain.includes(root.id)) chain.push(root.id);
  return chain;
}
