/**
 * Evidence as the report shows it: the policy statements that decided, and access paths hop
 * by hop with the statements and unresolved conditions of each hop.
 */
import type { PathStep } from "../../evaluator/access.js";
import type { StatementRef, UnresolvedCondition } from "../../evaluator/types.js";
import type { Evidence, FactEvidence, PathEvidence, StatementEvidence } from "../../findings/finding.js";
import { capabilityLabel } from "./labels.js";

export interface StatementView {
  policyType: string;
  policyName: string;
  policyId: string;
  sid?: string;
  index: number;
  effect: "Allow" | "Deny";
  isDeny: boolean;
  /** The statement's JSON, pretty-printed when it parses. */
  statement?: string;
}

export interface ConditionView {
  operator: string;
  key: string;
  values: string;
}

export interface HopView {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  edge: string;
  edgeTitle: string;
  description: string;
  statements: StatementView[];
  conditions: ConditionView[];
  requires: string[];
}

export interface PathView {
  capability?: string;
  capabilityTitle?: string;
  hopCount: number;
  /** True when some hop is allowed only under conditions the snapshot cannot decide. */
  conditional: boolean;
  hops: HopView[];
  /** The path's nodes by name, which the report joins with arrows for a one-line summary. */
  chain: string[];
}

export interface EvidenceView {
  statements: StatementView[];
  paths: PathView[];
  facts: { text: string; value?: string }[];
}

/** Edge kinds the graph emits, in words. A kind not listed here is shown as its id. */
const EDGE_TITLES: Readonly<Record<string, string>> = {
  canAssume: "assumes",
  capability: "acts on",
  lfAdmin: "is a Lake Formation administrator of",
  lfGrant: "is granted Lake Formation access to",
  memberOf: "is a member of",
  subscriberIdentity: "uses subscriber",
  subscriberRole: "reads through role",
  subscriberShare: "queries the tables shared with it from",
  createSubscriber: "creates a subscriber for",
  updateSubscriber: "changes a subscriber to",
  attachUserPolicy: "attaches a policy to itself, becoming",
  putUserPolicy: "writes a policy for itself, becoming",
  attachGroupPolicy: "attaches a policy to its group, becoming",
  putGroupPolicy: "writes a policy for its group, becoming",
  attachRolePolicy: "attaches a policy to a role, becoming",
  putRolePolicy: "writes a policy for a role, becoming",
  createPolicyVersion: "writes a new policy version, becoming",
  setDefaultPolicyVersion: "switches a policy version, becoming",
  removeUserBoundary: "removes its permissions boundary, becoming",
  removeRoleBoundary: "removes a role's permissions boundary, becoming",
  addUserToGroup: "adds itself to a group, becoming",
  createAccessKey: "creates an access key for",
  createLoginProfile: "creates a console password for",
  updateLoginProfile: "resets the console password of",
  updateAssumeRolePolicy: "rewrites the trust policy of",
  updateFunctionCode: "replaces Lambda code that runs as",
  "ssm:sendCommand": "runs an SSM command on an instance running as",
  "ssm:startSession": "opens an SSM session on an instance running as",
  ec2InstanceConnect: "logs in with EC2 Instance Connect as",
  "glue:updateDevEndpoint": "takes over a Glue dev endpoint running as",
  "cloudformation:updateStack": "updates a stack whose service role is",
  "sagemaker:presignedNotebookUrl": "opens a notebook running as",
};

/** Returns the words for an edge kind, naming a `passRole:<service>` edge after its service. */
function edgeTitle(kind: string): string {
  const title = EDGE_TITLES[kind];
  if (title !== undefined) return title;
  if (kind.startsWith("passRole:")) return `passes a role to ${kind.slice("passRole:".length)} and runs as`;
  return kind;
}

/**
 * Returns a short name for an ARN: the bucket of an S3 ARN, the Region of a data lake, the
 * account of a root ARN, else the last path segment. Ids that are not ARNs are returned as is.
 */
export function shortName(id: string): string {
  if (!id.startsWith("arn:")) {
    return id;
  }
  const [, , service = "", region = "", account = "", ...rest] = id.split(":");
  const resource = rest.join(":");
  if (resource === "root") {
    return `account ${account}`;
  }
  if (service === "s3") {
    return `bucket ${resource.split("/")[0] ?? resource}`;
  }
  if (service === "securitylake" && resource.startsWith("data-lake/")) {
    return `the data lake in ${region}`;
  }
  if (service === "kms" && resource.startsWith("key/")) {
    return `KMS key ${resource.slice("key/".length)}`;
  }
  const slash = resource.lastIndexOf("/");
  return slash === -1 ? resource : resource.slice(slash + 1);
}

