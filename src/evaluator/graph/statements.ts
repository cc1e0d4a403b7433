import type { StatementRef } from "../types.js";

/** Statements without repeats: one statement often permits several actions of a hop. */
export function uniqueStatements(statements: readonly StatementRef[]): StatementRef[] {
  const seen = new Set<string>();
  return statements.filter((statement) => {
    const key = `${statement.policy.type}|${statement.policy.id}|${statement.index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
