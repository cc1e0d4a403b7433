import { z } from "zod";
import type { KmsKey } from "../../model/snapshot.js";
import { defineCommand, paramOf, policyAt, type CommandParser, type FileTarget, regionOf } from "../command.js";

// KMS key files are named by key id; with the folder's account and Region the id gives the ARN.
const common = { service: "kms", iamPrefix: "kms", scope: "regional", takesParam: true } as const;

const getKeyPolicy = defineCommand({
  ...common,
  command: "get-key-policy",
  operation: "GetKeyPolicy",
  schema: z.looseObject({ Policy: z.string() }),
  apply(output, target) {
    keyOf(target).policy = policyAt(output.Policy, target, "$.Policy");
  },
});

const describeKey = defineCommand({
  ...common,
  command: "describe-key",
  operation: "DescribeKey",
  schema: z.looseObject({
    KeyMetadata: z.looseObject({
      KeyId: z.string(),
      Arn: z.string().optional(),
      KeyManager: z.enum(["AWS", "CUSTOMER"]).optional(),
      KeyState: z.string().optional(),
    }),
  }),
  apply(output, target) {
    const key = keyOf(target);
    const metadata = output.KeyMetadata;
    if (metadata.Arn !== undefined) key.arn = metadata.Arn;
    if (metadata.KeyManager !== undefined) key.keyManager = metadata.KeyManager;
    if (metadata.KeyState !== undefined) key.keyState = metadata.KeyState;
  },
});

const listGrants = defineCommand({
  ...common,
  command: "list-grants",
  operation: "ListGrants",
  schema: z.looseObject({
    Grants: z.array(
      z.looseObject({
        GrantId: z.string(),
        Name: z.string().optional(),
        GranteePrincipal: z.string(),
        RetiringPrincipal: z.string().optional(),
        IssuingAccount: z.string().optional(),
        Operations: z.array(z.string()),
        Constraints: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  }),
  apply(output, target) {
    keyOf(target).grants = output.Grants.map((grant) => {
      const converted: NonNullable<KmsKey["grants"]>[number] = {
        grantId: grant.GrantId,
        granteePrincipal: grant.GranteePrincipal,
        operations: [...grant.Operations].sort(),
      };
      // KMS prints an empty name for grants created without one.
      if (grant.Name) converted.name = grant.Name;
      if (grant.RetiringPrincipal !== undefined) converted.retiringPrincipal = grant.RetiringPrincipal;
      if (grant.IssuingAccount !== undefined) converted.issuingAccount = grant.IssuingAccount;
      if (grant.Constraints !== undefined) converted.constraints = grant.Constraints;
      return converted;
    });
  },
  isEmpty: (output) => output.Grants.length === 0,
});

/** The KMS commands of the layout. */
export const KMS_COMMANDS: CommandParser[] = [getKeyPolicy, describeKey, listGrants];

function keyOf(target: FileTarget): KmsKey {
  return regionOf(target).kmsKey(paramOf(target), target.accountId, target.partition);
}
