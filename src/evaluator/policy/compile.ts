import { serviceOfAction } from "../match/action.js";
import { actionSlot, lowerActionOf, serviceOfSlot } from "./action-slots.js";
import type { CompiledPolicy, PolicyProblem, PolicySource } from "../types.js";
import { compileStatement } from "./compile-statement.js";
import { decodeDocument } from "./decode.js";
import { targetGeneration } from "./target.js";
import { isRecord, memberPath } from "./parse-elements.js";
import { statementMatchesAction, statementMayMatchResource, type CompiledStatement } from "./statement.js";

/**
 * Compiling a whole policy: decode, check the grammar, compile every statement, and index the
 * statements by the service prefix of their actions so a request visits only candidates.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */

const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);
const TOP_LEVEL = new Set(["Version", "Id", "Statement"]);
const MAX_CACHED_ACTIONS = 50_000;
const MAX_CACHED_RESOURCES = 4_096;
/** Slots of each policy's recent-target cache; a power of two. */
const RECENT_SLOTS = 16;
const NO_STATEMENTS: readonly CompiledStatement[] = [];
/** Bits of a policy's per-action flags, set when the byte is computed, an Allow matches, a Deny matches. */
const FLAGS_KNOWN = 1;
const FLAGS_ALLOW = 2;
const FLAGS_DENY = 4;
const NO_FLAGS = new Uint8Array(0);

/** The statements of each effect that match one action. */
export interface ActionEntry {
  allow: readonly CompiledStatement[];
  deny: readonly CompiledStatement[];
  /** Per-resource narrowing of `allow` and `deny`, filled as resources are requested. */
  byResource: Map<string, ActionEntry> | undefined;
  /**
   * Set when the entry has no Deny and has an Allow that needs no principal, condition or
   * variable, because then the policy allows the request whatever the caller and context.
   */
  unconditional: CompiledStatement | undefined;
}

/** A compiled policy with its statement index; evaluation reads it through `statementsFor`. */
export class Policy implements CompiledPolicy {
  readonly source: PolicySource;
  readonly problems: readonly PolicyProblem[];
  readonly usable: boolean;
  readonly statements: readonly CompiledStatement[];
  private readonly byService = new Map<string, CompiledStatement[]>();
  private readonly anyService: CompiledStatement[] = [];
  // The caches below are created on first use, because the graph's pre-filter settles most
  // inline policies of a large organization without ever evaluating them.
  private byAction: Map<string, ActionEntry> | undefined;
  private byTarget: Map<number, ActionEntry> | undefined;
  /**
   * A small direct-mapped cache in front of `byTarget`: slot `target % RECENT_SLOTS` keeps the
   * target id at `2 * slot` and its entry at `2 * slot + 1`, side by side in memory.
   */
  private recent: (number | ActionEntry)[] | undefined;
  private targetGeneration = targetGeneration();
  /** Match flags per action slot (see `action-slots.ts`); zero until the slot is first queried. */
  private actionFlags = NO_FLAGS;

  constructor(source: PolicySource, statements: readonly CompiledStatement[], problems: readonly PolicyProblem[], usable: boolean) {
    this.source = source;
    this.statements = statements;
    this.problems = problems;
    this.usable = usable;
    for (const statement of statements) this.index(statement);
  }

  /**
   * Files the statement under each service its Action names, or under any service. Plain loops,
   * because a large organization compiles hundreds of thousands of statements.
   */
  private index(statement: CompiledStatement): void {
    const actions = statement.actions;
    if (!actions || actions.some((pattern) => pattern.service === "*")) {
      this.anyService.push(statement);
      return;
    }
    for (let index = 0; index < actions.length; index += 1) {
      const service = actions[index]!.service;
      if (appearsBefore(actions, index, service)) continue;
      let list = this.byService.get(service);
      if (!list) {
        list = [];
        this.byService.set(service, list);
      }
      list.push(statement);
    }
  }

  /** Returns the statements whose Action or NotAction covers the lower-case action, by effect. */
  entryFor(actionLower: string): ActionEntry {
    const byAction = (this.byAction ??= new Map());
    let entry = byAction.get(actionLower);
    if (!entry) {
      // Arbitrary action names can arrive; bound the cache rather than grow without limit.
      if (byAction.size >= MAX_CACHED_ACTIONS) byAction.clear();
      entry = this.buildEntry(actionLower);
      byAction.set(actionLower, entry);
    }
    return entry;
  }

