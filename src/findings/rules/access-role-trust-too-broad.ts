import { APPROVABLE_CAPABILITIES } from "../baseline.js";
import { statementEvidence } from "../evidence.js";
import type { LakeIndex } from "../lake-index.js";
import { accessGaps, accountOf } from "../lake-index.js";
import { isConfined, statementsOf, type PolicyStatement } from "../policy-statements.js";
import type { FindingDraft, Rule } from "../rule.js";

/**
 * Roles holding a lake capability whose trust policy lets too many callers assume them. Three
 * cases count. A wildcard principal without a condition that confines it. A federated (SAML or
 * OIDC) provider without any condition. The root of another account without any condition,
 * which lets every principal of that account that may call sts:AssumeRole take the role. Trust
 * in the role's own account, and in the management account (which already controls every member
 * account through Organizations), is left to the access rules, which follow where it leads.
 */
export const roleTrustTooBroad: Rule = {
  id: "access-role-trust-too-broad",
  check(context) {
    const holders = new Map<string, Set<string>>();
    for (const grant of context.grants) {
      // Roles of accounts outside the audit are judged by access-external-account instead.
      const accountId = grant.principal.accountId ?? accountOf(grant.principal.id);
      if (grant.principal.kind !== "role" || !accountId || !context.index.accounts.has(accountId)) continue;
      if (!(APPROVABLE_CAPABILITIES as readonly string[]).includes(grant.capability)) continue;
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
      const broad = statementsOf(role.item.trustPolicy).filter((statement) => trustReason(statement, roleArn, context.index) !== undefined);
      if (broad.length > 0) findings.push(trustFinding(roleArn, role.item.name, role.accountId, [...capabilities].sort(), broad, context.index));
    }
    return { findings, gaps, assessed: assessed && (holders.size === 0 || unread < holders.size) };
  },
};

function trustReason(statement: PolicyStatement, roleArn: string, index: LakeIndex): string | undefined {
  if (statement.effect !== "Allow" || !statement.principal) return undefined;
  const principal = statement.principal;

  if ((principal.anyone || principal.aws.some((value) => value.includes("*"))) && !isConfined(statement)) {
    return "trusts any AWS principal without a condition on the caller's organization, account or ARN";
  }
  if (principal.federated.length > 0 && !statement.condition) {
    return `trusts ${principal.federated.join(", ")} without any condition on the token`;
  }
  const roleAccount = accountOf(roleArn);
  const accounts = principal.aws
    .filter((value) => value.endsWith(":root") || /^\d{12}$/.test(value))
    .map((value) => accountOf(value))
    .filter((accountId): accountId is string => accountId !== undefined && accountId !== roleAccount && accountId !== index.managementAccountId);
  if (accounts.length > 0 && !statement.condition) {
    return `trusts every principal of account ${accounts.join(", ")} without any condition`;
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
  const reasons = statements.map((statement) => trustReason(statement, roleArn, index)).join("; ");
  return {
    subject: { kind: "principal", id: roleArn, label: name, accountId },
    summary: `Role ${name} holds ${capabilities.join(", ")} and its trust policy ${reasons}.`,
    evidence: statements.map((statement) => statementEvidence("trust", roleArn, statement)),
  };
}
