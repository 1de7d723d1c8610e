import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { type Language, LOCALES, type MessageName, type MessageParams, translate } from "../../i18n/index.ts";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/**
 * The report cannot be rendered here (no chromium, no dashboard build, another render running): a 503, said in
 * the asking reader's language (`text`); `message` is German, for logs.
 */
export class ReportUnavailable extends Error {
  constructor(
    readonly key: MessageName,
    readonly params: MessageParams = {},
    /** Seconds after which a retry makes sense (another render running). */
    readonly retryAfter: number | null = null,
  ) {
    super(translate("de", key, params));
  }

  text(language: Language): string {
    return translate(language, this.key, this.params);
  }
}

/** `?release=` as the API reads it: 0 is the draft. */
const releaseParam = (release: number) => (release === 0 ? "entwurf" : String(release));

export interface ReportPdfOptions {
  /** The draft (0) or a release; without it, what the asking client reads by default. */
  release?: number;
  /** The report's area (`stadt`, `bezirk:<name>`, a Stadtteil number); the city by default. */
  area?: string;
  /** The report's language (the page's `?lang=`, the browser's locale); the city's by default. */
  language?: Language;
  /** The asking request's credentials, so an analyst's PDF shows what the analyst may see, marked. */
  headers?: { authorization?: string; cookie?: string };
  /** Path of the chromium binary (MONITOR_CHROMIUM). */
  chromiumPath?: string;
  /** Longest wait for the report page to finish loading its values. */
  timeoutMs?: number;
}

export interface ContentsEntry {
  anchor: string;
  title: string;
  page: number;
}

export interface ReportPdf {
  pdf: Buffer;
  pages: number;
  /** The table of contents as printed: every chapter with the page it starts on. */
  contents: ContentsEntry[];
  /** The contents lines as chromium printed them, page numbers included. */
  contentsText: string[];
}

/** Chromium is a process of its own; one render at a time keeps the two cores for the readers. */
let rendering = false;

/** Seconds a second caller is told to wait; a demo-city report takes about this long. */
const RETRY_AFTER_S = 30;
const ORIGIN = "http://integrationsmonitor.local";

/** Only the report's printed form: numbers to the right of each contents line. */
const PDF_STYLE = `
.report-toc-link { display: flex; gap: 0.5em; }
.pdf-toc-page { margin-left: auto; min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
`;

/**
 * The dashboard's report page (/bericht) printed by headless chromium as an A4 PDF with page numbers in the
 * footer (the page's own @page rules) and in the table of contents. Chromium cannot number the contents
 * itself, so the first print is read back: chromium writes each linked heading as a named destination with
 * its page. The numbers are filled in and the page printed again (again, should a number change the layout).
 * Every request of the page is answered by `app.inject`, so no port is needed and the page sees exactly what
 * the asking client may see.
 */
export async function renderReportPdf(app: FastifyInstance, options: ReportPdfOptions = {}): Promise<ReportPdf> {
  const executablePath = options.chromiumPath ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new ReportUnavailable("pdf.noChromium", { path: executablePath });
  }
  if (!existsSync(join(app.context.config.webDistPath, "index.html"))) {
    throw new ReportUnavailable("pdf.noBuild");
  }
  if (rendering) {
    throw new ReportUnavailable("pdf.busy", {}, RETRY_AFTER_S);
  }
  rendering = true;
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath, args: ["--disable-gpu", "--disable-dev-shm-usage"] });
    const locale = LOCALES[options.language ?? app.context.config.city.language];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale });
    await answerFromApp(page, app, options);
    return await printWithContents(page, app.context.config.city.basePath, options);
  } finally {
    await browser?.close().catch(() => undefined);
    rendering = false;
  }
}

/** Every request of the page goes to the app itself; API reads get the release asked for. */
async function answerFromApp(page: Page, app: FastifyInstance, options: ReportPdfOptions): Promise<void> {
  const forwarded = Object.fromEntries(
    Object.entries(options.headers ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  await page.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin !== ORIGIN) return route.abort();
    if (options.release !== undefined && url.pathname.startsWith(`${app.context.config.city.basePath}/api/`)) {
      url.searchParams.set("release", releaseParam(options.release));
    }
    const answer = await app.inject({
      method: request.method() as "GET",
      url: `${url.pathname}${url.search}`,
      headers: { ...(await request.allHeaders()), ...forwarded, host: url.host },
      payload: request.postDataBuffer() ?? undefined,
    });
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(answer.headers)) {
      if (value !== undefined && key !== "content-length" && key !== "transfer-encoding") {
        headers[key] = Array.isArray(value) ? value.join(", ") : String(value);
      }
    }
    await route.fulfill({ status: answer.statusCode, headers, body: answer.rawPayload });
  });
}

