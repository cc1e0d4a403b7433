/**
 * Findings grouped by their subject, for the rows of the principals pages: each row links the
 * findings about its principal, and shows a path in full only when no finding already does.
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
  links: FindingLinkView[];
  /**
   * Returns the link to a finding whose evidence shows this exact path for `capability`,
   * or undefined when none does.
   */
  pathHref(capability: string, steps: readonly PathStep[]): string | undefined;
}

interface ShownPath {
  capability?: string;
  steps: readonly PathStep[];
  href: string;
}

/** Groups findings by subject id; `href` returns the link to a finding on its page. */
export function findingsBySubject(findings: readonly Finding[], href: (findingId: string) => string): Map<string, SubjectFindings> {
  const links = new Map<string, FindingLinkView[]>();
  const paths = new Map<string, ShownPath[]>();

  for (const finding of findings) {
    const link = { title: finding.title, severity: finding.severity, href: href(finding.id) };
    listIn(links, finding.subject.id).push(link);
    for (const item of finding.evidence) {
      if (item.kind === "path") {
        listIn(paths, finding.subject.id).push(shownPath(item, link.href));
      }
    }
  }

  const bySubject = new Map<string, SubjectFindings>();
  for (const [subject, subjectLinks] of links) {
    const shown = paths.get(subject) ?? [];
    bySubject.set(subject, { links: subjectLinks, pathHref: (capability, steps) => shown.find((path) => path.capability === capability && samePath(path.steps, steps))?.href });
  }
  return bySubject;
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
