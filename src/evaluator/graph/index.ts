/**
 * The access graph: for every principal, the capabilities it holds over the security data lake,
 * directly or by becoming another principal, with the shortest path as evidence.
 */
import type { Snapshot } from "../../model/snapshot.js";
import { compilePolicy } from "../policy/compile.js";
import { evaluate } from "../decide/evaluate.js";
import { buildAccessGraph, type BuildTimings } from "./build.js";
import type { CapabilityCatalog } from "./capabilities.js";
import type { PolicyEngine } from "./engine.js";
import type { AccessGraph } from "./graph.js";

export { AccessGraph } from "./graph.js";
export { buildAccessGraph, type BuildTimings } from "./build.js";
export { parseCapabilities, type CapabilityCatalog, type CapabilityDefinition } from "./capabilities.js";
export type { PolicyEngine } from "./engine.js";
export type { Edge } from "./edge.js";
export type { Actor } from "./actors.js";
export { ESCALATION_METHODS } from "./edges/registry.js";
export { lakeResourceLabel } from "./resources.js";

/** Lakewarden's own policy engine, as the graph calls it. */
export const LAKEWARDEN_ENGINE: PolicyEngine = { compile: compilePolicy, evaluate };

/** Builds the access graph of a snapshot with Lakewarden's engine. */
export function accessGraphOf(snapshot: Snapshot, capabilities: CapabilityCatalog, timings?: BuildTimings): AccessGraph {
  return buildAccessGraph(snapshot, capabilities, LAKEWARDEN_ENGINE, timings);
}
