import type { Rule } from "../rule.js";
import { unapprovedHoldersRule } from "./unapproved-holders.js";

/** Principals that can hold lf.grant without the baseline's approval. */
export const unapprovedLfGrant: Rule = unapprovedHoldersRule("access-unapproved-lf-grant", "lf.grant", "grant Lake Formation permissions on the lake");
