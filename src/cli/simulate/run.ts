import { parseArn } from "../../shared/arn.js";
import { inputError } from "../../shared/errors.js";
import {
  compilePolicy,
  evaluate,
  principalFromArn,
  type CompiledPolicy,
  type Decision,
  type EvaluationRequest,
  type PolicySet,
  type PolicySource,
  type PolicyType,
  type RequestPrincipal,
  type StatementRef,
} from "../../evaluator/index.js";
import type { SimulateInput } from "./input.js";

/**
 * Runs simulator input through the evaluator and shapes the output like IAM's
 * SimulateCustomPolicy response. A context key missing from ContextEntries is absent from the
 * request, as in AWS's simulator, so every decision is definite.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 */

/** One result, shaped like IAM's EvaluationResult, with Lakewarden's evidence beside it. */
export interface EvaluationResult {
  EvalActionName: string;
  EvalResourceName: string;
  EvalDecision: "allowed" | "explicitDeny" | "implicitDeny";
  MatchedStatements: { SourcePolicyId: string; SourcePolicyType: string; Sid?: string; StatementIndex: number }[];
  MissingContextValues: string[];
  Lakewarden: Decision;
}

export interface SimulateOutput {
  EvaluationResults: EvaluationResult[];
}

/** The caller assumed when the input names none, as AWS's simulator assumes a user of the account. */
const DEFAULT_CALLER_NAME = "SimulatedCaller";

const SOURCE_POLICY_TYPES: Record<PolicyType, string> = {
  identity: "IAM Policy",
  boundary: "Permissions Boundary Policy",
  session: "Session Policy",
  scp: "Service Control Policy",
  rcp: "Resource Control Policy",
  resource: "Resource Policy",
  trust: "Resource Policy",
  key: "Resource Policy",
};

/** Decides every action and resource pair of the input. */
export function runSimulation(input: SimulateInput, file: string): SimulateOutput {
  checkPolicies(input, file);
  const resourceArns = input.ResourceArns ?? ["*"];
  const principal = callerOf(input, file);
  const context = contextOf(input);

  const results: EvaluationResult[] = [];
  for (const resource of resourceArns) {
    const resourceAccountId = resourceAccountOf(input, resource, principal);
    const policies = policySetOf(input, resource, principal, resourceAccountId);
    for (const action of input.ActionNames) {
      const request: EvaluationRequest = { principal, action, resource, context, ...(resourceAccountId ? { resourceAccountId } : {}) };
      const decision = evaluate(request, policies);
      results.push(resultOf(request, decision, input, principal));
    }
  }
  return { EvaluationResults: results };
}

function callerOf(input: SimulateInput, file: string): RequestPrincipal {
  const ownerAccount = input.ResourceOwner?.match(/\d{12}/)?.[0] ?? "123456789012";
  const callerArn = input.CallerArn ?? `arn:aws:iam::${ownerAccount}:user/${DEFAULT_CALLER_NAME}`;
  const principal = principalFromArn(callerArn, factsOf(input));
  if (!principal) {
    throw inputError("invalidSimulateInput", file, "$.CallerArn", "expected a user, role, assumed-role session or root ARN, or a service principal such as s3.amazonaws.com");
  }
  return principal;
}

/** Caller facts that AWS derives from credentials arrive as context entries in simulator input. */
function factsOf(input: SimulateInput): Pick<RequestPrincipal, "tags" | "orgId" | "orgPaths"> {
  const tags: Record<string, string> = {};
  const facts: Pick<RequestPrincipal, "tags" | "orgId" | "orgPaths"> = {};
  for (const entry of input.ContextEntries ?? []) {
    const key = entry.ContextKeyName.toLowerCase();
    const first = entry.ContextKeyValues[0];
    if (key.startsWith("aws:principaltag/") && first !== undefined) tags[entry.ContextKeyName.slice("aws:PrincipalTag/".length)] = first;
    if (key === "aws:principalorgid" && first !== undefined) facts.orgId = first;
    if (key === "aws:principalorgpaths") facts.orgPaths = entry.ContextKeyValues;
  }
  return Object.keys(tags).length > 0 ? { ...facts, tags } : facts;
}

function contextOf(input: SimulateInput): EvaluationRequest["context"] {
  const values: Record<string, readonly string[]> = {};
  for (const entry of input.ContextEntries ?? []) values[entry.ContextKeyName] = entry.ContextKeyValues;
  return { values };
}

function resourceAccountOf(input: SimulateInput, resource: string, principal: RequestPrincipal): string | undefined {
  const owner = input.ResourceOwner?.match(/\d{12}/)?.[0];
  if (owner) return owner;
  const fromArn = parseArn(resource)?.accountId;
  return fromArn ? fromArn : principal.accountId;
}

function compileList(texts: readonly string[] | undefined, type: PolicyType, field: string): CompiledPolicy[] {
  return (texts ?? []).map((text, index) => compilePolicy(text, { type, id: `${field}.${index + 1}` }));
}

/**
 * Rejects input whose policies have grammar problems, as IAM's simulator returns
 * MalformedPolicyDocument, rather than deciding with the unreadable parts left out.
 */
