import type { PolicyDocument } from "../../model/snapshot.js";
import type { CompiledPolicy, Decision, EvaluationRequest, PolicySet, PolicySource } from "../types.js";

/**
 * The two calls the graph needs from the policy engine: compile a document once, and decide a
 * request against compiled policies. The graph receives them as a value so that it stays a pure
 * function of the snapshot and can be built on the engine's public API alone.
 */
export interface PolicyEngine {
  compile(document: PolicyDocument, source: PolicySource): CompiledPolicy;
  evaluate(request: EvaluationRequest, policies: PolicySet): Decision;
}