/** Builds the evidence view of a finding from its evidence list. */
export function viewEvidence(evidence: readonly Evidence[], names: ReadonlyMap<string, string>): EvidenceView {
  const paths = evidence.filter((item): item is PathEvidence => item.kind === "path");
  const statements = evidence.filter((item): item is StatementEvidence => item.kind === "statement");
  const withoutText = statements.filter((item) => item.statement === undefined);
  const shownInHops = withoutText.length === 0 ? new Set<string>() : new Set(paths.flatMap((path) => path.steps.flatMap((step) => step.statements.map(statementRefKey))));

  return {
    // A statement without its text shows no more than the hop that cites it, so it is left out.
    statements: statements.filter((item) => item.statement !== undefined || !shownInHops.has(statementKey(item))).map(viewStatement),
    paths: paths.map((path) => viewPath(path.steps, names, path.capability)),
    facts: evidence.filter((item): item is FactEvidence => item.kind === "fact").map((fact) => ({ text: fact.text, value: fact.value })),
  };
}

/** Builds the view of one path; `names` maps principal ids to the labels the graph gave them. */
export function viewPath(steps: readonly PathStep[], names: ReadonlyMap<string, string>, capability?: string): PathView {
  const nodeNames = viewChain(steps, names);
  // A hop starts where the one before it ended, so its name is already known. The check
  // still names each hop of a path that is not contiguous by its own start.
  const fromName = (index: number): string =>
    index > 0 && steps[index - 1]!.to === steps[index]!.from ? nodeNames[index]! : nameOf(steps[index]!.from, names);
  const hops = steps.map((step, index) => sharedHop(step, fromName(index), nodeNames[index + 1]!));

  return {
    capability,
    capabilityTitle: capability === undefined ? undefined : capabilityLabel(capability).title,
    hopCount: steps.length,
    conditional: hops.some((hop) => hop.conditions.length > 0),
    hops,
    chain: nodeNames,
  };
}

/**
 * Returns the nodes of a path by name, for a one-line summary. The report joins them with the
 * `&rarr;` entity rather than the arrow character, because one character outside Latin-1 makes
 * V8 store the whole page with two bytes a character. At 50,000 principals that cost about 0.4 s.
 */
export function viewChain(steps: readonly PathStep[], names: ReadonlyMap<string, string>): string[] {
  // The first hop's start, then each hop's end.
  return steps.length === 0 ? [] : [nameOf(steps[0]!.from, names), ...steps.map((step) => nameOf(step.to, names))];
}

function nameOf(id: string, names: ReadonlyMap<string, string>): string {
  return names.get(id) ?? shortName(id);
}

/**
 * Hop views by step and by the names the hop shows. Grants share the steps of their common
 * path tails, so thousands of findings end in the same few hops. One view object per such hop
 * lets the report render it once (the `memo` helper in render.ts).
 */
const hopViews = new WeakMap<PathStep, Map<string, HopView>>();

function sharedHop(step: PathStep, fromName: string, toName: string): HopView {
  let byNames = hopViews.get(step);
  if (!byNames) {
    byNames = new Map();
    hopViews.set(step, byNames);
  }
  const key = `${fromName}\n${toName}`;
  let hop = byNames.get(key);
  if (!hop) {
    hop = viewHop(step, fromName, toName);
    byNames.set(key, hop);
  }
  return hop;
}

function viewHop(step: PathStep, fromName: string, toName: string): HopView {
  return {
    from: step.from,
    fromName,
    to: step.to,
    toName,
    edge: step.edge,
    edgeTitle: edgeTitle(step.edge),
    description: step.description,
    statements: step.statements.map(viewStatementRef),
    conditions: (step.conditions ?? []).map(viewCondition),
    requires: [...(step.requires ?? [])],
  };
}

/** Identifies a statement by every field a statement line shows, so equal keys render alike. */
function statementKey(item: StatementEvidence): string {
  return fieldsKey(item.policyType, item.policyId, item.policyName, item.statementIndex, item.sid, item.effect);
}

function statementRefKey(ref: StatementRef): string {
  return fieldsKey(ref.policy.type, ref.policy.id, ref.policy.name, ref.index, ref.sid, ref.effect);
}

/** Prefixes each field with its length, so no two different field lists give the same key. */
function fieldsKey(...fields: (string | number | undefined)[]): string {
  return fields.map((field) => (field === undefined ? "-" : `${String(field).length}:${field}`)).join("");
}

function viewStatement(evidence: StatementEvidence): StatementView {
  return {
    policyType: evidence.policyType,
    policyName: evidence.policyName ?? shortName(evidence.policyId),
    policyId: evidence.policyId,
    sid: evidence.sid,
    index: evidence.statementIndex,
    effect: evidence.effect,
    isDeny: evidence.effect === "Deny",
    statement: evidence.statement === undefined ? undefined : prettyJson(evidence.statement),
  };
}

function viewStatementRef(ref: StatementRef): StatementView {
  return {
    policyType: ref.policy.type,
    policyName: ref.policy.name ?? shortName(ref.policy.id),
    policyId: ref.policy.id,
    sid: ref.sid,
    index: ref.index,
    effect: ref.effect,
    isDeny: ref.effect === "Deny",
  };
}

/** Shows a condition as its policy grammar writes it: operator, key and values. */
function viewCondition(condition: UnresolvedCondition): ConditionView {
  return { operator: condition.operator, key: condition.key, values: condition.values.join(", ") };
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