function checkPolicies(input: SimulateInput, file: string): void {
  const lists: [string, PolicyType, readonly string[] | undefined][] = [
    ["PolicyInputList", "identity", input.PolicyInputList],
    ["PermissionsBoundaryPolicyInputList", "boundary", input.PermissionsBoundaryPolicyInputList],
    ["SessionPolicy", "session", input.SessionPolicy ? [input.SessionPolicy] : undefined],
    ...(input.ResourceArns ?? ["*"]).map((resource): [string, PolicyType, readonly string[] | undefined] => [
      "ResourcePolicy",
      resourcePolicyType(resource),
      input.ResourcePolicy ? [input.ResourcePolicy] : undefined,
    ]),
    ...(input.ServiceControlPolicyLevels ?? []).map((level, index): [string, PolicyType, readonly string[]] => [`ServiceControlPolicyLevels[${index}]`, "scp", level]),
    ...(input.ResourceControlPolicyLevels ?? []).map((level, index): [string, PolicyType, readonly string[]] => [`ResourceControlPolicyLevels[${index}]`, "rcp", level]),
  ];

  for (const [field, type, texts] of lists) {
    for (const [index, text] of (texts ?? []).entries()) {
      const problem = compilePolicy(text, { type, id: field }).problems[0];
      if (!problem) continue;
      const where = texts === undefined || field === "SessionPolicy" || field === "ResourcePolicy" ? `$.${field}` : `$.${field}[${index}]`;
      throw inputError("invalidSimulateInput", file, where, `malformed policy document at ${problem.path}: ${problem.message}`);
    }
  }
}

/** The resource policy's type follows the action: trust for sts:AssumeRole*, key for KMS. */
function resourcePolicyType(resource: string): PolicyType {
  const arn = parseArn(resource);
  if (arn?.service === "iam" && arn.resource.startsWith("role/")) return "trust";
  if (arn?.service === "kms" && arn.resource.startsWith("key/")) return "key";
  return "resource";
}

function policySetOf(input: SimulateInput, resource: string, principal: RequestPrincipal, resourceAccountId: string | undefined): PolicySet {
  const management = input.ManagementAccountId;
  const roleName = principal.roleArn?.split("/").pop() ?? "";
  const set: PolicySet = {
    identity: compileList(input.PolicyInputList, "identity", "PolicyInputList"),
    principalInManagementAccount: management !== undefined && principal.accountId === management,
    resourceInManagementAccount: management !== undefined && resourceAccountId === management,
    serviceLinkedRole: roleName.startsWith("AWSServiceRoleFor") || (principal.roleArn ?? "").includes("/aws-service-role/"),
  };
  const boundary = compileList(input.PermissionsBoundaryPolicyInputList, "boundary", "PermissionsBoundaryPolicyInputList")[0];
  if (boundary) set.boundary = boundary;
  if (input.SessionPolicy) set.session = compileList([input.SessionPolicy], "session", "SessionPolicy");
  if (input.ResourcePolicy) set.resourcePolicy = compilePolicy(input.ResourcePolicy, { type: resourcePolicyType(resource), id: "ResourcePolicy" });
  if (input.ServiceControlPolicyLevels) {
    set.scpLevels = input.ServiceControlPolicyLevels.map((level, index) => compileList(level, "scp", `ServiceControlPolicyLevels.${index + 1}`));
  }
  if (input.ResourceControlPolicyLevels) {
    set.rcpLevels = input.ResourceControlPolicyLevels.map((level, index) => compileList(level, "rcp", `ResourceControlPolicyLevels.${index + 1}`));
  }
  return set;
}

function matchedStatement(ref: StatementRef): EvaluationResult["MatchedStatements"][number] {
  const source: PolicySource = ref.policy;
  return { SourcePolicyId: source.id, SourcePolicyType: SOURCE_POLICY_TYPES[source.type], ...(ref.sid ? { Sid: ref.sid } : {}), StatementIndex: ref.index };
}

function resultOf(request: EvaluationRequest, decision: Decision, input: SimulateInput, principal: RequestPrincipal): EvaluationResult {
  // An allowedIf cannot arise here because no key is unknown; treat it as not allowed if it does.
  const evalDecision = decision.type === "allowedIf" ? "implicitDeny" : decision.type;
  return {
    EvalActionName: request.action,
    EvalResourceName: request.resource,
    EvalDecision: evalDecision,
    MatchedStatements: decision.statements.map(matchedStatement),
    MissingContextValues: missingKeys(input, principal),
    Lakewarden: decision,
  };
}

/** Condition keys the policies name that the input leaves out, like IAM's MissingContextValues. */
function missingKeys(input: SimulateInput, principal: RequestPrincipal): string[] {
  const texts = [
    ...input.PolicyInputList,
    ...(input.PermissionsBoundaryPolicyInputList ?? []),
    ...(input.ResourcePolicy ? [input.ResourcePolicy] : []),
    ...(input.SessionPolicy ? [input.SessionPolicy] : []),
  ];
  const given = new Set((input.ContextEntries ?? []).map((entry) => entry.ContextKeyName.toLowerCase()));
  const missing = new Map<string, string>();
  for (const text of texts) {
    for (const key of conditionKeysOf(text)) {
      const lower = key.toLowerCase();
      if (!given.has(lower) && !derivedFor(principal, lower)) missing.set(lower, key);
    }
  }
  return [...missing.values()].sort();
}

function derivedFor(principal: RequestPrincipal, keyLower: string): boolean {
  if (keyLower === "aws:principalarn" || keyLower === "aws:principalaccount" || keyLower === "aws:principaltype") return principal.kind !== "anonymous";
  if (keyLower === "aws:username") return principal.kind === "user";
  return false;
}

function conditionKeysOf(text: string): string[] {
  try {
    const document = JSON.parse(text) as { Statement?: unknown };
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    return statements.flatMap((statement: unknown) => {
      const condition = (statement as { Condition?: unknown } | undefined)?.Condition;
      if (typeof condition !== "object" || condition === null) return [];
      return Object.values(condition).flatMap((block: unknown) => (typeof block === "object" && block !== null ? Object.keys(block) : []));
    });
  } catch {
    return [];
  }
}
