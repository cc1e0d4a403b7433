import type { CapabilityGrant, PathStep } from "../evaluator/access.js";
import type { CompiledPolicy, PolicyProblem, StatementRef, UnresolvedCondition } from "../evaluator/types.js";

/**
 * Text rendering of capability grants for who-can and can-what: one block per principal with
 * its decision and the path hop by hop, each hop with the statements that permit it, the
 * conditions an `allowedIf` hop needs, and the outside facts it requires.
 */

/** A statement as the text output names it: policy type, name and ARN, index and Sid. */
export function formatStatement(statement: StatementRef): string {
  const name = statement.policy.name && statement.policy.name !== statement.policy.id ? `${statement.policy.name} (${statement.policy.id})` : statement.policy.id;
  const sid = statement.sid ? `, Sid ${statement.sid}` : "";
  return `${statement.policy.type} policy ${name}, statement ${statement.index}${sid}`;
}

/** A condition and the statement that carries it. */
export function formatCondition(condition: UnresolvedCondition): string {
  const policy = condition.statement.policy;
  const sid = condition.statement.sid ? ` ${condition.statement.sid}` : "";
  return `${condition.operator} ${condition.key} ${JSON.stringify(condition.values)} (${policy.type} policy ${policy.name ?? policy.id}, statement ${condition.statement.index}${sid})`;
}

function formatStep(step: PathStep, index: number): string[] {
  const lines = [`  ${index + 1}. ${step.description} [${step.edge}]`];
  for (const statement of step.statements) lines.push(`       permitted by: ${formatStatement(statement)}`);
  for (const condition of step.conditions ?? []) lines.push(`       only if: ${formatCondition(condition)}`);
  for (const fact of step.requires ?? []) lines.push(`       requires: ${fact}`);
  return lines;
}

/** Formats one grant: the principal line, then the numbered path. */
export function formatGrant(grant: CapabilityGrant, withCapability: boolean): string {
  const principal = grant.principal;
  const where = principal.accountId ? `, ${principal.accountId}` : "";
  const outside = principal.inOrganization ? "" : ", outside the organization";
  const decision = decisionText(grant.decision);
  const head = withCapability ? `${grant.capability}: ${decision}` : `${principal.id} (${principal.kind}${where}${outside}): ${decision}`;
  const others = grant.otherRoutes && grant.otherRoutes.length > 0 ? [`  other routes start at: ${grant.otherRoutes.join(", ")}`] : [];
  return [head, ...grant.path.flatMap(formatStep), ...others].join("\n");
}

/** Formats a heading with counts by decision, then every grant. */
export function formatGrants(title: string, grants: readonly CapabilityGrant[], withCapability: boolean, notes: readonly string[]): string {
  const allowed = grants.filter((grant) => grant.decision === "allowed").length;
  const lines = [`${title}: ${grants.length} (${allowed} allowed, ${grants.length - allowed} conditional)`, ...notes.map((note) => `note: ${note}`), ""];
  for (const grant of grants) lines.push(formatGrant(grant, withCapability), "");
  return lines.join("\n");
}

/** The note printed when the snapshot has no Security Lake and `*` stood for the lake. */
export const FALLBACK_NOTE = "the snapshot has no Security Lake, so capabilities were checked on any resource (*)";

/** Builds the notes of a query's output: the IAM-only fallback, and policies the graph could not fully read. */
export function queryNotes(graph: { fallback: boolean; flawedPolicies: readonly CompiledPolicy[] }, withFallback: boolean): string[] {
  const notes = withFallback && graph.fallback ? [FALLBACK_NOTE] : [];
  const flawed = graph.flawedPolicies;
  if (flawed.length > 0) {
    const first = flawed[0]!;
    const more = flawed.length > 1 ? ` and ${flawed.length - 1} more` : "";
    const [subject, owner] = flawed.length === 1 ? ["1 policy breaks", "its"] : [`${flawed.length} policies break`, "their"];
    notes.push(`${subject} the policy grammar or could not be read (${first.source.id}${more}). What ${owner} broken statements grant or deny is left out; \`lakewarden audit\` lists each under coverage.`);
  }
  return notes;
}

/** Lists the policies a query could not fully read, for `--json` output. */
export function flawedPoliciesJson(policies: readonly CompiledPolicy[]): { id: string; type: string; problems: readonly PolicyProblem[] }[] {
  return policies.map((policy) => ({ id: policy.source.id, type: policy.source.type, problems: policy.problems }));
}

/** Returns a decision's name as the report shows it. `allowedIf` keeps its JSON name beside the word. */
function decisionText(decision: string): string {
  return decision === "allowedIf" ? "conditional (allowedIf)" : decision;
}
