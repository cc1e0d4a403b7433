import { compileCondition, type CompiledCondition } from "../conditions/condition.js";
import { buildPrincipalSpec, type PrincipalSpec } from "../match/principal.js";
import type { PolicySource, PolicyType } from "../types.js";
import { isRecord, memberPath, readStrings, type Problems } from "./parse-elements.js";
import { actionPatternOf, resourcePatternOf } from "./pattern-cache.js";
import type { CompiledStatement } from "./statement.js";

/**
 * Parses and compiles one statement. A statement with a fatal problem (no valid Effect, no
 * action element) is dropped and its problem kept; lesser problems are recorded and the
 * statement still evaluates what it can.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */

const ELEMENTS = new Set(["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"]);
const PRINCIPAL_TYPES: ReadonlySet<PolicyType> = new Set(["resource", "trust", "key", "rcp"]);
const NO_PRINCIPAL_TYPES: ReadonlySet<PolicyType> = new Set(["identity", "boundary", "session", "scp"]);
const PRINCIPAL_KEYS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);

export interface StatementInput {
  raw: unknown;
  path: string;
  index: number;
  source: PolicySource;
  variables: boolean;
}

export function compileStatement(input: StatementInput, problems: Problems): CompiledStatement | undefined {
  const { raw, path, source } = input;
  if (!isRecord(raw)) {
    problems.push({ path, message: "expected a statement object" });
    return undefined;
  }
  for (const name of Object.keys(raw)) {
    if (!ELEMENTS.has(name)) problems.push({ path: memberPath(path, name), message: `unknown policy element "${name}"` });
  }

  const effect = raw.Effect;
  if (effect !== "Allow" && effect !== "Deny") {
    problems.push({ path: `${path}.Effect`, message: 'expected "Allow" or "Deny"' });
    return undefined;
  }
  const sid = typeof raw.Sid === "string" ? raw.Sid : undefined;
  if (raw.Sid !== undefined && sid === undefined) problems.push({ path: `${path}.Sid`, message: "expected a string" });

  const actionElements = readPair(raw, "Action", "NotAction", path, problems);
  if (!actionElements) {
    problems.push({ path, message: "expected exactly one of Action and NotAction" });
    return undefined;
  }
  const patterns = actionElements.values.map(actionPatternOf);
  if (source.type === "rcp" && actionElements.negated) {
    problems.push({ path: `${path}.NotAction`, message: "a resource control policy cannot use NotAction" });
  }

  const ref = { policy: source, ...(sid !== undefined ? { sid } : {}), index: input.index, effect };
  const statement: Partial<Record<keyof CompiledStatement, unknown>> = {
    ref,
    granted: { state: "yes", statements: [ref], conditions: undefined },
    actions: undefined,
    notActions: undefined,
    effect,
    [actionElements.negated ? "notActions" : "actions"]: patterns,
    conditions: compileConditions(raw.Condition, `${path}.Condition`, input.variables, problems),
  };

  const resources = readPair(raw, "Resource", "NotResource", path, problems);
  statement.resourceTemplates = false;
  if (resources) {
    const patterns = resources.values.map((text) => resourcePatternOf(text, input.variables));
    statement[resources.negated ? "notResources" : "resources"] = patterns;
    statement.resourceTemplates = patterns.some((pattern) => pattern.template !== undefined);
  } else if (raw.Resource === undefined && raw.NotResource === undefined && source.type !== "trust") {
    problems.push({ path, message: "expected Resource or NotResource" });
  }

  readPrincipals(raw, path, source.type, problems, statement);
  return withFixedShape(statement as unknown as CompiledStatement);
}

/**
 * Rebuilds the statement with every field present in one order, so that all statements share
 * one hidden class and the evaluation loops stay monomorphic.
 */
function withFixedShape(statement: CompiledStatement): CompiledStatement {
  return {
    ref: statement.ref,
    effect: statement.effect,
    actions: statement.actions,
    notActions: statement.notActions,
    resources: statement.resources,
    notResources: statement.notResources,
    resourceTemplates: statement.resourceTemplates,
    principal: statement.principal,
    notPrincipal: statement.notPrincipal,
    conditions: statement.conditions,
    granted: statement.granted,
  };
}

