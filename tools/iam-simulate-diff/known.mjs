/**
 * Known disagreements, each confirmed by a change to the scenario that makes both engines agree.
 * DISAGREEMENTS.md gives the AWS documentation behind each; an unexplained disagreement fails
 * the differential test.
 */
import { RCP_SERVICES } from "../../src/evaluator/index.ts";
import { iamSimulateDecision, lakewardenDecision } from "./engines.mjs";

async function agree(scenario) {
  const theirs = await iamSimulateDecision(scenario);
  return typeof theirs === "string" && theirs === lakewardenDecision(scenario);
}

export const KNOWN = [
  {
    id: "rcp-unsupported-service",
    /** iam-simulate applies RCPs to every service; AWS applies them only to the services that support RCPs. */
    async matches(scenario) {
      const service = scenario.action.split(":")[0].toLowerCase();
      if (!scenario.rcps || RCP_SERVICES.has(service)) return false;
      const { rcps: _rcps, ...withoutRcps } = scenario;
      return agree(withoutRcps);
    },
  },
  {
    id: "unresolved-policy-variable",
    /** A variable with no value (aws:username for a role session) in NotResource or a negated condition. */
    async matches(scenario) {
      if (scenario.context["aws:username"] !== undefined || !JSON.stringify(scenario).includes("${aws:username}")) return false;
      return agree({ ...scenario, context: { ...scenario.context, "aws:username": "nobody" } });
    },
  },
  {
    id: "resource-grant-past-session-policy",
    /**
     * A same-account resource policy grants to the session ARN or to `*`, and the session policy
     * does not allow the request: Lakewarden allows, iam-simulate applies the session policy.
     */
    async matches(scenario) {
      if (!scenario.session || !scenario.resourcePolicy) return false;
      const principals = JSON.stringify(scenario.resourcePolicy.Statement.map((statement) => statement.Principal));
      if (!principals.includes(scenario.principal) && !principals.includes('"*"')) return false;
      const { session: _session, ...withoutSession } = scenario;
      return agree(withoutSession);
    },
  },
];

/** The id of the known disagreement a scenario shows, or undefined when none explains it. */
export async function classify(scenario) {
  for (const known of KNOWN) {
    if (await known.matches(scenario)) return known.id;
  }
  return undefined;
}