  /**
   * Returns the statements that cover both the lower-case action and the resource. Only policy
   * variables are left to check per request. Who-can queries ask about the same resource for
   * many principals, so shared policies (SCPs, boundaries, bucket policies) match it once.
   */
  entryForResource(actionLower: string, resource: string): ActionEntry {
    const entry = this.entryFor(actionLower);
    if (entry.allow.length === 0 && entry.deny.length === 0) return entry;

    entry.byResource ??= new Map();
    let narrowed = entry.byResource.get(resource);
    if (!narrowed) {
      if (entry.byResource.size >= MAX_CACHED_RESOURCES) entry.byResource.clear();
      narrowed = entryOf(narrowList(entry.allow, resource), narrowList(entry.deny, resource), true);
      entry.byResource.set(resource, narrowed);
    }
    return narrowed;
  }

  /** `entryForResource` cached under the pair's id from `targetId`. */
  entryForTarget(target: number, actionLower: string, resource: string): ActionEntry {
    if (this.targetGeneration !== targetGeneration()) {
      this.byTarget = undefined;
      this.recent = undefined;
      this.targetGeneration = targetGeneration();
    }
    const recent = (this.recent ??= new Array<number | ActionEntry>(2 * RECENT_SLOTS).fill(-1));
    const slot = (target & (RECENT_SLOTS - 1)) << 1;
    if (recent[slot] === target) return recent[slot + 1] as ActionEntry;

    const byTarget = (this.byTarget ??= new Map());
    let entry = byTarget.get(target);
    if (!entry) {
      if (byTarget.size >= MAX_CACHED_RESOURCES * 4) byTarget.clear();
      entry = this.entryForResource(actionLower, resource);
      // Most policies match none of a request's actions, and the action cache finds those as
      // fast, so only entries with statements are kept per target.
      if (entry !== NO_ENTRY) byTarget.set(target, entry);
    }
    recent[slot] = target;
    recent[slot + 1] = entry;
    return entry;
  }

  /** Returns the statements of one effect whose Action or NotAction covers the lower-case action. */
  statementsFor(actionLower: string, effect: "Allow" | "Deny"): readonly CompiledStatement[] {
    const entry = this.entryFor(actionLower);
    return effect === "Allow" ? entry.allow : entry.deny;
  }

  private buildEntry(actionLower: string): ActionEntry {
    const candidates = [...(this.byService.get(serviceOfAction(actionLower)) ?? []), ...this.anyService];
    const matching = candidates.filter((statement) => statementMatchesAction(statement, actionLower));
    if (matching.length === 0) return NO_ENTRY;
    matching.sort((a, b) => a.ref.index - b.ref.index);
    const allow = matching.filter((statement) => statement.effect === "Allow");
    const deny = matching.filter((statement) => statement.effect === "Deny");
    return entryOf(allow.length ? allow : NO_STATEMENTS, deny.length ? deny : NO_STATEMENTS, false);
  }

  mayMatchAction(action: string, effect: "Allow" | "Deny", resource?: string): boolean {
    const slot = actionSlot(action);
    const actionLower = slot < 0 ? action.toLowerCase() : lowerActionOf(slot);
    if (!this.matchesAction(slot, actionLower, effect)) return false;
    if (resource === undefined) return true;

    // A loop rather than `some` with a closure: the graph build calls this millions of times.
    const statements = this.statementsFor(actionLower, effect);
    for (let index = 0; index < statements.length; index += 1) {
      if (statementMayMatchResource(statements[index]!, resource)) return true;
    }
    return false;
  }

  private matchesAction(slot: number, actionLower: string, effect: "Allow" | "Deny"): boolean {
    if (slot < 0) return this.statementsFor(actionLower, effect).length > 0;

    if (slot >= this.actionFlags.length) this.growFlags(slot);
    let flags = this.actionFlags[slot]!;
    if (flags === 0) {
      flags = FLAGS_KNOWN | this.flagsIn(this.byService.get(serviceOfSlot(slot)), actionLower) | this.flagsIn(this.anyService, actionLower);
      this.actionFlags[slot] = flags;
    }
    return (flags & (effect === "Allow" ? FLAGS_ALLOW : FLAGS_DENY)) !== 0;
  }

