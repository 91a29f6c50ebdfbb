/**
 * Standalone SVG documents as strings (pure: no DOM, no Lit; the CLI imports it too). A figure
 * embeds its own styles in a `<style>` element, names only generic font families, and ends with
 * a caption line (model, layer, position), so that it reads the same in a browser, an editor or a
 * paper's toolchain.
 */

/** Escapes text for an XML attribute or text node. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A number as an SVG coordinate: at most two decimals, no trailing zeros. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Generic families only: every reader has them. */
export const SANS = "sans-serif";
export const MONO = "monospace";

/** The styles every figure shares (text colours, the caption). */
export const BASE_STYLE = `
text { font-family: ${SANS}; fill: #1f2328; }
.caption { font-size: 13px; fill: #59636e; }
.title { font-size: 15px; font-weight: 600; }
.muted { fill: #59636e; }
.mono { font-family: ${MONO}; }
`;

/** What {@link svgDocument} wraps. */
export interface SvgDocument {
  readonly width: number;
  /** Height of the body; the caption adds its own line below. */
  readonly height: number;
  /** The `<title>` (for screen readers and file browsers). */
  readonly title: string;
  /** The caption line under the picture: model, layer, position. */
  readonly caption: string;
  /** Extra CSS for the body's classes. */
  readonly style?: string;
  /** The body's markup (already escaped). */
  readonly body: string;
  /** Background colour (default white: a figure pasted on a dark slide stays legible). */
  readonly background?: string;
}

/** Height of the caption line, px. */
export const CAPTION_HEIGHT = 28;

/** A complete SVG file: XML declaration, size, embedded styles, body and caption. */
export function svgDocument(doc: SvgDocument): string {
  const width = Math.ceil(doc.width);
  const height = Math.ceil(doc.height + CAPTION_HEIGHT);
  const style = `${BASE_STYLE}${doc.style ?? ""}`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(doc.title)}</title>`,
    `<style>${style}</style>`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="${escapeXml(doc.background ?? "#ffffff")}"/>`,
    doc.body,
    `<text class="caption" x="12" y="${num(doc.height + CAPTION_HEIGHT / 2 + 4)}">${escapeXml(doc.caption)}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}

/** A `<text>` element. */
export function text(
  x: number,
  y: number,
  content: string,
  attrs: Readonly<Record<string, string | number>> = {},
): string {
  const extra = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  return `<text x="${num(x)}" y="${num(y)}"${extra}>${escapeXml(content)}</text>`;
}
