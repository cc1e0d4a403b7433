/**
 * Small integer ids for (action, resource) pairs, so each compiled policy caches its matching
 * statements under a number instead of comparing long strings once per policy and request.
 * Ids are reissued after MAX_TARGETS pairs, and a new generation makes every cache start over.
 */

import { parseArn } from "../../shared/arn.js";
import { intern } from "../match/intern.js";

const MAX_TARGETS = 1_000_000;

/** The targets of one action: its lower-case form and the ids of its resources. */
export interface ActionTargets {
  lower: string;
  byResource: Map<string, number>;
}

let byAction = new Map<string, ActionTargets>();
let nextId = 0;
/** Facts about each target's resource ARN, by id, parsed once. */
let resourceFacts: ResourceFacts[] = [];

/** Facts from the resource ARN of a target that the decision reads. */
export interface ResourceFacts {
  /** The ARN's account field; empty for S3 and for non-ARN resources. */
  readonly account: string;
  /** The ARN's service and resource part, for the KMS key and IAM role rules. */
  readonly service: string;
  readonly resourcePart: string;
}
let generation = 0;

/** Returns the current id generation. A cache built in another generation is stale. */
export function targetGeneration(): number {
  return generation;
}

/** Returns the targets of an action as given (any case), creating them on first use. */
export function targetsOf(action: string): ActionTargets {
  let targets = byAction.get(action);
  if (!targets) {
    targets = { lower: intern(action.toLowerCase()), byResource: new Map() };
    byAction.set(action, targets);
  }
  return targets;
}

/** Returns the id of a resource under an action's targets. */
export function targetIn(targets: ActionTargets, action: string, resource: string): number {
  let id = targets.byResource.get(resource);
  if (id !== undefined) return id;

  if (nextId >= MAX_TARGETS) {
    byAction = new Map();
    resourceFacts = [];
    nextId = 0;
    generation += 1;
    return targetId(action, resource);
  }
  id = nextId++;
  targets.byResource.set(resource, id);
  resourceFacts[id] = factsOf(resource);
  return id;
}

/** Returns the id of an action (as given, any case) and resource pair. */
export function targetId(action: string, resource: string): number {
  return targetIn(targetsOf(action), action, resource);
}

/** Returns the parsed facts of a target's resource. */
export function resourceFactsOf(target: number): ResourceFacts {
  return resourceFacts[target] ?? NO_FACTS;
}

const NO_FACTS: ResourceFacts = { account: "", service: "", resourcePart: "" };

function factsOf(resource: string): ResourceFacts {
  const arn = parseArn(resource);
  return arn ? { account: arn.accountId, service: arn.service, resourcePart: arn.resource } : NO_FACTS;
}
