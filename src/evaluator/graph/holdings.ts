import type { PathStep } from "../access.js";
import type { Decision, StatementRef, UnresolvedCondition } from "../types.js";
import type { Actor } from "./actors.js";
import type { ActionRequirement, CapabilityAlternative, DirectCapability, LakeFormationRequirement, Requirement } from "./capabilities.js";
import type { RequestDecider } from "./decide.js";
import { uniqueStatements } from "./statements.js";
import { lakeResourceLabel, type LakeResource, type LakeScope } from "./resources.js";

/** A capability a node holds itself: the final step of every path that ends at it. */
export interface Holding {
  readonly decision: "allowed" | "allowedIf";
  readonly step: PathStep;
  readonly resources: readonly string[];
}

interface Outcome {
  decision: "allowed" | "allowedIf";
  statements: StatementRef[];
  conditions: UnresolvedCondition[];
  resources: string[];
}

/** A requirement met without a request, such as a key on a lake without one. Never changed. */
const MET: Readonly<Outcome> = Object.freeze({ decision: "allowed", statements: [], conditions: [], resources: [] });

/** Decides whether an actor holds a capability in any lake scope, preferring plain allows. */
export function holdingOf(actor: Actor, capability: DirectCapability, scopes: readonly LakeScope[], decider: RequestDecider): Holding | undefined {
  // Most actors hold no capability, so nothing is allocated until an alternative is met.
  let best: { outcome: Outcome; alternative: CapabilityAlternative; scope: LakeScope } | undefined;
  let resources: string[] | undefined;
  for (const scope of scopes) {
    for (const alternative of capability.anyOf) {
      const outcome = alternativeOutcome(actor, alternative, scope, decider);
      if (!outcome) continue;
      const known = (resources ??= []);
      known.push(...outcome.resources.filter((arn) => !known.includes(arn)));
      if (!best || (best.outcome.decision === "allowedIf" && outcome.decision === "allowed")) best = { outcome, alternative, scope };
    }
  }
  if (!best) return undefined;

  const { outcome, alternative, scope } = best;
  const statements = uniqueStatements(outcome.statements);
  const step: PathStep = {
    from: actor.ref.id,
    to: scope.id,
    edge: stepKind(alternative),
    description: holdingDescription(actor, capability, alternative, scope, outcome.resources, statements.length === 0),
    statements,
    conditions: outcome.conditions.length > 0 ? outcome.conditions : undefined,
  };
  return { decision: outcome.decision, step, resources: resources ?? [] };
}

/**
 * Describes the final step: the capability, the way it is held and the lake it is held
 * over. The step points at the lake, so resources other than the lake itself (a trail that feeds
 * it, a bucket) are named too. A root user's step cites no statement, so the reason is given.
 */
function holdingDescription(actor: Actor, capability: DirectCapability, alternative: CapabilityAlternative, scope: LakeScope, resources: readonly string[], noStatement: boolean): string {
  const target = scope.fallback ? "any resource (no Security Lake in the snapshot)" : scope.id;
  const others = resources.filter((arn) => arn !== scope.id).map(lakeResourceLabel);
  const through = others.length > 0 ? `, through ${others.join(", ")}` : "";
  const root = noStatement && actor.principal.kind === "root" ? "; an account's root user needs no policy to allow it" : "";
  return `${actor.ref.label} holds ${capability.id} (${alternative.id}) on ${target}${through}${root}`;
}

function stepKind(alternative: CapabilityAlternative): string {
  if (alternative.allOf.some((requirement) => "lakeFormation" in requirement && requirement.lakeFormation === "ADMIN")) return "lfAdmin";
  if (alternative.allOf.some((requirement) => "lakeFormation" in requirement)) return "lfGrant";
  return "capability";
}

function alternativeOutcome(actor: Actor, alternative: CapabilityAlternative, scope: LakeScope, decider: RequestDecider): Outcome | undefined {
  // The first requirement fails for most actors, so the outcomes are combined only once all are met.
  const met: Readonly<Outcome>[] = [];
  for (const requirement of alternative.allOf) {
    const outcome = requirementOutcome(actor, requirement, scope, decider);
    if (!outcome) return undefined;
    met.push(outcome);
  }

  const combined: Outcome = { decision: "allowed", statements: [], conditions: [], resources: [] };
  for (const outcome of met) {
    if (outcome.decision === "allowedIf") combined.decision = "allowedIf";
    combined.statements.push(...outcome.statements);
    combined.conditions.push(...outcome.conditions);
    combined.resources.push(...outcome.resources);
  }
  return combined;
}

