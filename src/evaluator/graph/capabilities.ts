import { z } from "zod";
import { inputError } from "../../shared/errors.js";

/**
 * Capabilities as data: the schema of policies/capabilities.yaml and its validation. Reading
 * the file is the caller's job (the evaluator does no I/O); this module receives parsed YAML.
 */

/** Kinds of lake resource a requirement can name; the graph resolves each from the snapshot. */
export const RESOURCE_KINDS = [
  "lakeBucket",
  "lakeObject",
  "lakeKey",
  "glueCatalog",
  "glueDatabase",
  "glueTable",
  "dataLake",
  "subscriber",
  "trail",
  "athenaWorkGroup",
  "athenaResults",
  "account",
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const actionName = z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9*?]+$/, "expected an IAM action such as s3:GetObject");

const actionRequirementSchema = z
  .object({
    actions: z.array(actionName).min(1),
    on: z.enum(RESOURCE_KINDS),
    /** Holds only where the lake has a customer managed key (a missing key is not a pass). */
    needsKey: z.boolean().optional(),
    /**
     * Context keys the request carries, such as `kms:ViaService` for a decrypt made by S3.
     * Values may use `{region}`, `{account}` and `{bucket}` (the lake bucket ARN).
     */
    context: z.record(z.string(), z.string()).optional(),
  })
  .strict();

const lakeFormationRequirementSchema = z
  .object({
    lakeFormation: z.enum(["SELECT", "ADMIN"]),
    on: z.enum(RESOURCE_KINDS).optional(),
  })
  .strict();

const requirementSchema = z.union([actionRequirementSchema, lakeFormationRequirementSchema]);

const alternativeSchema = z.object({ id: z.string().min(1), allOf: z.array(requirementSchema).min(1) }).strict();

const directCapabilitySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9.-]*$/, "expected a lower-case capability id such as lake.read"),
    title: z.string().min(1),
    description: z.string().min(1),
    anyOf: z.array(alternativeSchema).min(1),
  })
  .strict();

const derivedCapabilitySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9.-]*$/),
    title: z.string().min(1),
    description: z.string().min(1),
    /** Held by a principal that reaches one of these only through another principal. */
    derivedFrom: z.array(z.string()).min(1),
  })
  .strict();

export const capabilitiesFileSchema = z
  .object({
    /** Context every request carries (AWS SDKs and the console sign over TLS). */
    defaultContext: z.record(z.string(), z.string()).optional(),
    capabilities: z.array(z.union([directCapabilitySchema, derivedCapabilitySchema])).min(1),
  })
  .strict();

export type ActionRequirement = z.infer<typeof actionRequirementSchema>;
export type LakeFormationRequirement = z.infer<typeof lakeFormationRequirementSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type CapabilityAlternative = z.infer<typeof alternativeSchema>;
export type DirectCapability = z.infer<typeof directCapabilitySchema>;
export type DerivedCapability = z.infer<typeof derivedCapabilitySchema>;
export type CapabilityDefinition = DirectCapability | DerivedCapability;

/** The validated capability catalogue: direct capabilities first, then derived ones. */
export interface CapabilityCatalog {
  direct: readonly DirectCapability[];
  derived: readonly DerivedCapability[];
  defaultContext?: Readonly<Record<string, string>>;
}

export function isDerived(definition: CapabilityDefinition): definition is DerivedCapability {
  return "derivedFrom" in definition;
}

/**
 * Validates parsed capabilities YAML. `file` names the source in errors, which carry the JSON
 * path of the first problem; ids must be unique and `derivedFrom` must name direct capabilities.
 */
export function parseCapabilities(value: unknown, file: string): CapabilityCatalog {
  const result = capabilitiesFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = "$" + (issue?.path ?? []).map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
    throw inputError("invalidYaml", file, field, issue?.message ?? "invalid");
  }

  const seen = new Set<string>();
  const direct: DirectCapability[] = [];
  const derived: DerivedCapability[] = [];
  result.data.capabilities.forEach((definition, index) => {
    if (seen.has(definition.id)) {
      throw inputError("invalidYaml", file, `$.capabilities[${index}].id`, `duplicate capability id "${definition.id}"`);
    }
    seen.add(definition.id);
    if (isDerived(definition)) derived.push(definition);
    else direct.push(definition);
  });

  const directIds = new Set(direct.map((definition) => definition.id));
  for (const definition of derived) {
    const unknown = definition.derivedFrom.find((id) => !directIds.has(id));
    if (unknown !== undefined) {
      const index = result.data.capabilities.indexOf(definition);
      throw inputError("invalidYaml", file, `$.capabilities[${index}].derivedFrom`, `"${unknown}" is not a direct capability`);
    }
  }
  return { direct, derived, defaultContext: result.data.defaultContext };
}
