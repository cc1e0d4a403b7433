/**
 * The IAM policy evaluation engine: compile policies once, then decide requests as AWS's policy
 * evaluation logic does, with the statements behind each decision.
 */
export type * from "./types.js";
export { compilePolicy } from "./policy/compile.js";
export { evaluate, resourceAccountOf } from "./decide/evaluate.js";
export { evaluateAssumeRole, keyPolicyEnablesIam } from "./decide/trust.js";
export { RCP_SERVICES } from "./decide/rcp-services.js";
export { loadActionCatalog, type AccessLevel, type ActionCatalog } from "./catalog/actions.js";
export {
  anonymousPrincipal,
  principalFromArn,
  roleSessionPrincipal,
  rootPrincipal,
  servicePrincipal,
  userPrincipal,
  type PrincipalFacts,
} from "./principals.js";
