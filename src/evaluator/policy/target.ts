/**
 * Small integer ids for (action, resource) pairs, so each compiled policy caches its matching
 * statements under a number instead of comparing long strings once per policy and request.
 * Ids are reissued after MAX_TARGETS pairs; the generation tells caches to start over.
 */

const MAX_TARGETS = 1_000_000;

interface ActionTargets {
  lower: string;
  byResource: Map<string, number>;
}

let byAction = new Map<string, ActionTargets>();
let nextId = 0;
let generation = 0;

/** The current id generation; a cache built in another generation is stale. */
export function targetGeneration(): number {
  return generation;
}

/** The lower-case form of an action name, computed once per distinct name. */
export function lowerAction(action: string): string {
  return targetsOf(action).lower;
}

function targetsOf(action: string): ActionTargets {
  let targets = byAction.get(action);
  if (!targets) {
    targets = { lower: action.toLowerCase(), byResource: new Map() };
    byAction.set(action, targets);
  }
  return targets;
}

/** The id of an action (as given, any case) and resource pair. */
export function targetId(action: string, resource: string): number {
  const byResource = targetsOf(action).byResource;
  let id = byResource.get(resource);
  if (id === undefined) {
    if (nextId >= MAX_TARGETS) {
      byAction = new Map();
      nextId = 0;
      generation += 1;
      return targetId(action, resource);
    }
    id = nextId++;
    byResource.set(resource, id);
  }
  return id;
}
