import type { EscalationMethod } from "./context.js";
import { CREDENTIAL_TAKEOVER_METHODS } from "./credentials.js";
import { EXISTING_RESOURCE_METHODS } from "./existing-resources.js";
import { PASS_ROLE_METHODS } from "./pass-role.js";
import { POLICY_EDIT_METHODS } from "./policy-edits.js";
import { SECURITY_LAKE_METHODS } from "./security-lake.js";

/** Every escalation method the graph builds edges for; one builder each. */
export const ESCALATION_METHODS: readonly EscalationMethod[] = [
  ...PASS_ROLE_METHODS,
  ...POLICY_EDIT_METHODS,
  ...CREDENTIAL_TAKEOVER_METHODS,
  ...EXISTING_RESOURCE_METHODS,
  ...SECURITY_LAKE_METHODS,
];
