import type { CredentialReportEntry, IamGroup } from "../../../model/snapshot.js";
import type { CompiledPolicy, Decision, RequestContext } from "../../types.js";
import type { Actor } from "../actors.js";
import type { PolicyCatalog } from "../catalog.js";
import type { Edge } from "../edge.js";
import type { LakeResource, LakeScope } from "../resources.js";
import type { TrustIndex } from "../trust-index.js";

/** A group of an account with its members' node ids. */
export interface GroupEntry {
  readonly group: IamGroup;
  readonly accountId: string;
  readonly members: readonly string[];
}

/** What edge builders read: the nodes, the snapshot's IAM by account, and a decision call. */
export interface GraphContext {
  readonly actors: ReadonlyMap<string, Actor>;
  readonly catalog: PolicyCatalog;
  readonly trust: TrustIndex;
  readonly scopes: readonly LakeScope[];
  readonly usersByAccount: ReadonlyMap<string, readonly Actor[]>;
  readonly rolesByAccount: ReadonlyMap<string, readonly Actor[]>;
  readonly groupsByArn: ReadonlyMap<string, GroupEntry>;
  readonly credentialReport: ReadonlyMap<string, CredentialReportEntry>;
  /** The policy an escalating principal writes for itself: everything on everything. */
  readonly writtenPolicy: CompiledPolicy;

  decide(actor: Actor, action: string, resource: LakeResource, values?: RequestContext["values"]): Decision;
  /** A role as a resource: its ARN with its trust policy as the resource policy. */
  roleResource(role: Actor): LakeResource;
  /** The canAssume edges out of an actor, built before any escalation edge. */
  assumeEdges(actorId: string): readonly Edge[];
  /** Whether an escalation edge from source to target could add anything to the source. */
  worthTargeting(source: Actor, target: Actor): boolean;
  /** True when the actor already holds administrator access in its account as a plain allow. */
  isAdministrator(actor: Actor): boolean;
  /** A group's inline policies, compiled once. */
  groupInline(group: IamGroup): readonly CompiledPolicy[];
  /** The groups of a user actor. */
  groupsOf(actor: Actor): readonly GroupEntry[];
  /** Registers (once) and returns a variant of an actor. */
  variant(base: Actor, name: string, added: readonly CompiledPolicy[], dropBoundary: boolean): Actor;
  /**
   * The node standing for "any role of `roleAccount` whose trust policy names the root of
   * `callerAccount` without conditions", with its edges to those roles; created on first use.
   */
  accountTrustHub(callerAccount: string, roleAccount: string, roles: readonly Actor[]): string;
  /** A trust policy naming the account root without conditions, for probing callers. */
  rootTrustProbe(accountId: string): CompiledPolicy;
  /** The actor of a service principal, created on first use. */
  service(name: string): Actor;
}

/** One way to become another principal or gain permissions, registered in ESCALATION_METHODS. */
export interface EscalationMethod {
  /** Method id, used as the edge kind (`passRole:lambda`, `attachRolePolicy`, ...). */
  readonly id: string;
  /** Actions one of which the caller needs before the method is worth trying. */
  readonly triggers: readonly string[];
  build(context: GraphContext, actor: Actor): Edge[];
}

/** An IAM ARN as a resource, without resource policy (IAM has none). */
export function iamResource(arn: string, accountId: string): LakeResource {
  return { arn, accountId };
}

/** `*` in the caller's account, for actions whose resource does not exist yet. */
export function anyResource(accountId: string): LakeResource {
  return { arn: "*", accountId };
}
