/**
 * Handlebars rendering. Templates and partials are compiled only from the files under
 * templates/, never from data. Every value is inserted with `{{ }}`, which escapes it. The one
 * triple-stash, in layout.hbs, inserts the page body that these same templates rendered.
 * Each finished page then goes through `makeVisible` once. The templates contain no control or
 * bidirectional character, so every one left in the page came from data and is shown.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { makeVisible } from "./view/text.js";

/** The shipped templates folder: `templates/` at the package root, beside `src/` and `dist/`. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** The stylesheet is inlined as the `styles` partial, so the report needs no other file. */
const STYLESHEET_FILE = "report.css";

/** Page templates a report consists of; each renders inside layout.hbs. */
export const PAGE_TEMPLATES = ["index", "findings", "principals", "subscribers", "access-analyzer", "controls", "coverage"] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

/** Data every page's layout reads, besides the page's own. */
export interface LayoutData {
  title: string;
  run: { runId: string; organizationId?: string; audited: string; collected: string; sourceKind: string; sourcePath?: string; lakewardenVersion: string };
  nav: { title: string; href: string; current: boolean; count?: number }[];
}

/** Renders report pages from view data. */
export interface PageRenderer {
  render(page: PageTemplate, layout: LayoutData, data: object): string;
  /** The CSP source (`sha256-...`) that allows exactly the inlined stylesheet. */
  readonly styleHash: string;
}

/** Compiles the templates under `folder` into a renderer with its own Handlebars instance. */
export async function loadRenderer(folder: string = TEMPLATES_DIR): Promise<PageRenderer> {
  const handlebars = Handlebars.create();
  const compile = (text: string): Handlebars.TemplateDelegate => {
    const source = withoutIndentation(text);
    return handlebars.compile(source, { preventIndent: true });
  };

  const stylesheet = await readFile(join(folder, STYLESHEET_FILE), "utf8");
  handlebars.registerPartial("styles", stylesheet);
  await registerPartials(handlebars, join(folder, "partials"));
  handlebars.registerHelper("plural", (count: unknown, singular: unknown, plural: unknown) => (count === 1 ? singular : plural));
  handlebars.registerHelper("joinEach", joinEach);
  handlebars.registerHelper("memo", memoHelper());

  const layout = compile(await readFile(join(folder, "layout.hbs"), "utf8"));
  const pages = new Map<PageTemplate, Handlebars.TemplateDelegate>();
  for (const page of PAGE_TEMPLATES) {
    pages.set(page, compile(await readFile(join(folder, `${page}.hbs`), "utf8")));
  }
  const styleHash = `sha256-${createHash("sha256").update(stylesheet, "utf8").digest("base64")}`;

  return {
    styleHash,
    render(page, layoutData, data) {
      const template = pages.get(page)!;
      const body = template(data);
      return makeVisible(layout({ ...layoutData, styleHash, body }));
    },
  };
}

/**
 * Renders a block once per item of an array, as `each` does without `@index`, `@first` and
 * `@last`, and joins the results with `Array.join`. That gives one flat string, so each
 * item's fragments die young instead of growing a rope across the page. The rope made
 * garbage collection and the final flattening the costliest steps of rendering large pages.
 */
function joinEach(this: unknown, items: unknown, options: Handlebars.HelperOptions): string {
  if (!Array.isArray(items)) {
    return "";
  }
  const parts: string[] = [];
  for (const item of items) {
    parts.push(options.fn(item, { data: options.data as unknown }));
  }
  return parts.join("");
}

/**
 * `{{#memo "name" value}}...{{/memo}}` renders the block with `value` as its context once per
 * value object, and returns the same HTML whenever that object comes again. The views share
 * one object between equal hops and equal control lists, which recur across thousands of
 * findings. A memo block may read only its value: `@index`, `@root` and `../` would differ
 * between the places the HTML is reused. Each renderer has its own cache.
 */
function memoHelper(): Handlebars.HelperDelegate {
  const caches = new Map<string, WeakMap<object, string>>();
  return function memo(this: unknown, name: unknown, value: unknown, options: Handlebars.HelperOptions): string {
    if (typeof value !== "object" || value === null) return options.fn(value);
    let cache = caches.get(String(name));
    if (!cache) {
      cache = new WeakMap();
      caches.set(String(name), cache);
    }
    let html = cache.get(value);
    if (html === undefined) {
      html = options.fn(value);
      cache.set(value, html);
    }
    return html;
  };
}

async function registerPartials(handlebars: typeof Handlebars, folder: string): Promise<void> {
  const files = (await readdir(folder)).filter((file) => file.endsWith(".hbs")).sort();
  for (const file of files) {
    handlebars.registerPartial(basename(file, ".hbs"), withoutIndentation(await readFile(join(folder, file), "utf8")));
  }
}

/**
 * Removes the indentation of template lines, which HTML collapses anyway and which made up
 * 4 to 7% of a large report's bytes. The line breaks stay, so inline elements keep the
 * space between them, and no template has a line break inside a `<pre>`.
 */
function withoutIndentation(template: string): string {
  return template.replace(/^[ \t]+/gm, "");
}
