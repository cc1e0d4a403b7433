import { accountRootArn, isAccountId, parseArn } from "../../shared/arn.js";
import { isUndecodable, type PolicyDocument } from "../../model/snapshot.js";

/**
 * An index from the principals that trust policies name to the roles that name them, so that
 * assume edges come from a join (caller ARN, caller's account root, `*`) instead of testing
 * every pair of principals. Roles that trust an account root stay one entry per account.
 */
export class TrustIndex {
  private readonly byArn = new Map<string, string[]>();
  private readonly byService = new Map<string, string[]>();
  private readonly open: string[] = [];
  private readonly conditional = new Set<string>();
  private readonly accountsOnly = new Set<string>();

  /** Records the principals named by a role's trust policy. */
  add(roleArn: string, trustPolicy: PolicyDocument): void {
    if (hasCondition(trustPolicy)) this.conditional.add(roleArn);
    if (namesOnlyAccounts(trustPolicy)) this.accountsOnly.add(roleArn);
    for (const principal of namedPrincipals(trustPolicy, ["sts:assumerole"])) {
      if (principal.kind === "any") this.open.push(roleArn);
      else if (principal.kind === "service") this.addService(principal.value, roleArn);
      else if (principal.kind === "aws") push(this.byArn, principal.value, roleArn);
      // NOTE: federated principals (SAML and OIDC providers) are not graph nodes, so roles
      // assumed only through AssumeRoleWithSAML or AssumeRoleWithWebIdentity have no callers here.
    }
  }

  /**
   * Roles whose trust could let this caller in. `named` trust the caller's ARN or `*`;
   * `throughAccount` trust the caller's account root, which lets in only callers whose own
   * identity policies allow sts:AssumeRole, so callers without such a policy can skip them.
   * NOTE: ARNs are matched as written, so a trust naming the caller's role under another path
   * (which AWS matches by role name) is found only when the role also trusts the caller's
   * account and the caller may call sts:AssumeRole.
   */
  candidates(callerIds: readonly string[], accountId: string | undefined): { named: string[]; throughAccount: readonly string[] } {
    const named = new Set<string>(this.open);
    for (const id of callerIds) for (const role of this.byArn.get(id) ?? []) named.add(role);
    const throughAccount = accountId ? (this.byArn.get(accountRootArn(accountId)) ?? []) : [];
    return { named: [...named], throughAccount };
  }

  /**
   * True when every Allow statement of the role's trust policy names only account roots (or
   * services). Such a policy lets a user or role session in only by delegating to the caller's
   * own identity policies, so without an identity Allow for the role the caller cannot assume it.
   */
  trustsOnlyAccounts(roleArn: string): boolean {
    return this.accountsOnly.has(roleArn);
  }

  /** True when no statement of the role's trust policy has a condition. */
  isUnconditional(roleArn: string): boolean {
    return !this.conditional.has(roleArn);
  }

  /** Roles by service and then by the role's account, filled as trust policies are added. */
  private readonly byServiceAccount = new Map<string, Map<string, string[]>>();

  private addService(service: string, roleArn: string): void {
    push(this.byService, service, roleArn);
    const accountId = parseArn(roleArn)?.accountId;
    if (accountId === undefined) return;
    let byAccount = this.byServiceAccount.get(service);
    if (!byAccount) {
      byAccount = new Map();
      this.byServiceAccount.set(service, byAccount);
    }
    push(byAccount, accountId, roleArn);
  }

  /** Roles a service may assume (`lambda.amazonaws.com` and so on), optionally of one account. */
  rolesTrustingService(service: string, accountId?: string): readonly string[] {
    if (accountId === undefined) return this.byService.get(service) ?? [];
    return this.byServiceAccount.get(service)?.get(accountId) ?? [];
  }

  services(): string[] {
    return [...this.byService.keys()];
  }

  /** Every AWS principal key named (ARNs and account roots), for finding external accounts. */
  namedAwsPrincipals(): string[] {
    return [...this.byArn.keys()];
  }
}

/** A principal named in a policy's `Principal` element, normalized. */
export interface NamedPrincipal {
  kind: "aws" | "service" | "any" | "federated";
  /** Account ids become root ARNs; other values are kept as written. */
  value: string;
}

/**
 * The principals of the Allow statements of a resource or trust policy whose actions may
 * include one of `actions` (lower case, `*` patterns as written). Grammar errors are the
 * engine's to report, so malformed parts are skipped here.
 */
export function namedPrincipals(document: PolicyDocument, actions?: readonly string[]): NamedPrincipal[] {
  if (isUndecodable(document)) return [];
  const statements = toArray((document as Record<string, unknown>).Statement);
  const result: NamedPrincipal[] = [];
  for (const statement of statements) {
    if (!statement || typeof statement !== "object") continue;
    const record = statement as Record<string, unknown>;
    if (record.Effect !== "Allow") continue;
    if (actions && !actionsMayInclude(record.Action, actions)) continue;
    if (record.NotPrincipal !== undefined) result.push({ kind: "any", value: "*" });
    result.push(...principalsOf(record.Principal));
  }
  return result;
}

function principalsOf(element: unknown): NamedPrincipal[] {
  if (element === "*") return [{ kind: "any", value: "*" }];
  if (!element || typeof element !== "object") return [];

  const result: NamedPrincipal[] = [];
  const record = element as Record<string, unknown>;
  for (const value of toArray(record.AWS)) {
    if (typeof value !== "string") continue;
    if (value === "*") result.push({ kind: "any", value });
    else if (isAccountId(value)) result.push({ kind: "aws", value: accountRootArn(value) });
    else result.push({ kind: "aws", value });
  }
  for (const value of toArray(record.Service)) if (typeof value === "string") result.push({ kind: "service", value });
  for (const value of toArray(record.Federated)) if (typeof value === "string") result.push({ kind: "federated", value });
  return result;
}

function actionsMayInclude(element: unknown, wanted: readonly string[]): boolean {
  // A statement with NotAction is rare in trust policies; keep it as a candidate.
  if (element === undefined) return true;
  return toArray(element).some((action) => typeof action === "string" && wanted.some((candidate) => globMatch(action.toLowerCase(), candidate)));
}

/** `pattern` as written in the policy against a lower-case action name. */
function globMatch(pattern: string, action: string): boolean {
  if (pattern === action || pattern === "*") return true;
  if (!pattern.includes("*") && !pattern.includes("?")) return false;
  const expression = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return expression.test(action);
}

/**
 * Checks that the Allow statements of a policy (for any action) name at least one principal,
 * and only account roots and services. A user, role or session ARN, `*`, NotPrincipal or a
 * federated provider fails the check.
 */
function namesOnlyAccounts(document: PolicyDocument): boolean {
  const principals = namedPrincipals(document);
  if (principals.length === 0) return false;
  return principals.every((principal) => principal.kind === "service" || (principal.kind === "aws" && isAccountRoot(principal.value)));
}

/** True when some statement of the policy has a Condition element. */
function hasCondition(document: PolicyDocument): boolean {
  if (isUndecodable(document)) return false;
  return toArray((document as Record<string, unknown>).Statement).some((statement) => typeof statement === "object" && statement !== null && "Condition" in statement);
}

function isAccountRoot(value: string): boolean {
  const arn = parseArn(value);
  return arn !== undefined && arn.service === "iam" && arn.resource === "root";
}

/** The account id of a principal key, when it names an AWS account. */
export function accountOfPrincipal(value: string): string | undefined {
  if (isAccountId(value)) return value;
  const arn = parseArn(value);
  return arn?.accountId && isAccountId(arn.accountId) ? arn.accountId : undefined;
}

function toArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
