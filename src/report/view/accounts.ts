/**
 * Account names for people. Identity Center and Organizations create roles with the same name
 * in every account, so a principal's label alone does not tell them apart: the report names
 * the account beside it, by the organization's name for it or else by its id.
 */

/** Account names by account id, as the audit result carries them. */
export type AccountNames = Readonly<Record<string, string>>;

/** Returns the organization's name for an account, else its id; `undefined` without an account. */
export function accountLabel(accountId: string | undefined, names: AccountNames): string | undefined {
  if (accountId === undefined) {
    return undefined;
  }
  return names[accountId] ?? accountId;
}

/**
 * Returns `label (account)`, or the label alone when it already names the account (an account
 * root labelled with the account's name or id) or when there is no account.
 */
export function labelWithAccount(label: string, accountId: string | undefined, names: AccountNames): string {
  const account = accountLabel(accountId, names);
  if (account === undefined || account === label || accountId === label) {
    return label;
  }
  return `${label} (${account})`;
}
