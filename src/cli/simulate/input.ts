import { z } from "zod";
import { describeIssue } from "../../model/load.js";
import { inputError } from "../../shared/errors.js";

/**
 * The input of `lakewarden simulate --cli-input-json`: the fields of
 * `aws iam simulate-custom-policy --cli-input-json`, plus SCP and RCP levels (organization root
 * first, account last), a session policy and the management account id.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */

const CONTEXT_KEY_TYPES = [
  "string", "stringList", "numeric", "numericList", "boolean", "booleanList",
  "ip", "ipList", "binary", "binaryList", "date", "dateList",
] as const;

const policyText = z.string().min(1, "expected a policy document as JSON text");
const levels = z.array(z.array(policyText));

export const simulateInputSchema = z
  .object({
    PolicyInputList: z.array(policyText).default([]),
    PermissionsBoundaryPolicyInputList: z.array(policyText).max(1, "expected at most one permissions boundary").optional(),
    ActionNames: z.array(z.string().min(1)).min(1, "expected at least one action name"),
    ResourceArns: z.array(z.string().min(1)).optional(),
    ResourcePolicy: policyText.optional(),
    ResourceOwner: z.string().regex(/^(\d{12}|arn:[^:]+:iam::\d{12}:root)$/, "expected an account id or an account root ARN").optional(),
    CallerArn: z.string().min(1).optional(),
    ContextEntries: z
      .array(
        z
          .object({
            ContextKeyName: z.string().min(1),
            ContextKeyValues: z.array(z.string()),
            ContextKeyType: z.enum(CONTEXT_KEY_TYPES),
          })
          .strict(),
      )
      .optional(),
    ResourceHandlingOption: z.string().optional(),
    MaxItems: z.number().int().positive().optional(),
    Marker: z.string().optional(),
    ServiceControlPolicyLevels: levels.optional(),
    ResourceControlPolicyLevels: levels.optional(),
    SessionPolicy: policyText.optional(),
    ManagementAccountId: z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id").optional(),
  })
  .strict();

export type SimulateInput = z.infer<typeof simulateInputSchema>;

/** Validates parsed JSON as simulator input; `file` names it in errors. */
export function parseSimulateInput(value: unknown, file: string): SimulateInput {
  const result = simulateInputSchema.safeParse(value);
  if (!result.success) {
    const { field, problem } = describeIssue(result.error);
    throw inputError("invalidSimulateInput", file, field, problem);
  }
  return result.data;
}
