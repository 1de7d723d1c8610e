import { downloadBlob } from "./download.ts";
import { t } from "./i18n/index.ts";
import { type MarkerShape, markerPath, TEXT_COLOUR } from "./palette.ts";

export interface ExportLegendItem {
  label: string;
  colour: string;
  dash?: string;
  /** The series' marker, drawn on the line sample. */
  marker?: MarkerShape;
  /** A line sample (charts) or a filled box (maps). */
  shape?: "line" | "box";
}

export interface ExportOptions {
  title: string;
  legend?: ExportLegendItem[];
  /** Lines below the chart: source, footnotes, the "nur für den Dienstgebrauch" marker. */
  notes?: string[];
}

const NS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Presentation that charts and the map set through CSS classes; a standalone file has no stylesheet.
const STYLE_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linejoin",
  "stroke-linecap",
  // The white halo of value labels is a stroke painted under the text; without this it would cover the glyphs.
  "paint-order",
  "opacity",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
  "display",
];

function inlineStyles(source: SVGSVGElement, target: SVGSVGElement): void {
  const from = [source, ...source.querySelectorAll("*")];
  const to = [target, ...target.querySelectorAll("*")];
  from.forEach((element, index) => {
    const computed = getComputedStyle(element);
    const target = to[index] as SVGElement | undefined;
    // Through the CSSOM, not setAttribute("style"): the Content-Security-Policy forbids style attributes
    // written as text, and the serialised copy carries the style attribute either way.
    for (const name of STYLE_PROPERTIES) {
      const value = computed.getPropertyValue(name);
      if (value !== "") target?.style.setProperty(name, value);
    }
  });
}

/** Breaks text into lines that fit `width` at `fontSize` (average glyph `em` wide; bold text is wider). */
export function wrap(text: string, width: number, fontSize: number, em = 0.55): string[] {
  const max = Math.max(10, Math.floor((width - 16) / (fontSize * em)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A standalone SVG of a rendered chart with title, legend and notes around it. The on-screen legend is HTML,
 * not part of the chart's <svg>, so it is redrawn here; otherwise the exported image would lose it.
 */
export function chartSvg(
  svg: SVGSVGElement,
  options: ExportOptions,
): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute("width")) || 800);
  const chartHeight = Math.round(box.height || Number(svg.getAttribute("height")) || 400);
  const legend = options.legend ?? [];
  const perRow = Math.max(1, Math.floor(width / 260));
  const legendHeight = Math.ceil(legend.length / perRow) * 26;
  // SVG text does not wrap; long titles and footnotes are broken into lines here.
  const titleLines = wrap(options.title, width, 20, 0.65);
  const noteLines = (options.notes ?? []).flatMap((note) => wrap(note, width, 12));
  const top = 16 + titleLines.length * 26;
  const height = top + chartHeight + (legend.length ? legendHeight + 12 : 0) + noteLines.length * 17 + 16;

  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(top));
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(chartHeight));
  clone.removeAttribute("tabindex");

  const parts: string[] = [
    `<svg xmlns="${NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...titleLines.map(
      (line, index) =>
        `<text x="8" y="${30 + index * 26}" font-size="20" font-weight="600" fill="#111">${escapeXml(line)}</text>`,
    ),
    new XMLSerializer().serializeToString(clone),
  ];
  let y = top + chartHeight + 20;
  legend.forEach((item, index) => {
    const x = 8 + (index % perRow) * 260;
    const rowY = y + Math.floor(index / perRow) * 26;
    parts.push(
      item.shape === "box"
        ? `<rect x="${x}" y="${rowY - 8}" width="28" height="16" fill="${item.colour}" stroke="#8c8c8c"/>`
        : `<line x1="${x}" y1="${rowY}" x2="${x + 28}" y2="${rowY}" stroke="${item.colour}" stroke-width="3"${
            item.dash ? ` stroke-dasharray="${item.dash}"` : ""
          }/>${item.marker ? `<path d="${markerPath(item.marker, x + 14, rowY, 4.5)}" fill="${item.colour}"/>` : ""}`,
      // The text stays dark: coloured legend text would miss the 4.5:1 contrast; the sample carries the colour.
      `<text x="${x + 36}" y="${rowY + 5}" font-size="14" fill="${TEXT_COLOUR}">${escapeXml(item.label)}</text>`,
    );
  });
  if (legend.length) y += legendHeight + 4;
  for (const line of noteLines) {
    parts.push(`<text x="8" y="${y}" font-size="12" fill="#333">${escapeXml(line)}</text>`);
    y += 17;
  }
  parts.push("</svg>");
  return { markup: parts.join(""), width, height };
}

export function downloadSvg(svg: SVGSVGElement, options: ExportOptions, fileName: string): void {
  const { markup } = chartSvg(svg, options);
  downloadBlob(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }), fileName);
}

/** PNG at twice the screen size, drawn from the same SVG through a canvas (sharp enough for a printed report). */
export async function downloadPng(svg: SVGSVGElement, options: ExportOptions, fileName: string): Promise<void> {
  const { markup, width, height } = chartSvg(svg, options);
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error(t("export.failed")));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error(t("export.failed"));
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error(t("export.failed"));
    downloadBlob(blob, fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}
