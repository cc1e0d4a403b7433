import { accountRootArn, parseArn } from "../../shared/arn.js";
import type { IamGroup, IamRole, IamUser, Snapshot, Subscriber } from "../../model/snapshot.js";
import type { PrincipalRef } from "../access.js";
import type { CompiledPolicy, PolicySet, RequestPrincipal } from "../types.js";
import type { PolicyCatalog } from "./catalog.js";

/**
 * Actors: the graph's principal nodes with what it takes to decide their requests (the
 * request principal and the policies that apply to it). Variants stand for a principal after
 * an escalation changed its policies (a policy added, its boundary removed).
 */
export interface Actor {
  /** Unique node id: the ARN, the service name, or the ARN plus a variant suffix. */
  readonly id: string;
  readonly ref: PrincipalRef;
  readonly principal: RequestPrincipal;
  readonly policies: PolicySet;
  /** False for nodes that never sign requests themselves, such as subscribers. */
  readonly evaluable: boolean;
  readonly user?: IamUser;
  readonly role?: IamRole;
  /** For subscriber nodes: the subscriber (absent for "a new subscriber") and its data lake. */
  readonly subscriber?: Subscriber;
  readonly lakeScopeId?: string;
  /** True for nodes that stand for a set of principals or a future one, never reported. */
  readonly placeholder?: boolean;
  /** True for an account-trust hub: the roles of one account that trust another account. */
  readonly trustHub?: boolean;
  /** For variants: the principal this node stands for, and what changed. */
  readonly base?: Actor;
  readonly variant?: string;
}

/** The session name used for role requests; AWS policies rarely key on it. */
export const PROBE_SESSION = "lakewarden";

/** Organization facts the actors need: membership, management account, org paths. */
export interface OrganizationView {
  readonly orgId?: string;
  readonly managementAccountId?: string;
  readonly members: ReadonlySet<string>;
  readonly orgPaths: ReadonlyMap<string, string>;
}

export function organizationView(snapshot: Snapshot): OrganizationView {
  const members = new Set<string>(snapshot.accounts.map((account) => account.accountId));
  const orgPaths = new Map<string, string>();
  const organization = snapshot.organization;
  if (!organization) return { managementAccountId: snapshot.managementAccountId, members, orgPaths };

  const parentOf = new Map(organization.organizationalUnits.map((unit) => [unit.id, unit.parentId] as const));
  for (const account of organization.accounts) {
    members.add(account.id);
    const chain: string[] = [];
    let current = account.parentId;
    while (current !== undefined && chain.length < 10) {
      chain.unshift(current);
      current = parentOf.get(current);
    }
    if (chain.length > 0) orgPaths.set(account.id, `${organization.id}/${chain.join("/")}/`);
  }
  return { orgId: organization.id, managementAccountId: organization.managementAccountId, members, orgPaths };
}

/** Builds request principals and policy sets for IAM users, roles and account roots. */
export class ActorFactory {
  constructor(
    private readonly catalog: PolicyCatalog,
    private readonly organization: OrganizationView,
    private readonly allowAll: CompiledPolicy,
  ) {}

  user(user: IamUser, accountId: string, groups: readonly IamGroup[]): Actor {
    const identity = [...this.managed(user.attachedPolicies), ...this.inline(user.arn, user.inlinePolicies)];
    for (const group of groups) identity.push(...this.managed(group.attachedPolicies), ...this.groupInline(group));
    const principal: RequestPrincipal = {
      kind: "user",
      arn: user.arn,
      accountId,
      userName: user.name,
      userId: user.id,
      tags: user.tags,
      ...this.orgFields(accountId),
    };
    return {
      id: user.arn,
      ref: { id: user.arn, kind: "user", label: user.name, accountId, inOrganization: true },
      principal,
      policies: this.policySet(accountId, identity, user.permissionsBoundary, false),
      evaluable: true,
      user,
    };
  }

  role(role: IamRole, accountId: string): Actor {
    const identity = [...this.managed(role.attachedPolicies), ...this.inline(role.arn, role.inlinePolicies)];
    const partition = parseArn(role.arn)?.partition ?? "aws";
    const principal: RequestPrincipal = {
      kind: "role-session",
      arn: `arn:${partition}:sts::${accountId}:assumed-role/${role.name}/${PROBE_SESSION}`,
      accountId,
      roleArn: role.arn,
      userId: `${role.id}:${PROBE_SESSION}`,
      tags: role.tags,
      ...this.orgFields(accountId),
    };
    const serviceLinked = role.path.startsWith("/aws-service-role/");
    return {
      id: role.arn,
      ref: { id: role.arn, kind: "role", label: role.name, accountId, inOrganization: true },
      principal,
      policies: this.policySet(accountId, identity, role.permissionsBoundary, serviceLinked),
      evaluable: true,
      role,
    };
  }

