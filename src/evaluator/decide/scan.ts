import type { PrincipalMatch } from "../match/principal.js";
import { asPolicy } from "../policy/compile.js";
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
  denies: StatementRef[];
  possibleDenies: UnresolvedCondition[];
}

/** Allow outcomes per principal match; identity-type policies file everything under "none". */
export type Allows = Partial<Record<PrincipalMatch | "none", Outcome>> | undefined;

const ALL_MATCHES: readonly (PrincipalMatch | "none")[] = ["none", "exact", "wildcard", "role", "account"];

/** Scans the policies for the request's action and resource, adding their denies to `sink`. */
export function scanPolicies(policies: readonly CompiledPolicy[], request: StatementRequest, sink: DenySink): Allows {
  let allows: Allows;
  for (let p = 0; p < policies.length; p++) {
    const policy = asPolicy(policies[p]!);
    if (!policy || !policy.usable) continue;
    const entry = policy.entryForTarget(request.target, request.actionLower, request.resource);

    const denyStatements = entry.deny;
    for (let i = 0; i < denyStatements.length; i++) {
      const statement = denyStatements[i]!;
      if (principalApplies(statement, request.principal) === undefined) continue;
      const result = statementApplies(statement, request, true);
      if (result === true) sink.denies.push(statement.ref);
      else if (result !== false) for (const condition of result) sink.possibleDenies.push({ ...condition, negated: true });
    }

    const allowStatements = entry.allow;
    for (let i = 0; i < allowStatements.length; i++) {
      const statement = allowStatements[i]!;
      const match = principalApplies(statement, request.principal);
      if (match === undefined) continue;
      const result = statementApplies(statement, request, true);
      if (result === false) continue;
      const outcome: Outcome = result === true ? statement.granted : { state: "if", statements: statement.granted.statements, conditions: result };
      allows ??= {};
      const previous = allows[match];
      allows[match] = previous ? either(previous, outcome) : outcome;
    }
  }
  return allows;
}

/** The Allow outcome over the given principal matches (all of them when none are named). */
export function allowOf(allows: Allows | null, matches?: readonly (PrincipalMatch | "none")[]): Outcome {
  if (!allows) return NO;
  const wanted = matches ?? ALL_MATCHES;
  let outcome: Outcome = NO;
  for (let i = 0; i < wanted.length; i++) {
    const allow = allows[wanted[i]!];
    if (allow) outcome = either(outcome, allow);
  }
  return outcome;
}
