/** Escapes text for an XML element body. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Serializes output members as the query protocol does: one element per member, list items
 * wrapped in `<member>`, times as ISO 8601.
 */
export function toQueryXml(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${toQueryXml(item)}</member>`).join("");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `<${key}>${toQueryXml(member)}</${key}>`)
      .join("");
  }
  return escapeXml(String(value));
}
