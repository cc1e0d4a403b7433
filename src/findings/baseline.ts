import { z } from "zod";
import { parseYamlInput, readInputFile } from "./yaml-input.js";

/**
 * The organization's approved state: who may hold each lake capability, which subscribers and
 * external accounts are expected, and the lake settings it requires. docs/baseline.md
 * documents the format.
 */
export const BASELINE_VERSION = 1;

/** Capabilities a baseline can approve principals for, as in policies/capabilities.yaml. */
export const APPROVABLE_CAPABILITIES = [
  "lake.read",
  "lake.tamper",
  "lake.administer",
  "lake.blind",
  "subscriber.manage",
  "lf.grant",
] as const;

const accountId = z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id (quote it in YAML)");
const principalPatterns = z.array(z.string().min(1));

const approvedPrincipalsSchema = z
  .object(Object.fromEntries(APPROVABLE_CAPABILITIES.map((capability) => [capability, principalPatterns.optional()])))
  .strict();

export const baselineSchema = z
  .object({
    version: z.literal(BASELINE_VERSION),
    delegatedAdministrator: accountId.optional(),
    lake: z
      .object({
        minimumRetentionDays: z.number().int().positive().optional(),
        requireCustomerManagedKey: z.boolean().optional(),
      })
      .strict()
      .optional(),
    approvedSubscribers: z
      .array(
        z
          .object({
            accountId,
            name: z.string().optional(),
            accessTypes: z.array(z.enum(["S3", "LAKEFORMATION"])).optional(),
            sources: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .optional(),
    approvedPrincipals: approvedPrincipalsSchema.optional(),
    allowedExternalAccounts: z
      .array(z.object({ accountId, name: z.string().optional() }).strict())
      .optional(),
    allowedNotificationDomains: z
      .array(z.string().regex(/^[a-z0-9.-]+$/i, "expected a domain name such as siem.example.com"))
      .optional(),
  })
  .strict();

export type Baseline = z.infer<typeof baselineSchema>;
export type ApprovableCapability = (typeof APPROVABLE_CAPABILITIES)[number];

/** Parses and validates baseline text; `file` names it in errors. */
export function parseBaseline(text: string, file: string): Baseline {
  return parseYamlInput(text, file, baselineSchema, "invalidBaseline");
}

/** Reads and validates a baseline file (`--baseline`). */
export async function loadBaseline(file: string): Promise<Baseline> {
  return parseBaseline(await readInputFile(file), file);
}

/** The approved principal patterns for a capability, or undefined when the baseline says nothing. */
export function approvedPatterns(baseline: Baseline | undefined, capability: string): readonly string[] | undefined {
  const approved = baseline?.approvedPrincipals as Record<string, string[] | undefined> | undefined;
  return approved?.[capability];
}
