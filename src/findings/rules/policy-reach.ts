import type { PolicyDocument } from "../../model/snapshot.js";
import { accountOf } from "../lake-index.js";
import { isConfined, statementsOf, type PolicyStatement } from "../policy-statements.js";
import type { RuleContext } from "../rule.js";

/** An Allow statement of a resource policy that reaches beyond the approved accounts. */
export interface BroadStatement {
  statement: PolicyStatement;
  reason: string;
}

/**
 * Accounts a lake resource policy may name: the organization's accounts (or, when the
 * organization was not read, the audited accounts), allowed external accounts and approved
 * subscriber accounts.
 */
export function approvedAccounts(context: RuleContext): Set<string> {
  const accounts = new Set(context.index.organizationAccounts ?? context.index.accounts.keys());
  for (const entry of context.baseline?.allowedExternalAccounts ?? []) accounts.add(entry.accountId);
  for (const entry of context.baseline?.approvedSubscribers ?? []) accounts.add(entry.accountId);
  return accounts;
}

/**
 * Allow statements that grant to anyone without confining the caller by a condition
 * (organization, account, ARN or source), or that name an account outside `approved`.
 * Service principals are AWS's own and are not judged here.
 */
export function broadStatements(document: PolicyDocument, approved: ReadonlySet<string>): BroadStatement[] {
  const broad: BroadStatement[] = [];

  for (const statement of statementsOf(document)) {
    if (statement.effect !== "Allow") continue;
    if (statement.hasNotPrincipal) {
      broad.push({ statement, reason: "Allow with NotPrincipal grants to everyone not listed" });
      continue;
    }
    const principal = statement.principal;
    if (!principal) continue;

    if ((principal.anyone || principal.aws.some((value) => value.includes("*"))) && !isConfined(statement)) {
      broad.push({ statement, reason: "grants to any AWS principal without an organization, account or ARN condition" });
      continue;
    }
    const outside = principal.aws.map((value) => accountOf(value)).filter((accountId) => accountId !== undefined && !approved.has(accountId));
    if (outside.length > 0) broad.push({ statement, reason: `grants to account ${[...new Set(outside)].join(", ")}, outside the approved set` });
  }
  return broad;
}
