import { isAccountId, parseArn } from "../../shared/arn.js";
import { BoundedMemo } from "../../shared/bounded-memo.js";
import type { RequestPrincipal } from "../types.js";

/**
 * The Principal and NotPrincipal elements. Values are matched literally (IAM allows no
 * wildcards there except `*`). How a value matched matters to the decision: an account (its id
 * or root ARN) only delegates to that account's own policies, while a user, role or session ARN
 * names the caller directly.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */

/** The way a statement's principal matched the caller, from weakest to strongest. */
export type PrincipalMatch = "account" | "wildcard" | "role" | "exact";

/** A compiled Principal element. */
export interface PrincipalSpec {
  /** `"*"` or `{"AWS": "*"}`: everyone, anonymous callers included. */
  readonly everyone: boolean;
  readonly accounts: ReadonlySet<string>;
  /** User, role and session ARNs as written. */
  readonly arns: ReadonlySet<string>;
  /** Role ARNs reduced to `<account>/<role name>`, so a role's sessions match whatever its path. */
  readonly roles: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  readonly federated: ReadonlySet<string>;
  readonly canonicalUsers: ReadonlySet<string>;
}

/** Returns the `<account>/<name>` key of a role ARN, or undefined for other ARNs. */
export function roleKey(arnText: string): string | undefined {
  const arn = parseArn(arnText);
  if (!arn || arn.service !== "iam" || !arn.resource.startsWith("role/")) return undefined;
  const name = arn.resource.split("/").pop();
  return name ? `${arn.accountId}/${name}` : undefined;
}

const MAX_CACHED_SPECS = 50_000;
const specs = new BoundedMemo<string, PrincipalSpec>(MAX_CACHED_SPECS);

/**
 * Builds a principal spec from the element's values, grouped by kind. Specs are read-only once
 * built, so equal elements (thousands of trust policies name the same service or account)
 * share one spec.
 */
export function buildPrincipalSpec(values: { kind: string; value: string }[]): PrincipalSpec {
  const key = values.map(({ kind, value }) => `${kind}\u0000${value}`).join("\u0001");
  return specs.get(key, () => newPrincipalSpec(values));
}

function newPrincipalSpec(values: { kind: string; value: string }[]): PrincipalSpec {
  const spec = {
    everyone: false,
    accounts: new Set<string>(),
    arns: new Set<string>(),
    roles: new Set<string>(),
    services: new Set<string>(),
    federated: new Set<string>(),
    canonicalUsers: new Set<string>(),
  };
  for (const { kind, value } of values) addValue(spec, kind, value);
  return spec;
}

function addValue(spec: { everyone: boolean } & { [K in keyof PrincipalSpec]: PrincipalSpec[K] extends ReadonlySet<string> ? Set<string> : unknown }, kind: string, value: string): void {
  if (kind === "*" || (kind === "AWS" && value === "*")) {
    spec.everyone = true;
    return;
  }
  if (kind === "Service") {
    spec.services.add(value.toLowerCase());
    return;
  }
  if (kind === "Federated") {
    spec.federated.add(value);
    return;
  }
  if (kind === "CanonicalUser") {
    // NOTE: requests carry no canonical user id, so CanonicalUser principals never match.
    spec.canonicalUsers.add(value);
    return;
  }
  if (isAccountId(value)) {
    spec.accounts.add(value);
    return;
  }
  const arn = parseArn(value);
  if (arn && arn.service === "iam" && arn.resource === "root") {
    spec.accounts.add(arn.accountId);
    return;
  }
  const role = roleKey(value);
  if (role) spec.roles.add(role);
  spec.arns.add(value);
}

const callerRoleKeys = new WeakMap<RequestPrincipal, string | null>();

/** Returns the role key of a session's role, computed once per principal object. */
function callerRoleKey(principal: RequestPrincipal): string | undefined {
  let key = callerRoleKeys.get(principal);
  if (key === undefined) {
    key = principal.roleArn ? (roleKey(principal.roleArn) ?? null) : null;
    callerRoleKeys.set(principal, key);
  }
  return key ?? undefined;
}

/**
 * Matches the spec against the caller; undefined when it does not match. `*` is checked first,
 * because a grant to everyone reaches the caller directly and no narrower value in the same
 * element can weaken it.
 */
export function matchPrincipal(spec: PrincipalSpec, principal: RequestPrincipal): PrincipalMatch | undefined {
  if (spec.everyone) return "wildcard";
  switch (principal.kind) {
    case "service":
      return spec.services.has(principal.arn.toLowerCase()) ? "exact" : undefined;
    case "anonymous":
      return undefined;
    case "federated":
      if (spec.federated.has(principal.arn) || spec.arns.has(principal.arn)) return "exact";
      break;
    default:
      if (spec.arns.has(principal.arn)) return "exact";
      if (spec.roles.size > 0) {
        const role = callerRoleKey(principal);
        if (role && spec.roles.has(role)) return "role";
      }
  }
  if (principal.accountId && spec.accounts.has(principal.accountId)) {
    return principal.kind === "root" ? "exact" : "account";
  }
  return undefined;
}
