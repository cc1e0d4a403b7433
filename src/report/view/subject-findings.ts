/**
 * Findings grouped by their subject, for the rows of the principals pages: each row links the
 * findings about its principal and capability, and shows a path in full only when no finding
 * already does.
 */
import type { PathStep } from "../../evaluator/access.js";
import type { Finding, PathEvidence } from "../../findings/finding.js";

/** A link from a row to a finding about its principal. */
export interface FindingLinkView {
  title: string;
  severity: string;
  href: string;
}

/** The findings about one subject. */
export interface SubjectFindings {
  /**
   * Returns the links to findings about `capability`: those with a path for it, and those
   * with no path or a path for no named capability, which are about the principal as a whole.
   */
  linksFor(capability: string): FindingLinkView[];
  /**
   * Returns the link to a finding whose evidence shows this exact path for `capability`,
   * or undefined when none does.
   */
  pathHref(capability: string, steps: readonly PathStep[]): string | undefined;
}

interface SubjectLink {
  link: FindingLinkView;
  capabilities: ReadonlySet<string | undefined>;
}

interface ShownPath {
  capability?: string;
  steps: readonly PathStep[];
  href: string;
}

/** Groups findings by subject id; `href` returns the link to a finding on its page. */
export function findingsBySubject(findings: readonly Finding[], href: (findingId: string) => string): Map<string, SubjectFindings> {
  const links = new Map<string, SubjectLink[]>();
  const paths = new Map<string, ShownPath[]>();

  for (const finding of findings) {
    const link = { title: finding.title, severity: finding.severity, href: href(finding.id) };
    const findingPaths = finding.evidence.filter((item): item is PathEvidence => item.kind === "path");
    listIn(links, finding.subject.id).push({ link, capabilities: new Set(findingPaths.map((path) => path.capability)) });
    listIn(paths, finding.subject.id).push(...findingPaths.map((path) => shownPath(path, link.href)));
  }

  const bySubject = new Map<string, SubjectFindings>();
  for (const [subject, subjectLinks] of links) {
    const subjectPaths = paths.get(subject) ?? [];
    bySubject.set(subject, {
      linksFor: (capability) => subjectLinks.filter((entry) => concerns(entry, capability)).map((entry) => entry.link),
      pathHref: (capability, steps) => subjectPaths.find((path) => path.capability === capability && samePath(path.steps, steps))?.href,
    });
  }
  return bySubject;
}

/** True when a finding has a path for `capability`, or no path tied to one capability. */
function concerns(entry: SubjectLink, capability: string): boolean {
  return entry.capabilities.size === 0 || entry.capabilities.has(undefined) || entry.capabilities.has(capability);
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function shownPath(evidence: PathEvidence, href: string): ShownPath {
  return { capability: evidence.capability, steps: evidence.steps, href };
}

/**
 * True when two paths would render alike. Rules put the grant's own path array in their
 * evidence, so the same array is the common case; otherwise every field is compared.
 */
export function samePath(a: readonly PathStep[], b: readonly PathStep[]): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
