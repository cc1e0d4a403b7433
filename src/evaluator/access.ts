import type { StatementRef, UnresolvedCondition } from "./types.js";

/**
 * What the access graph reports: which principals hold which capability over the security
 * data lake, and the path that gives it to them. The graph builds these; rules and reports
 * read them.
 */

/** Capability ids are defined in policies/capabilities.yaml (`lake.read`, `lake.blind`, ...). */
export type CapabilityId = string;

export type PrincipalNodeKind =
  | "user"
  | "role"
  | "group"
  | "account"
  | "external-account"
  | "service"
  | "subscriber"
  | "anonymous";

/** A node of the graph that can act: an IAM principal, an account, a service, a subscriber. */
export interface PrincipalRef {
  /** ARN for users and roles, account root ARN for accounts, service name for services. */
  id: string;
  kind: PrincipalNodeKind;
  /** A short name for people: the role or user name, the account name. */
  label: string;
  accountId?: string;
  /** False for accounts and principals outside the audited organization. */
  inOrganization: boolean;
}

/** One hop: `from` becomes, or acts through, `to`. */
export interface PathStep {
  from: string;
  to: string;
  /** `canAssume`, an escalation method id such as `passRole:lambda`, `lfAdmin`, or `capability`. */
  edge: string;
  /** One sentence for people, built from the edge and the nodes. */
  description: string;
  /** The statements that permit this hop. */
  statements: readonly StatementRef[];
  /** Conditions this hop needs when it is allowed only under unknown context. */
  conditions?: readonly UnresolvedCondition[];
  /** Facts outside the snapshot the hop needs, such as "an EC2 instance that uses profile X". */
  requires?: readonly string[];
}

/** A principal holding a capability, directly (one step) or through a chain of steps. */
export interface CapabilityGrant {
  capability: CapabilityId;
  principal: PrincipalRef;
  /** `allowedIf` when some hop or the final capability depends on context the snapshot lacks. */
  decision: "allowed" | "allowedIf";
  /** The shortest path; its last step is the `capability` edge to the lake resource. */
  path: readonly PathStep[];
  /** Lake resources the capability covers for this principal (bucket, key, data lake ARNs). */
  resources: readonly string[];
  /**
   * Other principals the holder can become that also reach the capability without coming back
   * through the holder, so removing the path shown would leave these routes open.
   */
  otherRoutes?: readonly string[];
}
