import { UNKNOWN, type ConditionContext } from "../conditions/condition.js";
import { intern } from "../match/intern.js";
import { targetIn, targetsOf } from "../policy/target.js";
import type { EvaluationRequest, RequestContext, RequestPrincipal } from "../types.js";

/**
 * The request context as conditions and policy variables read it. Explicit context values win;
 * otherwise the principal-derived global keys (`aws:PrincipalArn`, `aws:username`,
 * `aws:PrincipalTag/...`, ...) are computed from the caller. Key names are case-insensitive.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */

interface NormalizedContext {
  values: Map<string, readonly string[]>;
  unknown: "missing" | ReadonlySet<string> | undefined;
}

const normalizedCache = new WeakMap<RequestContext, NormalizedContext>();
const EMPTY: NormalizedContext = { values: new Map(), unknown: undefined };

let lastContext: RequestContext | undefined;
let lastNormalized: NormalizedContext = EMPTY;

function normalize(context: RequestContext | undefined): NormalizedContext {
  if (!context) return EMPTY;
  // Callers often evaluate many requests with one context object; skip the WeakMap for them.
  if (context === lastContext) return lastNormalized;
  let normalized = normalizedCache.get(context);
  if (!normalized) {
    normalized = buildNormalized(context);
    normalizedCache.set(context, normalized);
  }
  lastContext = context;
  lastNormalized = normalized;
  return normalized;
}

function buildNormalized(context: RequestContext): NormalizedContext {
  const values = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(context.values ?? {})) {
    values.set(intern(key.toLowerCase()), typeof value === "string" ? [value] : value);
  }
  const unknownKeys = context.unknownKeys;
  const unknown = unknownKeys === undefined || unknownKeys === "missing" ? unknownKeys : new Set([...unknownKeys].map((key) => key.toLowerCase()));
  return { values, unknown };
}

const PRINCIPAL_TYPES: Record<string, string> = {
  user: "User",
  "role-session": "AssumedRole",
  root: "Account",
  federated: "FederatedUser",
  anonymous: "Anonymous",
};

/** Computes a global key from the caller and the request; undefined when it has no value. */
function derivedValue(request: EvaluationRequest, keyLower: string): string | readonly string[] | undefined {
  const principal: RequestPrincipal = request.principal;
  switch (keyLower) {
    case "aws:principalarn":
      if (principal.kind === "role-session") return principal.roleArn;
      if (principal.kind === "service" || principal.kind === "anonymous") return undefined;
      return principal.arn;
    case "aws:principalaccount":
      return principal.accountId;
    case "aws:username":
      return principal.kind === "user" ? principal.userName : undefined;
    case "aws:userid":
      return principal.userId;
    case "aws:principaltype":
      return PRINCIPAL_TYPES[principal.kind];
    case "aws:principalorgid":
      return principal.orgId;
    case "aws:principalorgpaths":
      return principal.orgPaths;
    case "aws:principalisawsservice":
      return principal.kind === "anonymous" ? undefined : String(principal.kind === "service");
    case "aws:principalservicename":
      return principal.kind === "service" ? principal.arn : undefined;
    case "aws:resourceaccount":
      return request.resourceAccountId;
    default:
      return keyLower.startsWith("aws:principaltag/") ? principalTag(principal, keyLower.slice("aws:principaltag/".length)) : undefined;
  }
}

function principalTag(principal: RequestPrincipal, tagLower: string): string | undefined {
  if (!principal.tags) return undefined;
  for (const [key, value] of Object.entries(principal.tags)) {
    if (key.toLowerCase() === tagLower) return value;
  }
  return undefined;
}

/**
 * One request as statements read it: the action, resource and caller, and the condition view
 * of its context. A class, so that evaluation allocates one object and creates no closures.
 */
export class RequestView implements ConditionContext {
  readonly actionLower: string;
  /** The (action, resource) id from `targetId`, under which policies cache their statements. */
  readonly target: number;
  readonly resource: string;
  readonly principal: RequestPrincipal;
  private readonly request: EvaluationRequest;
  private readonly context: NormalizedContext;

  constructor(request: EvaluationRequest) {
    const targets = targetsOf(request.action);
    this.actionLower = targets.lower;
    this.target = targetIn(targets, request.action, request.resource);
    this.resource = request.resource;
    this.principal = request.principal;
    this.request = request;
    this.context = normalize(request.context);
  }

  values(keyLower: string): readonly string[] | undefined | typeof UNKNOWN {
    const explicit = this.context.values.get(keyLower);
    if (explicit !== undefined) return explicit;

    const derived = derivedValue(this.request, keyLower);
    if (derived !== undefined) return typeof derived === "string" ? [derived] : derived;

    const unknown = this.context.unknown;
    if (unknown === "missing" || unknown?.has(keyLower)) return UNKNOWN;
    return undefined;
  }

  variable(key: string): string | undefined {
    const found = this.values(key.toLowerCase());
    return found !== UNKNOWN && found?.length === 1 ? found[0] : undefined;
  }
}

/** Builds the view of a request that statements and conditions read. */
export function requestView(request: EvaluationRequest): RequestView {
  return new RequestView(request);
}
