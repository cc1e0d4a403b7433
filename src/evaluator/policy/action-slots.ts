/**
 * Small integer slots for the action names the graph queries, so each compiled policy can
 * record "has an Allow (or Deny) for this action" in a byte array instead of a map keyed by
 * the lower-case name. The graph queries a fixed vocabulary of a few hundred actions over
 * and over; arbitrary names from queries get slots until MAX_SLOTS, then none.
 */

import { serviceOfAction } from "../match/action.js";

const MAX_SLOTS = 4_096;

const slots = new Map<string, number>();
const lowerNames: string[] = [];
const services: string[] = [];

/** Returns the slot of an action name as given (any case), or -1 once every slot is taken. */
export function actionSlot(action: string): number {
  const known = slots.get(action);
  if (known !== undefined) return known;
  if (lowerNames.length >= MAX_SLOTS) return -1;

  const slot = lowerNames.length;
  lowerNames.push(action.toLowerCase());
  services.push(serviceOfAction(action));
  slots.set(action, slot);
  return slot;
}

/** Returns the lower-case service prefix of a slot's action (`s3` for `s3:GetObject`). */
export function serviceOfSlot(slot: number): string {
  return services[slot] ?? "";
}

/** Returns the lower-case action name of a slot from `actionSlot`. */
export function lowerActionOf(slot: number): string {
  return lowerNames[slot] ?? "";
}
