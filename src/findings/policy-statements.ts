import { isUndecodable, type PolicyDocument } from "../model/snapshot.js";
import { matchesWildcard } from "./wildcard.js";

/**
 * A light reading of policy statements for the checks rules make on policy text (trust,
 * bucket, key and SCP documents). Deciding access is the evaluator's work, so these helpers only
 * return which principals a statement names and whether it names an action.
 */
export interface PolicyStatement {
  /** 1-based position in the policy. */
  index: number;
  sid?: string;
  effect: "Allow" | "Deny";
  principal?: PrincipalBlock;
  hasNotPrincipal: boolean;
  actions: string[];
  notActions?: string[];
  condition?: Record<string, Record<string, unknown>>;
  raw: Record<string, unknown>;
}

/** The principals a statement names, by principal type. A bare `*` sets `anyone`. */
export interface PrincipalBlock {
  anyone: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

/** Reads the statements of a decodable policy document. An undecodable one has none to read. */
export function statementsOf(document: PolicyDocument | null | undefined): PolicyStatement[] {
  if (!document || isUndecodable(document)) return [];

  const raw = (document as Record<string, unknown>)["Statement"];
  let list: unknown[] = [];
  if (Array.isArray(raw)) list = raw;
  else if (raw && typeof raw === "object") list = [raw];

  return list
    .filter((statement): statement is Record<string, unknown> => !!statement && typeof statement === "object")
    .map((statement, position) => readStatement(statement, position + 1));
}

function readStatement(statement: Record<string, unknown>, index: number): PolicyStatement {
  const sid = typeof statement["Sid"] === "string" ? statement["Sid"] : undefined;
  const condition = statement["Condition"];
  return {
    index,
    ...(sid === undefined ? {} : { sid }),
    effect: statement["Effect"] === "Deny" ? "Deny" : "Allow",
    ...(statement["Principal"] === undefined ? {} : { principal: readPrincipal(statement["Principal"]) }),
    hasNotPrincipal: statement["NotPrincipal"] !== undefined,
    actions: strings(statement["Action"]),
    ...(statement["NotAction"] === undefined ? {} : { notActions: strings(statement["NotAction"]) }),
    ...(condition && typeof condition === "object" && Object.keys(condition).length > 0
      ? { condition: condition as Record<string, Record<string, unknown>> }
      : {}),
    raw: statement,
  };
}

function readPrincipal(value: unknown): PrincipalBlock {
  const block: PrincipalBlock = { anyone: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (value === "*") return { ...block, anyone: true };
  if (!value || typeof value !== "object") return block;

  const record = value as Record<string, unknown>;
  block.aws = strings(record["AWS"]);
  block.service = strings(record["Service"]);
  block.federated = strings(record["Federated"]);
  block.canonicalUser = strings(record["CanonicalUser"]);
  block.anyone = block.aws.includes("*");
  return block;
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** True when the statement's Action (or NotAction) covers the action, wildcards included. */
export function coversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.notActions) return !statement.notActions.some((pattern) => matchesWildcard(pattern, action, { ignoreCase: true }));
  return statement.actions.some((pattern) => matchesWildcard(pattern, action, { ignoreCase: true }));
}

/** Lists the condition keys a statement tests, lower-cased. */
export function conditionKeys(statement: PolicyStatement): string[] {
  return Object.values(statement.condition ?? {}).flatMap((block) => Object.keys(block ?? {}).map((key) => key.toLowerCase()));
}

/** Lists the values a statement's condition gives a key under any operator, as strings. */
export function conditionValues(statement: PolicyStatement, key: string): string[] {
  const wanted = key.toLowerCase();
  const values: string[] = [];
  for (const block of Object.values(statement.condition ?? {})) {
    for (const [name, value] of Object.entries(block ?? {})) {
      if (name.toLowerCase() === wanted) values.push(...strings(value));
    }
  }
  return values;
}

/** Condition keys that confine a principal to the organization, an account or named principals. */
export const CONFINING_CONDITION_KEYS = [
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalaccount",
  "aws:principalarn",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceowner",
  "aws:userid",
  "kms:calleraccount",
];

/** True when the statement tests a key that confines who may use it. */
export function isConfined(statement: PolicyStatement): boolean {
  return conditionKeys(statement).some((key) => CONFINING_CONDITION_KEYS.includes(key));
}
