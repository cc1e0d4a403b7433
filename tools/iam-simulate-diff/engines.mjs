/**
 * Runs a scenario through each engine. Lakewarden's evaluator is imported from the repository's
 * source (run under tsx or vitest); iam-simulate comes from this folder's own node_modules.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { compilePolicy, evaluate, principalFromArn } from "../../src/evaluator/index.ts";

const RCP_FULL_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };

/** The PolicySet and request Lakewarden evaluates for a scenario. */
export function lakewardenInput(scenario) {
  const resourceType = scenario.action.startsWith("kms:") ? "key" : "resource";
  const policies = { identity: scenario.identity.map((document, index) => compilePolicy(document, { type: "identity", id: `identity${index}` })) };
  if (scenario.boundary) policies.boundary = compilePolicy(scenario.boundary, { type: "boundary", id: "boundary" });
  if (scenario.session) policies.session = [compilePolicy(scenario.session, { type: "session", id: "session" })];
  if (scenario.scps) policies.scpLevels = scenario.scps.map((level, index) => level.map((document) => compilePolicy(document, { type: "scp", id: `scp${index}` })));
  if (scenario.rcps) {
    policies.rcpLevels = scenario.rcps.map((level, index) => [RCP_FULL_ACCESS, ...level].map((document) => compilePolicy(document, { type: "rcp", id: `rcp${index}` })));
  }
  if (scenario.resourcePolicy) policies.resourcePolicy = compilePolicy(scenario.resourcePolicy, { type: resourceType, id: "resource" });

  const request = {
    principal: principalFromArn(scenario.principal),
    action: scenario.action,
    resource: scenario.resource,
    resourceAccountId: scenario.resourceAccount,
    context: { values: scenario.context },
  };
  return { request, policies };
}

/** Lakewarden's decision: allowed, explicitDeny or implicitDeny. */
export function lakewardenDecision(scenario) {
  const { request, policies } = lakewardenInput(scenario);
  return evaluate(request, policies).type;
}

/** iam-simulate's input for a scenario. */
export function iamSimulateInput(scenario) {
  const levels = (list) => (list ?? []).map((level, index) => ({ orgIdentifier: `level-${index}`, policies: level.map((policy, n) => ({ name: `p${index}-${n}`, policy })) }));
  const simulation = {
    request: {
      principal: scenario.principal,
      action: scenario.action,
      resource: { resource: scenario.resource, accountId: scenario.resourceAccount },
      contextVariables: scenario.context,
    },
    identityPolicies: scenario.identity.map((policy, index) => ({ name: `identity${index}`, policy })),
    serviceControlPolicies: levels(scenario.scps),
    resourceControlPolicies: levels(scenario.rcps),
  };
  if (scenario.resourcePolicy) simulation.resourcePolicy = scenario.resourcePolicy;
  if (scenario.boundary) simulation.permissionBoundaryPolicies = [{ name: "boundary", policy: scenario.boundary }];
  if (scenario.session) simulation.sessionPolicy = scenario.session;
  return simulation;
}

const DECISIONS = { Allowed: "allowed", ExplicitlyDenied: "explicitDeny", ImplicitlyDenied: "implicitDeny" };

/** iam-simulate's decision, or `{ error }` when it rejects the input. */
export async function iamSimulateDecision(scenario) {
  const response = await runSimulation(iamSimulateInput(scenario), {});
  if (response.resultType === "error") return { error: response.errors.message };
  return DECISIONS[response.overallResult] ?? { error: `unknown result ${response.overallResult}` };
}

export { runSimulation };