function requirementOutcome(actor: Actor, requirement: Requirement, scope: LakeScope, decider: RequestDecider): Readonly<Outcome> | undefined {
  if ("lakeFormation" in requirement) return lakeFormationOutcome(actor, requirement, scope);
  return actionOutcome(actor, requirement, scope, decider);
}

function actionOutcome(actor: Actor, requirement: ActionRequirement, scope: LakeScope, decider: RequestDecider): Readonly<Outcome> | undefined {
  const resources = scope.resources[requirement.on];
  if (resources === undefined) return requirement.needsKey ? undefined : MET;

  const values = requirement.context ? contextOf(requirement.context, scope) : undefined;
  let best: { decision: Decision; resource: LakeResource } | undefined;
  for (const resource of resources) {
    const decision = firstPermit(actor, requirement.actions, resource, values, decider);
    if (!decision) continue;
    if (!best || (best.decision.type === "allowedIf" && decision.type === "allowed")) best = { decision, resource };
    if (decision.type === "allowed") break;
  }
  if (!best) return undefined;
  return {
    decision: best.decision.type === "allowed" ? "allowed" : "allowedIf",
    statements: [...best.decision.statements],
    conditions: [...(best.decision.conditions ?? [])],
    resources: best.resource.arn === "*" ? [] : [best.resource.arn],
  };
}

/**
 * The first plain allow among the actions, else the first allowedIf, as `bestOf` picks.
 * Actions after a plain allow stay undecided because they cannot change the pick.
 */
function firstPermit(actor: Actor, actions: readonly string[], resource: LakeResource, values: Record<string, string> | undefined, decider: RequestDecider): Decision | undefined {
  let conditional: Decision | undefined;
  for (const action of actions) {
    const decision = decider.decide(actor, action, resource, values);
    if (decision.type === "allowed") return decision;
    if (!conditional && decision.type === "allowedIf") conditional = decision;
  }
  return conditional;
}

const contextCache = new WeakMap<LakeScope, Map<Readonly<Record<string, string>>, Record<string, string>>>();

/** Fills `{region}`, `{account}` and `{bucket}` into a requirement's context (cached). */
function contextOf(template: Readonly<Record<string, string>>, scope: LakeScope): Record<string, string> {
  let byTemplate = contextCache.get(scope);
  if (!byTemplate) {
    byTemplate = new Map();
    contextCache.set(scope, byTemplate);
  }
  let values = byTemplate.get(template);
  if (!values) {
    const bucket = scope.resources.lakeBucket?.[0]?.arn ?? "";
    values = Object.fromEntries(Object.entries(template).map(([key, value]) => [key, value.replace("{region}", scope.region).replace("{account}", scope.accountId).replace("{bucket}", bucket)]));
    byTemplate.set(template, values);
  }
  return values;
}

/**
 * Lake Formation permissions: administrators hold every permission; otherwise a SELECT (or
 * ALL) grant on the table or its database, to the principal or to IAM_ALLOWED_PRINCIPALS.
 */
function lakeFormationOutcome(actor: Actor, requirement: LakeFormationRequirement, scope: LakeScope): Outcome | undefined {
  const index = lakeFormationIndex(scope);
  if (!index) {
    if (requirement.lakeFormation === "ADMIN") return undefined;
    // NOTE: without Lake Formation data the grant is unknown, so the query path is allowedIf.
    const statement: StatementRef = { policy: lakeFormationSource(scope), index: 1, effect: "Allow" };
    return { decision: "allowedIf", statements: [], conditions: [{ statement, operator: "LakeFormationGrant", key: "SELECT", values: ["not read"] }], resources: [] };
  }

  const ids = [actor.ref.id, actor.principal.roleArn, actor.principal.arn];
  const adminIndex = firstIndexOf(index.admins, ids);
  if (adminIndex !== undefined) {
    return { decision: "allowed", statements: [{ policy: { ...index.source, name: "Lake Formation data lake administrators" }, index: adminIndex + 1, effect: "Allow" }], conditions: [], resources: [] };
  }
  if (requirement.lakeFormation === "ADMIN") return undefined;

  const grantees = actor.principal.kind === "root" ? [...ids, IAM_ALLOWED_PRINCIPALS, actor.principal.accountId] : [...ids, IAM_ALLOWED_PRINCIPALS];
  const grantIndex = firstIndexOf(index.tableGrants, grantees);
  if (grantIndex === undefined) return undefined;
  const grantee = index.permissions[grantIndex]!.principal;
  return { decision: "allowed", statements: [{ policy: index.source, sid: grantee, index: grantIndex + 1, effect: "Allow" }], conditions: [], resources: [index.table] };
}

