import type { Rule } from "../rule.js";
import { unapprovedHoldersRule } from "./unapproved-holders.js";

/** Principals that can hold lake.administer without the baseline's approval. */
export const unapprovedAdminister: Rule = unapprovedHoldersRule("access-unapproved-administer", "lake.administer", "administer Security Lake");
