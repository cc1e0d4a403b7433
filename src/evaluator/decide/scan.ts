import type { PrincipalMatch } from "../match/principal.js";
import { asPolicy } from "../policy/compile.js";
import type { CompiledPolicy, StatementRef, UnresolvedCondition } from "../types.js";
import { either, NO, type Outcome } from "./outcome.js";
import { principalApplies, statementApplies, type StatementRequest } from "./statement.js";

/**
 * Scans a group of policies for one request: the Deny statements that certainly apply, the
 * ones that might (their unknown conditions, marked negated), and the Allow outcome grouped by
 * how the principal matched.
 */
export interface Scan {
  denies: StatementRef[];
  possibleDenies: UnresolvedCondition[];
  /** Allow outcome per principal match; identity-type policies file everything under "none". */
  allows: Map<PrincipalMatch | "none", Outcome>;
}

export function emptyScan(): Scan {
  return { denies: [], possibleDenies: [], allows: new Map() };
}

/** Adds the policies' statements for the lower-case action to `scan`. */
export function scanPolicies(policies: readonly CompiledPolicy[], actionLower: string, request: StatementRequest, scan: Scan): Scan {
  for (const compiled of policies) {
    const policy = asPolicy(compiled);
    if (!policy || !policy.usable) continue;

    for (const statement of policy.statementsFor(actionLower, "Deny")) {
      if (principalApplies(statement, request.principal) === undefined) continue;
      const result = statementApplies(statement, request);
      if (result === true) scan.denies.push(statement.ref);
      else if (result !== false) scan.possibleDenies.push(...result.map((condition) => ({ ...condition, negated: true })));
    }

    for (const statement of policy.statementsFor(actionLower, "Allow")) {
      const match = principalApplies(statement, request.principal);
      if (match === undefined) continue;
      const result = statementApplies(statement, request);
      if (result === false) continue;
      const outcome: Outcome = result === true ? { state: "yes", statements: [statement.ref] } : { state: "if", statements: [statement.ref], conditions: result };
      scan.allows.set(match, either(scan.allows.get(match) ?? NO, outcome));
    }
  }
  return scan;
}

/** The Allow outcome over the given principal matches (all of them when none are named). */
export function allowOf(scan: Scan, matches?: readonly (PrincipalMatch | "none")[]): Outcome {
  let outcome: Outcome = NO;
  for (const [match, allow] of scan.allows) {
    if (!matches || matches.includes(match)) outcome = either(outcome, allow);
  }
  return outcome;
}
