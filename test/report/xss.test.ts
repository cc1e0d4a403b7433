import { describe, expect, it } from "vitest";
import { HOSTILE, hostileAuditResult } from "../fixtures/audit-results.js";
import { hrefs, renderResult } from "./render-helpers.js";

const pages = await renderResult(hostileAuditResult());

describe.each(pages.map((page) => [page.file, page.html] as const))("hostile strings in %s", (_file, html) => {
  it("has no script element", () => {
    expect(html).not.toMatch(/<script/i);
  });

  it("has no injected img or svg element", () => {
    expect(html).not.toMatch(/<img|<svg/i);
  });

  it("has no event handler attribute", () => {
    expect(html).not.toMatch(/\son(error|load)\s*=/i);
  });

  it("has no bidi override character", () => {
    expect(html).not.toContain("\u202E");
  });

  it("links only to http(s) or relative targets", () => {
    const unsafe = hrefs(html).filter((href) => /^[a-z][a-z0-9+.-]*:/i.test(href.trim()) && !/^https?:/i.test(href.trim()));
    expect(unsafe).toEqual([]);
  });

  it("has a CSP without inline script", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("script-src");
  });
});

describe("hostile strings shown as text", () => {
  const index = pages.find((page) => page.file === "index.html")!.html;
  const subscribers = pages.find((page) => page.file === "subscribers.html")!.html;

  it("escapes a script tag in a title", () => {
    expect(index).toContain("&lt;script&gt;window.__lwXss&#x3D;&#x27;script&#x27;&lt;/script&gt;");
  });

  it("keeps template syntax literal", () => {
    expect(index).toContain("{{constructor.constructor(&#x27;window.__lwXss&#x3D;1&#x27;)()}}");
  });

  it("shows a bidi override as its code point", () => {
    expect(index).toContain("admin[U+202E]txt.exe");
  });

  it("shows a javascript endpoint as text", () => {
    expect(subscribers).toContain("<code>javascript:window.__lwXss&#x3D;&#x27;url&#x27;</code>");
  });

  it("escapes a statement that closes its pre block", () => {
    expect(index).toContain("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;");
  });

  it("uses the hostile string only as text in the title", () => {
    expect(HOSTILE.svg.startsWith('"')).toBe(true);
    expect(index).toContain("<title>Summary · Lakewarden audit of o-&quot;&gt;&lt;svg onload&#x3D;");
  });
});
