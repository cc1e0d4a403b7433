/**
 * Lakewarden's side of the comparison: for each lake resource, the principals from other
 * accounts that reach it, and whether they reach it themselves or through a role chain.
 */
import type { CapabilityGrant } from "../../evaluator/access.js";
import type { SubscriberAccess } from "../audit-result.js";
import { bucketOf, roleAccount, type LakeResource } from "./lake-resources.js";

/** One principal reaching one lake resource along its shortest path. */
export interface ResourceAccess {
  resource: string;
  principalId: string;
  principalLabel: string;
  /** The principal's account, `*` for any AWS account, or undefined when unknown. */
  originAccountId: string;
  /** The account of the principal that takes the hop onto the resource, which is the origin when direct. */
  callerAccountId: string | undefined;
  direct: boolean;
  /** The roles assumed before the resource, in order. */
  via: string[];
  conditional: boolean;
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Lists, per lake resource, the accesses of principals that are not AWS services. A subscriber
 * stands for its subscriber account, the one that uses the subscriber role.
 */
export function accessesByResource(
  grants: readonly CapabilityGrant[],
  resources: ReadonlyMap<string, LakeResource>,
  subscribers: readonly SubscriberAccess[],
): Map<string, ResourceAccess[]> {
  const subscriberAccounts = new Map(subscribers.map((access) => [access.subscriber.subscriberArn, access.subscriber.subscriberIdentity.principal]));
  const byResource = new Map<string, ResourceAccess[]>();
  const seen = new Set<string>();

  // NOTE: a grant keeps one shortest path per principal and capability, so a second route of
  // the same principal onto a resource (a direct grant beside a shorter role chain) is not seen.
  for (const grant of grants) {
    const origin = originAccount(grant, subscriberAccounts);
    if (origin === undefined) continue;

    const via: string[] = [];
    grant.path.forEach((step, index) => {
      const callerAccountId = index === 0 ? origin : roleAccount(step.from);
      const targets = step.edge === "capability" ? grant.resources.map((arn) => bucketOf(arn) ?? arn) : [step.to];
      for (const target of targets) {
        const key = `${target} ${grant.principal.id}`;
        if (!resources.has(target) || seen.has(key)) continue;
        seen.add(key);
        const access: ResourceAccess = {
          resource: target,
          principalId: grant.principal.id,
          principalLabel: grant.principal.label,
          originAccountId: origin,
          callerAccountId,
          direct: index === 0,
          via: [...via],
          conditional: grant.decision === "allowedIf",
        };
        byResource.set(target, [...(byResource.get(target) ?? []), access]);
      }
      if (step.edge === "canAssume") via.push(step.to);
    });
  }
  return byResource;
}

function originAccount(grant: CapabilityGrant, subscriberAccounts: ReadonlyMap<string, string>): string | undefined {
  const principal = grant.principal;
  if (principal.kind === "service") return undefined;
  if (principal.id === "any-aws-account" || principal.kind === "anonymous") return "*";
  if (principal.kind === "subscriber") {
    const account = subscriberAccounts.get(principal.id);
    return account !== undefined && ACCOUNT_ID.test(account) ? account : undefined;
  }
  return principal.accountId;
}