function readPair(raw: Record<string, unknown>, name: string, negatedName: string, path: string, problems: Problems): { negated: boolean; values: string[] } | undefined {
  const positive = raw[name];
  const negative = raw[negatedName];
  if (positive !== undefined && negative !== undefined) {
    problems.push({ path, message: `${name} and ${negatedName} cannot both appear` });
    return undefined;
  }
  if (positive === undefined && negative === undefined) return undefined;

  const negated = positive === undefined;
  const values = readStrings(negated ? negative : positive, () => `${path}.${negated ? negatedName : name}`, problems);
  return values ? { negated, values } : undefined;
}

function compileConditions(raw: unknown, path: string, variables: boolean, problems: Problems): CompiledCondition[] {
  if (raw === undefined) return [];
  if (!isRecord(raw)) {
    problems.push({ path, message: "expected an object of condition operators" });
    return [];
  }

  const conditions: CompiledCondition[] = [];
  for (const [operator, block] of Object.entries(raw)) {
    const operatorPath = memberPath(path, operator);
    if (!isRecord(block)) {
      problems.push({ path: operatorPath, message: "expected an object of condition keys" });
      continue;
    }
    for (const [key, value] of Object.entries(block)) {
      const keyPath = memberPath(operatorPath, key);
      const values = readStrings(value, keyPath, problems) ?? [];
      const condition = compileCondition(operator, key, values, variables);
      if (condition) {
        conditions.push(condition);
        continue;
      }
      problems.push({ path: operatorPath, message: `unknown condition operator "${operator}"; the statement cannot match` });
      conditions.push(NEVER_TRUE);
    }
  }
  return conditions;
}

/** Stands in for a condition with an unknown operator, which never holds. */
const NEVER_TRUE: CompiledCondition = compileCondition("StringEquals", "lakewarden:invalid-operator", [], false)!;

function readPrincipals(
  raw: Record<string, unknown>,
  path: string,
  type: PolicyType,
  problems: Problems,
  statement: Partial<Record<keyof CompiledStatement, unknown>>,
): void {
  const hasAny = raw.Principal !== undefined || raw.NotPrincipal !== undefined;
  if (hasAny && NO_PRINCIPAL_TYPES.has(type)) {
    problems.push({ path, message: `${/^[aeiou]/.test(type) ? "an" : "a"} ${type} policy cannot name a Principal; the element is ignored` });
    return;
  }
  if (!hasAny) {
    if (PRINCIPAL_TYPES.has(type)) {
      problems.push({ path, message: "expected Principal or NotPrincipal; the statement matches no caller" });
      statement.principal = buildPrincipalSpec([]);
    }
    return;
  }
  if (raw.Principal !== undefined && raw.NotPrincipal !== undefined) {
    problems.push({ path, message: "Principal and NotPrincipal cannot both appear; the statement matches no caller" });
    statement.principal = buildPrincipalSpec([]);
    return;
  }

  const negated = raw.Principal === undefined;
  const name = negated ? "NotPrincipal" : "Principal";
  statement[negated ? "notPrincipal" : "principal"] = readPrincipal(raw[name], `${path}.${name}`, problems);
  if (type === "rcp" && raw.Principal !== "*") {
    // RCPs accept only Principal "*"; the statement is still evaluated as written.
    problems.push({ path: `${path}.${name}`, message: 'a resource control policy must use "Principal": "*"' });
  }
}

function readPrincipal(value: unknown, path: string, problems: Problems): PrincipalSpec {
  if (value === "*") return buildPrincipalSpec([{ kind: "*", value: "*" }]);
  if (!isRecord(value)) {
    problems.push({ path, message: 'expected "*" or an object such as {"AWS": [...]}' });
    return buildPrincipalSpec([]);
  }

  const values: { kind: string; value: string }[] = [];
  for (const [kind, raw] of Object.entries(value)) {
    const kindPath = memberPath(path, kind);
    if (!PRINCIPAL_KEYS.has(kind)) {
      problems.push({ path: kindPath, message: `unknown principal type "${kind}"` });
      continue;
    }
    for (const item of readStrings(raw, kindPath, problems) ?? []) values.push({ kind, value: item });
  }
  return buildPrincipalSpec(values);
}