  private growFlags(slot: number): void {
    const grown = new Uint8Array(Math.max(64, (slot + 64) & ~63));
    grown.set(this.actionFlags);
    this.actionFlags = grown;
  }

  /**
   * Matches the action against candidate statements without caching an entry. Most policies
   * match none of the actions the graph queries, and an entry per pair would stay in the heap
   * for the whole build.
   */
  private flagsIn(statements: readonly CompiledStatement[] | undefined, actionLower: string): number {
    if (statements === undefined) return 0;
    let flags = 0;
    for (let index = 0; index < statements.length; index += 1) {
      const statement = statements[index]!;
      if (statementMatchesAction(statement, actionLower)) flags |= statement.effect === "Allow" ? FLAGS_ALLOW : FLAGS_DENY;
    }
    return flags;
  }
}

/**
 * The entry of an action no statement covers, shared by every policy: most actions the graph
 * decides match nothing in most policies, and thousands of policies each cache dozens.
 */
const NO_ENTRY: ActionEntry = Object.freeze({ allow: NO_STATEMENTS, deny: NO_STATEMENTS, byResource: undefined, unconditional: undefined });

function entryOf(allow: readonly CompiledStatement[], deny: readonly CompiledStatement[], resourceChecked: boolean): ActionEntry {
  const unconditional = resourceChecked && deny.length === 0 ? allow.find(isUnconditional) : undefined;
  return { allow, deny, byResource: undefined, unconditional };
}

function isUnconditional(statement: CompiledStatement): boolean {
  return statement.conditions.length === 0 && !statement.resourceTemplates && !statement.principal && !statement.notPrincipal;
}

function narrowList(statements: readonly CompiledStatement[], resource: string): readonly CompiledStatement[] {
  const narrowed = statements.filter((statement) => statementMayMatchResource(statement, resource));
  return narrowed.length > 0 ? narrowed : NO_STATEMENTS;
}

/**
 * Compiles a policy document given as an object, JSON text, URL-encoded JSON text or the
 * snapshot's undecodable record. Never throws, because any failure becomes a problem on an
 * unusable policy (the fuzz tests check this).
 */
export function compilePolicy(document: unknown, source: PolicySource): CompiledPolicy {
  try {
    return compileOrThrow(document, source);
  } catch (error) {
    return new Policy(source, [], [{ path: "$", message: `the document could not be compiled: ${String(error)}` }], false);
  }
}

function compileOrThrow(document: unknown, source: PolicySource): Policy {
  const decoded = decodeDocument(document);
  if ("problem" in decoded) return new Policy(source, [], [decoded.problem], false);

  const raw = decoded.document;
  const problems: PolicyProblem[] = [];
  for (const name of Object.keys(raw)) {
    if (!TOP_LEVEL.has(name)) problems.push({ path: memberPath("$", name), message: `unknown policy element "${name}"` });
  }

  const version = raw.Version;
  if (version !== undefined && (typeof version !== "string" || !VERSIONS.has(version))) {
    problems.push({ path: "$.Version", message: 'expected "2012-10-17" or "2008-10-17"' });
  }
  const variables = version === "2012-10-17";

  const rawStatements = raw.Statement;
  if (rawStatements === undefined || (!Array.isArray(rawStatements) && !isRecord(rawStatements))) {
    problems.push({ path: "$.Statement", message: "expected a statement object or an array of statements" });
    return new Policy(source, [], problems, true);
  }

  const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  const statements: CompiledStatement[] = [];
  list.forEach((item, position) => {
    const path = Array.isArray(rawStatements) ? `$.Statement[${position}]` : "$.Statement";
    const statement = compileStatement({ raw: item, path, index: position + 1, source, variables }, problems);
    if (statement) statements.push(statement);
  });
  return new Policy(source, statements, problems, true);
}

/** Returns the Policy behind a CompiledPolicy made by `compilePolicy`, or undefined for others. */
export function asPolicy(policy: CompiledPolicy): Policy | undefined {
  return policy instanceof Policy ? policy : undefined;
}

/** True when a pattern before `end` has the service; statements list few actions, so a scan is enough. */
function appearsBefore(patterns: readonly { service: string }[], end: number, service: string): boolean {
  for (let index = 0; index < end; index += 1) {
    if (patterns[index]!.service === service) return true;
  }
  return false;
}
