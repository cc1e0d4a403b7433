import { statementEvidence } from "../evidence.js";
import type { LakeIndex } from "../lake-index.js";
import { accessGaps, accountOf } from "../lake-index.js";
import { isConfined, statementsOf, type PolicyStatement } from "../policy-statements.js";
import type { FindingDraft, Rule } from "../rule.js";

/**
 * Roles holding a lake capability whose trust policy lets too many callers assume them. Three
 * cases count. A wildcard principal without a condition that confines it. A federated (SAML or
 * OIDC) provider without any condition. The root of an account outside the organization without
 * any condition, which hands the choice of caller to that account's administrators.
 */
export const roleTrustTooBroad: Rule = {
  id: "access-role-trust-too-broad",
  check(context) {
    const holders = new Map<string, Set<string>>();
    for (const grant of context.grants) {
      // Roles of accounts outside the audit are judged by access-external-account instead.
      const accountId = grant.principal.accountId ?? accountOf(grant.principal.id);
      if (grant.principal.kind !== "role" || !accountId || !context.index.accounts.has(accountId)) continue;
      holders.set(grant.principal.id, (holders.get(grant.principal.id) ?? new Set()).add(grant.capability));
    }

    const findings: FindingDraft[] = [];
    const { gaps, assessed } = accessGaps(context.index);
    let unread = 0;
    for (const [roleArn, capabilities] of holders) {
      const role = context.index.roles.get(roleArn);
      if (!role) {
        gaps.push(`trust policy of ${roleArn} not in the snapshot`);
        unread += 1;
        continue;
      }
      const broad = statementsOf(role.item.trustPolicy).filter((statement) => trustReason(statement, context.index) !== undefined);
      if (broad.length > 0) findings.push(trustFinding(roleArn, role.item.name, role.accountId, [...capabilities].sort(), broad, context.index));
    }
    return { findings, gaps, assessed: assessed && (holders.size === 0 || unread < holders.size) };
  },
};

function trustReason(statement: PolicyStatement, index: LakeIndex): string | undefined {
  if (statement.effect !== "Allow" || !statement.principal) return undefined;
  const principal = statement.principal;

  if ((principal.anyone || principal.aws.some((value) => value.includes("*"))) && !isConfined(statement)) {
    return "trusts any AWS principal without a condition on the caller's organization, account or ARN";
  }
  if (principal.federated.length > 0 && !statement.condition) {
    return `trusts ${principal.federated.join(", ")} without any condition on the token`;
  }
  const outside = principal.aws.filter((value) => value.endsWith(":root") || /^\d{12}$/.test(value)).filter((value) => {
    const accountId = accountOf(value);
    return accountId !== undefined && index.organizationAccounts !== undefined && !index.organizationAccounts.has(accountId);
  });
  if (outside.length > 0 && !statement.condition) {
    return `trusts the whole of external account ${outside.map((value) => accountOf(value)).join(", ")} without any condition`;
  }
  return undefined;
}

function trustFinding(
  roleArn: string,
  name: string,
  accountId: string,
  capabilities: string[],
  statements: PolicyStatement[],
  index: LakeIndex,
): FindingDraft {
  const reasons = statements.map((statement) => trustReason(statement, index)).join("; ");
  return {
    subject: { kind: "principal", id: roleArn, label: name, accountId },
    summary: `Role ${name} holds ${capabilities.join(", ")} and its trust policy ${reasons}.`,
    evidence: statements.map((statement) => statementEvidence("trust", roleArn, statement)),
  };
}
