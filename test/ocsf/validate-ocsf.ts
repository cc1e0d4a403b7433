/**
 * Checks OCSF records against the OCSF 1.1.0 definitions committed beside this file: required
 * attributes present, every attribute defined, values of the declared type, enum values in
 * range. Returns one message per problem, each with the JSON path of the value at fault.
 */
import { readFileSync } from "node:fs";

interface AttributeDefinition {
  requirement: "required" | "recommended" | "optional";
  type: string;
  is_array?: boolean;
  enum?: string[];
  object?: string;
}

interface ObjectDefinition {
  attributes: Record<string, AttributeDefinition>;
  at_least_one?: string[];
}

interface Definitions {
  ocsfVersion: string;
  classes: Record<string, ObjectDefinition & { uid: number; category_uid: number }>;
  objects: Record<string, ObjectDefinition>;
  types: Record<string, "integer" | "string" | "object" | "any">;
}

export const OCSF_DEFINITIONS = JSON.parse(
  readFileSync(new URL("./ocsf-1.1.0/definitions.json", import.meta.url), "utf8"),
) as Definitions;

/** Validates one record of the named class; an empty list means it conforms. */
export function validateRecord(record: unknown, className: string): string[] {
  const definition = OCSF_DEFINITIONS.classes[className];
  if (definition === undefined) {
    return [`no definition for class ${className}`];
  }
  const problems = validateObject(record, definition, "$");
  const typed = record as { class_uid?: unknown; activity_id?: unknown; type_uid?: unknown };
  if (typeof typed.class_uid === "number" && typeof typed.activity_id === "number" && typed.type_uid !== typed.class_uid * 100 + typed.activity_id) {
    problems.push("$.type_uid: expected class_uid * 100 + activity_id");
  }
  return problems;
}

function validateObject(value: unknown, definition: ObjectDefinition, path: string): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [`${path}: expected an object`];
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];

  for (const [name, attribute] of Object.entries(definition.attributes)) {
    if (attribute.requirement === "required" && record[name] === undefined) {
      problems.push(`${path}.${name}: required attribute missing`);
    }
  }
  for (const [name, item] of Object.entries(record)) {
    const attribute = definition.attributes[name];
    if (attribute === undefined) {
      problems.push(`${path}.${name}: not an attribute of this class or object`);
      continue;
    }
    problems.push(...validateAttribute(item, attribute, `${path}.${name}`));
  }
  if (definition.at_least_one !== undefined && !definition.at_least_one.some((name) => record[name] !== undefined)) {
    problems.push(`${path}: expected at least one of ${definition.at_least_one.join(", ")}`);
  }
  return problems;
}

function validateAttribute(value: unknown, attribute: AttributeDefinition, path: string): string[] {
  if (attribute.is_array === true) {
    if (!Array.isArray(value)) {
      return [`${path}: expected an array`];
    }
    return value.flatMap((item, index) => validateScalar(item, attribute, `${path}[${index}]`));
  }
  return validateScalar(value, attribute, path);
}

function validateScalar(value: unknown, attribute: AttributeDefinition, path: string): string[] {
  const kind = OCSF_DEFINITIONS.types[attribute.type];
  if (kind === undefined) {
    return [`${path}: type ${attribute.type} is not in the definitions`];
  }
  if (kind === "integer" && !Number.isInteger(value)) {
    return [`${path}: expected an integer (${attribute.type})`];
  }
  if (kind === "string" && typeof value !== "string") {
    return [`${path}: expected a string (${attribute.type})`];
  }
  if (kind === "object") {
    const object = attribute.object === undefined ? undefined : OCSF_DEFINITIONS.objects[attribute.object];
    if (object !== undefined) {
      return validateObject(value, object, path);
    }
    return value !== null && typeof value === "object" ? [] : [`${path}: expected an object`];
  }
  if (attribute.enum !== undefined && !attribute.enum.includes(String(value))) {
    return [`${path}: ${String(value)} is not one of ${attribute.enum.join(", ")}`];
  }
  return [];
}
