/**
 * The evaluator's public types. A request (principal, action, resource, context) is decided
 * against a set of compiled policies, as AWS's policy evaluation logic does, and the decision
 * keeps the statements that decided it.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

/** Which kind of policy a statement came from; it decides how the statement takes part. */
export type PolicyType =
  | "identity"
  | "boundary"
  | "session"
  | "scp"
  | "rcp"
  | "resource"
  | "trust"
  | "key";

/** Where a policy came from, for evidence. */
export interface PolicySource {
  type: PolicyType;
  /** Policy ARN, or `<owner ARN>#<inline policy name>`, or a resource ARN for resource policies. */
  id: string;
  name?: string;
}

/** A grammar problem in a policy, addressed by JSON path (`$.Statement[1].Condition`). */
export interface PolicyProblem {
  path: string;
  message: string;
}

/**
 * A policy parsed and compiled once. Evaluation reads only compiled forms, so many requests
 * against the same policy never parse it again.
 */
export interface CompiledPolicy {
  readonly source: PolicySource;
  /** Problems found while parsing; a policy with problems still evaluates what it can. */
  readonly problems: readonly PolicyProblem[];
  /** False when the document could not be read at all, so what it grants is unknown. */
  readonly usable: boolean;
  /**
   * Whether any statement of this effect could match the action and, when given, the resource
   * (a fast pre-filter: conditions, principals and policy variables are not checked).
   */
  mayMatchAction(action: string, effect: "Allow" | "Deny", resource?: string): boolean;
}

/** Kinds of caller, as AWS reports them in `aws:PrincipalType` and as they match principals. */
export type PrincipalKind = "user" | "role-session" | "root" | "service" | "anonymous" | "federated";

/** The caller of a request. Global condition keys (`aws:PrincipalArn`, ...) are derived from it. */
export interface RequestPrincipal {
  kind: PrincipalKind;
  /**
   * The ARN the request is signed as: a user ARN, an assumed-role session ARN, an account root
   * ARN; the service name (`s3.amazonaws.com`) for services; `*` for anonymous callers.
   */
  arn: string;
  accountId?: string;
  /** For role sessions: the role's ARN, which is `aws:PrincipalArn`. */
  roleArn?: string;
  /** For IAM users: the user name (`aws:username`). */
  userName?: string;
  /** `aws:userid`: the unique id of a user, or `<role id>:<session name>` for role sessions. */
  userId?: string;
  /** `aws:PrincipalTag/*`. */
  tags?: Readonly<Record<string, string>>;
  /** `aws:PrincipalOrgID` and `aws:PrincipalOrgPaths`, when the account is in an organization. */
  orgId?: string;
  orgPaths?: readonly string[];
}

/**
 * Request context. Keys are matched case-insensitively. A key missing from `values` is absent
 * from the request, unless `unknownKeys` names it (or is `"missing"`, which makes every missing
 * key unknown): then conditions on it are unresolved and an Allow that depends on them yields
 * `allowedIf`.
 */
export interface RequestContext {
  values?: Readonly<Record<string, string | readonly string[]>>;
  unknownKeys?: "missing" | ReadonlySet<string>;
}

export interface EvaluationRequest {
  principal: RequestPrincipal;
  action: string;
  /** The resource ARN, or `*` for actions without a resource. */
  resource: string;
  /** The account that owns the resource; it decides the same-account and cross-account rules. */
  resourceAccountId?: string;
  context?: RequestContext;
}

/** Everything that applies to one request. Absent layers do not restrict. */
export interface PolicySet {
  identity: readonly CompiledPolicy[];
  /** Undefined when the principal has no permissions boundary. */
  boundary?: CompiledPolicy;
  /** Undefined when the request carries no session policy. */
  session?: readonly CompiledPolicy[];
  /** SCPs by level, organization root first and account last; undefined outside an organization. */
  scpLevels?: readonly (readonly CompiledPolicy[])[];
  /** RCPs by level, organization root first and account last; undefined when none apply. */
  rcpLevels?: readonly (readonly CompiledPolicy[])[];
  /** The resource-based policy of the resource: bucket policy, key policy, trust policy, ... */
  resourcePolicy?: CompiledPolicy;
  /** The caller belongs to the management account, which SCPs do not restrict. */
  principalInManagementAccount?: boolean;
  /** The resource belongs to the management account, which RCPs do not restrict. */
  resourceInManagementAccount?: boolean;
  /** The caller is a service-linked role, which neither SCPs nor RCPs restrict. */
  serviceLinkedRole?: boolean;
  /** The resource is an AWS managed KMS key, which RCPs do not restrict. */
  awsManagedKey?: boolean;
}

export type DecisionType = "allowed" | "explicitDeny" | "implicitDeny" | "allowedIf";

/** One statement, located exactly: policy, Sid and 1-based index. */
export interface StatementRef {
  policy: PolicySource;
  sid?: string;
  index: number;
  effect: "Allow" | "Deny";
}

/** A condition the snapshot cannot decide; `allowedIf` decisions carry them. */
export interface UnresolvedCondition {
  statement: StatementRef;
  operator: string;
  key: string;
  values: readonly string[];
  /**
   * Set on conditions of a Deny statement that might apply: the request stays allowed only if
   * this Deny does not apply, that is, unless all of its negated conditions hold.
   */
  negated?: boolean;
}

export interface Decision {
  type: DecisionType;
  /** The Allow statements that granted, or the Deny statements that denied. */
  statements: readonly StatementRef[];
  /** For denials of a request some policy allowed: the layer that blocked it. */
  blockedBy?: PolicyType;
  /** For `allowedIf`: conditions that must all hold for the request to be allowed. */
  conditions?: readonly UnresolvedCondition[];
}
