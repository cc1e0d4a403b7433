import type { Rule } from "../rule.js";
import { unapprovedHoldersRule } from "./unapproved-holders.js";

/** Principals that can hold lake.read without the baseline's approval. */
export const unapprovedRead: Rule = unapprovedHoldersRule("access-unapproved-read", "lake.read", "read security lake data");