const IAM_ALLOWED_PRINCIPALS = "IAM_ALLOWED_PRINCIPALS";

/** A scope's Lake Formation settings and permissions, indexed by principal for every actor. */
interface LakeFormationIndex {
  readonly source: StatementRef["policy"];
  readonly permissions: NonNullable<NonNullable<LakeScope["lakeFormation"]>["permissions"]>;
  /** Each data lake administrator's first position in the settings. */
  readonly admins: ReadonlyMap<string, number>;
  /** Each grantee's first permission entry with SELECT or ALL on the lake's table. */
  readonly tableGrants: ReadonlyMap<string, number>;
  readonly table: string;
}

const lakeFormationIndexes = new WeakMap<LakeScope, LakeFormationIndex | null>();

/**
 * Indexes a scope's Lake Formation data once, so each actor's check is a few map lookups.
 * Returns undefined when the scope stands for any resource or has no Lake Formation data.
 */
function lakeFormationIndex(scope: LakeScope): LakeFormationIndex | undefined {
  let index = lakeFormationIndexes.get(scope);
  if (index === undefined) {
    index = buildLakeFormationIndex(scope);
    lakeFormationIndexes.set(scope, index);
  }
  return index ?? undefined;
}

function buildLakeFormationIndex(scope: LakeScope): LakeFormationIndex | null {
  const lakeFormation = scope.lakeFormation;
  if (scope.fallback || !lakeFormation) return null;

  const admins = new Map<string, number>();
  for (const [position, admin] of (lakeFormation.settings?.dataLakeAdmins ?? []).entries()) {
    if (!admins.has(admin)) admins.set(admin, position);
  }

  const table = scope.resources.glueTable?.[0]?.arn ?? "";
  const [databaseName, tableName] = table.split(":table/")[1]?.split("/") ?? [];
  const permissions = lakeFormation.permissions ?? [];
  const tableGrants = new Map<string, number>();
  for (const [position, entry] of permissions.entries()) {
    if (tableGrants.has(entry.principal)) continue;
    if (!entry.permissions.some((permission) => permission === "SELECT" || permission === "ALL")) continue;
    if (!coversTable(entry.resource, databaseName, tableName)) continue;
    tableGrants.set(entry.principal, position);
  }
  return { source: lakeFormationSource(scope), permissions, admins, tableGrants, table };
}

function lakeFormationSource(scope: LakeScope): StatementRef["policy"] {
  return { type: "resource", id: `lakeformation:${scope.accountId}:${scope.region}`, name: "Lake Formation permissions" };
}

/** Returns the smallest position any of the keys has in `positions`. */
function firstIndexOf(positions: ReadonlyMap<string, number>, keys: readonly (string | undefined)[]): number | undefined {
  let first: number | undefined;
  for (const key of keys) {
    if (key === undefined || key === "") continue;
    const position = positions.get(key);
    if (position !== undefined && (first === undefined || position < first)) first = position;
  }
  return first;
}

function coversTable(resource: Record<string, unknown>, databaseName: string | undefined, tableName: string | undefined): boolean {
  const tableResource = (resource.Table ?? resource.TableWithColumns) as Record<string, unknown> | undefined;
  if (tableResource) {
    if (tableResource.DatabaseName !== databaseName) return false;
    return tableResource.TableWildcard !== undefined || tableResource.Name === tableName || tableResource.Name === "ALL_TABLES";
  }
  return false;
}