async function printWithContents(page: Page, basePath: string, options: ReportPdfOptions): Promise<ReportPdf> {
  const query = new URLSearchParams();
  if (options.area) query.set("area", options.area);
  if (options.language) query.set("lang", options.language);
  if (options.release !== undefined) query.set("release", releaseParam(options.release));
  const search = query.toString();
  await page.goto(`${ORIGIN}${basePath}/bericht${search ? `?${search}` : ""}`);
  const timeout = options.timeoutMs ?? 180_000;
  const finished = await page
    .waitForSelector(".report-document, .report .state-empty, .report .state-error", { timeout })
    .catch(() => null);
  if (!finished || !(await page.$(".report-document"))) {
    const shown = finished ? ((await finished.textContent()) ?? "").trim() : "";
    // What the page showed is already in the report's language.
    throw shown ? new ReportUnavailable("pdf.failed", { shown }) : new ReportUnavailable("pdf.late");
  }
  await page.emulateMedia({ media: "print" });
  await page.addStyleTag({ content: PDF_STYLE });
  // Empty number cells of the final width first, so the first print has the layout of the last.
  const entries = await page.$$eval(".report-toc-link", (links) =>
    links.map((link) => {
      const span = link.ownerDocument.createElement("span");
      span.className = "pdf-toc-page";
      link.append(span);
      const anchor = (link.getAttribute("href") ?? "").replace(/^#/, "");
      return { anchor, title: (link.textContent ?? "").replace(/\s+/g, " ").trim() };
    }),
  );

  let pages = new Map<string, number>();
  let pdf: Buffer = Buffer.alloc(0);
  for (let pass = 0; pass < 3; pass++) {
    const numbers = Object.fromEntries(pages);
    await page.$$eval(
      ".report-toc-link",
      (links, numbers) => {
        for (const link of links) {
          const anchor = (link.getAttribute("href") ?? "").replace(/^#/, "");
          const span = link.querySelector(".pdf-toc-page");
          if (span) span.textContent = numbers[anchor] === undefined ? "" : String(numbers[anchor]);
        }
      },
      numbers,
    );
    pdf = await page.pdf({ preferCSSPageSize: true, format: "A4", printBackground: true, outline: false });
    const found = destinationPages(pdf);
    const stable = entries.every((e) => found.get(e.anchor) === pages.get(e.anchor));
    pages = found;
    if (stable) break;
  }
  const contentsText = await page.$$eval(".report-toc-link", (links) =>
    links.map((link) =>
      [...link.childNodes]
        .map((node) => node.textContent ?? "")
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
    ),
  );
  return {
    pdf,
    contentsText,
    pages: pageRefs(pdf.toString("latin1")).length,
    contents: entries.map((e) => ({ ...e, page: pages.get(e.anchor) ?? 0 })),
  };
}

// ---- Reading chromium's PDF: its objects are plain dictionaries (only content streams are compressed) ----

function objects(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*(<<[\s\S]*?)(?:stream|endobj)/g)) found.set(m[1], m[2]);
  return found;
}

/** The object numbers of the pages in reading order (walking the page tree). */
function pageRefs(text: string, all = objects(text)): string[] {
  const catalog = [...all.values()].find((o) => /\/Type\s*\/Catalog/.test(o));
  const root = catalog?.match(/\/Pages\s+(\d+) 0 R/)?.[1];
  const pages: string[] = [];
  const walk = (ref: string, depth: number) => {
    const node = all.get(ref);
    if (!node || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = node.match(/\/Kids\s*\[([^\]]*)\]/)?.[1] ?? "";
      for (const kid of kids.matchAll(/(\d+) 0 R/g)) walk(kid[1], depth + 1);
    } else pages.push(ref);
  };
  if (root) walk(root, 0);
  return pages;
}

/** Named destination → page number (1-based), from the catalogue's /Dests. */
export function destinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString("latin1");
  const all = objects(text);
  const order = pageRefs(text, all);
  const catalog = [...all.values()].find((o) => /\/Type\s*\/Catalog/.test(o));
  const destsRef = catalog?.match(/\/Dests\s+(\d+) 0 R/)?.[1];
  const dests = (destsRef && all.get(destsRef)) || "";
  const result = new Map<string, number>();
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const name = m[1].replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    const index = order.indexOf(m[2]);
    if (index >= 0) result.set(name, index + 1);
  }
  return result;
}

/** Pages of a PDF written by chromium. */
export const pdfPageCount = (pdf: Buffer): number => pageRefs(pdf.toString("latin1")).length;
