import type { Rule } from "../rule.js";
import { unapprovedHoldersRule } from "./unapproved-holders.js";

/** Principals that can hold subscriber.manage without the baseline's approval. */
export const unapprovedSubscriberManage: Rule = unapprovedHoldersRule("access-unapproved-subscriber-manage", "subscriber.manage", "create or change Security Lake subscribers");
