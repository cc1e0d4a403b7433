import type { Rule } from "../rule.js";
import { unapprovedHoldersRule } from "./unapproved-holders.js";

/** Principals that can hold lake.tamper without the baseline's approval. */
export const unapprovedTamper: Rule = unapprovedHoldersRule("access-unapproved-tamper", "lake.tamper", "delete or change security lake data, or weaken its bucket or key");