  /** An account root: the root user holds every permission of its account, within SCPs. */
  accountRoot(accountId: string, label: string | undefined): Actor {
    const arn = accountRootArn(accountId);
    const inOrganization = this.organization.members.has(accountId);
    return {
      id: arn,
      ref: { id: arn, kind: inOrganization ? "account" : "external-account", label: label ?? accountId, accountId, inOrganization },
      principal: { kind: "root", arn, accountId, ...this.orgFields(accountId) },
      policies: this.policySet(accountId, [this.allowAll], undefined, false),
      evaluable: true,
    };
  }

  /** A variant of an actor with extra identity policies and, optionally, no boundary. */
  variant(base: Actor, name: string, added: readonly CompiledPolicy[], dropBoundary: boolean): Actor {
    const policies: PolicySet = {
      ...base.policies,
      identity: [...base.policies.identity, ...added],
      boundary: dropBoundary ? undefined : base.policies.boundary,
    };
    return { ...base, id: `${base.id}#${name}`, policies, base, variant: name };
  }

  private policySet(accountId: string, identity: CompiledPolicy[], boundaryArn: string | undefined, serviceLinked: boolean): PolicySet {
    const inManagement = accountId === this.organization.managementAccountId;
    return {
      identity,
      boundary: boundaryArn ? this.catalog.boundary(boundaryArn) : undefined,
      scpLevels: this.organization.members.has(accountId) ? this.catalog.scpLevels(accountId) : undefined,
      principalInManagementAccount: inManagement,
      serviceLinkedRole: serviceLinked,
    };
  }

  private managed(arns: readonly string[]): CompiledPolicy[] {
    const result: CompiledPolicy[] = [];
    for (const arn of arns) {
      const compiled = this.catalog.managedPolicy(arn);
      // NOTE: an attached policy missing from the snapshot grants nothing here; the importer
      // records it as a coverage gap.
      if (compiled) result.push(compiled);
    }
    return result;
  }

  private readonly groupPolicies = new Map<string, CompiledPolicy[]>();

  /** A group's inline policies, compiled once and shared by its members. */
  groupInline(group: IamGroup): CompiledPolicy[] {
    let compiled = this.groupPolicies.get(group.arn);
    if (!compiled) {
      compiled = this.inline(group.arn, group.inlinePolicies);
      this.groupPolicies.set(group.arn, compiled);
    }
    return compiled;
  }

  private inline(ownerArn: string, policies: IamUser["inlinePolicies"]): CompiledPolicy[] {
    return policies.map((policy) => this.catalog.compile(policy.document, { type: "identity", id: `${ownerArn}#${policy.name}`, name: policy.name }));
  }

  private orgFields(accountId: string): Pick<RequestPrincipal, "orgId" | "orgPaths"> {
    if (!this.organization.orgId || !this.organization.members.has(accountId)) return {};
    const path = this.organization.orgPaths.get(accountId);
    return { orgId: this.organization.orgId, orgPaths: path ? [path] : undefined };
  }
}

/** An actor for an AWS service principal (`lambda.amazonaws.com`). */
export function serviceActor(service: string): Actor {
  return {
    id: service,
    ref: { id: service, kind: "service", label: service, inOrganization: false },
    principal: { kind: "service", arn: service },
    policies: { identity: [] },
    evaluable: true,
  };
}

/** The anonymous caller, which only resource policies open to `*` let in. */
export function anonymousActor(): Actor {
  return {
    id: "*",
    ref: { id: "*", kind: "anonymous", label: "anonymous", inOrganization: false },
    principal: { kind: "anonymous", arn: "*" },
    policies: { identity: [] },
    evaluable: true,
  };
}

/** An account id standing for "some AWS account nobody named"; no real account uses it here. */
export const ANY_ACCOUNT_ID = "999999999999";

/**
 * Any AWS account outside the organization: what a trust or resource policy open to
 * `"AWS": "*"` lets in. Its root holds every permission of its own account.
 */
export function anyAccountActor(allowAll: CompiledPolicy): Actor {
  const arn = accountRootArn(ANY_ACCOUNT_ID);
  return {
    id: "any-aws-account",
    ref: { id: "any-aws-account", kind: "external-account", label: "any AWS account", inOrganization: false },
    principal: { kind: "root", arn, accountId: ANY_ACCOUNT_ID },
    policies: { identity: [allowAll] },
    evaluable: true,
  };
}
