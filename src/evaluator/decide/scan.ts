import type { PrincipalMatch } from "../match/principal.js";
import type { ActionEntry, Policy } from "../policy/compile.js";
import type { CompiledPolicy, StatementRef, UnresolvedCondition } from "../types.js";
import { either, NO, type Outcome } from "./outcome.js";
import { principalApplies, statementApplies, type StatementRequest } from "./statement.js";

/**
 * Scans groups of policies for one request. Deny statements that certainly apply, and the
 * unknown conditions of those that might (marked negated), collect in one `DenySink` per
 * request; each group's Allow outcome is returned per principal match. Nothing is allocated
 * for policies that have no statement for the action.
 */
export interface DenySink {
  denies: StatementRef[] | undefined;
  possibleDenies: UnresolvedCondition[] | undefined;
}

/** Allow outcomes per principal match; identity-type policies file everything under "none". */
export class AllowSet {
  none: Outcome | undefined = undefined;
  exact: Outcome | undefined = undefined;
  wildcard: Outcome | undefined = undefined;
  role: Outcome | undefined = undefined;
  account: Outcome | undefined = undefined;

  add(match: PrincipalMatch | "none", outcome: Outcome): void {
    const previous = this.get(match);
    const combined = previous ? either(previous, outcome) : outcome;
    switch (match) {
      case "none":
        this.none = combined;
        break;
      case "exact":
        this.exact = combined;
        break;
      case "wildcard":
        this.wildcard = combined;
        break;
      case "role":
        this.role = combined;
        break;
      case "account":
        this.account = combined;
        break;
    }
  }

  /** Returns the outcome for one kind of match. A switch keeps property access monomorphic. */
  get(match: PrincipalMatch | "none"): Outcome | undefined {
    switch (match) {
      case "none":
        return this.none;
      case "exact":
        return this.exact;
      case "wildcard":
        return this.wildcard;
      case "role":
        return this.role;
      case "account":
        return this.account;
    }
  }
}

export type Allows = AllowSet | undefined;

const ALL_MATCHES: readonly (PrincipalMatch | "none")[] = ["none", "exact", "wildcard", "role", "account"];

/** Scans the policies for the request's action and resource, adding their denies to `sink`. */
export function scanPolicies(policies: readonly CompiledPolicy[], request: StatementRequest, sink: DenySink): Allows {
  let allows: Allows;
  for (let p = 0; p < policies.length; p++) allows = scanPolicy(policies[p]!, request, sink, allows);
  return allows;
}

/** Scans one policy, adding its Allow outcomes to `allows` (created when first needed). */
export function scanPolicy(compiled: CompiledPolicy, request: StatementRequest, sink: DenySink, allows?: Allows): Allows {
  const entry = denyScan(compiled, request, sink);
  if (entry) {
    const allowStatements = entry.allow;
    for (let i = 0; i < allowStatements.length; i++) {
      const statement = allowStatements[i]!;
      const match = principalApplies(statement, request.principal);
      if (match === undefined) continue;
      const result = statementApplies(statement, request, true);
      if (result === false) continue;
      const outcome: Outcome = result === true ? statement.granted : { state: "if", statements: statement.granted.statements, conditions: result };
      allows ??= new AllowSet();
      allows.add(match, outcome);
    }
  }
  return allows;
}

/** Adds the policy's applicable Deny statements to `sink`; returns its entry for the Allow scan. */
function denyScan(compiled: CompiledPolicy, request: StatementRequest, sink: DenySink): ActionEntry | undefined {
  // Every CompiledPolicy comes from compilePolicy, which returns a Policy.
  const policy = compiled as Policy;
  // NOTE: an unreadable policy contributes nothing: its Denies are not applied and, in a
  // boundary or SCP level, the missing Allow denies. Its `problems` say so to the caller.
  if (!policy.usable) return undefined;
  const entry = policy.entryForTarget(request.target, request.actionLower, request.resource);
  if (entry.unconditional) return entry;

  const denyStatements = entry.deny;
  for (let i = 0; i < denyStatements.length; i++) {
    const statement = denyStatements[i]!;
    if (principalApplies(statement, request.principal) === undefined) continue;
    const result = statementApplies(statement, request, true);
    if (result === true) (sink.denies ??= []).push(statement.ref);
    else if (result !== false) for (const condition of result) (sink.possibleDenies ??= []).push({ ...condition, negated: true });
  }
  return entry;
}

/**
 * Scans policies whose Allow outcome does not depend on how the principal matched (identity,
 * boundary, session, SCPs, RCPs) and returns that outcome directly.
 */
export function scanOutcome(policies: readonly CompiledPolicy[], request: StatementRequest, sink: DenySink): Outcome {
  let outcome: Outcome = NO;
  for (let p = 0; p < policies.length; p++) outcome = scanOutcomeOf(policies[p]!, request, sink, outcome);
  return outcome;
}

/** Scans one policy into `outcome`, the Allow outcome of the policies scanned before it. */
export function scanOutcomeOf(policy: CompiledPolicy, request: StatementRequest, sink: DenySink, outcome: Outcome): Outcome {
  const entry = denyScan(policy, request, sink);
  if (!entry) return outcome;
  if (entry.unconditional) return outcome.state === "yes" ? outcome : entry.unconditional.granted;

  const allowStatements = entry.allow;
  for (let i = 0; i < allowStatements.length; i++) {
    // Once the outcome is certain, or a Deny already decides the request, more Allows change nothing.
    if (outcome.state === "yes" || sink.denies) break;
    const statement = allowStatements[i]!;
    if (principalApplies(statement, request.principal) === undefined) continue;
    const result = statementApplies(statement, request, true);
    if (result === false) continue;
    outcome = either(outcome, result === true ? statement.granted : { state: "if", statements: statement.granted.statements, conditions: result });
  }
  return outcome;
}

/** Combines the Allow outcomes of the given principal matches (all of them when none are named). */
export function allowOf(allows: Allows | null, matches?: readonly (PrincipalMatch | "none")[]): Outcome {
  if (!allows) return NO;
  const selected = matches ?? ALL_MATCHES;
  let outcome: Outcome = NO;
  for (let i = 0; i < selected.length; i++) {
    const allow = allows.get(selected[i]!);
    if (allow) outcome = either(outcome, allow);
  }
  return outcome;
}
