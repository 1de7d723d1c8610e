import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, useLocation } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App.tsx";
import type { OverviewResponse } from "../api/types.ts";
import { createQueryClient } from "../queryClient.ts";
import { json, stubApi } from "../test-utils.tsx";
import * as report from "../views/report/testdata.ts";
import { de } from "./de.ts";
import { type Language, missingTranslations, resetLanguage, setDefaultLanguage } from "./index.ts";

const districts = { districts: [{ number: 61, name: "Gievenbeck", bezirk: "West" }], bezirke: ["West"] };

const overview: OverviewResponse = {
  year: 2025,
  cards: [
    {
      id: "sgb2",
      title: "Anteil Leistungsberechtigter nach SGB II",
      shortTitle: "SGB-II-Quote",
      field: "arbeit",
      unit: "%",
      latest: { year: 2025, value: 1234.5, status: "ok" },
      series: [
        { year: 2023, value: 13.1, status: "ok" },
        { year: 2024, value: null, status: "suppressed" },
        { year: 2025, value: 1234.5, status: "ok" },
      ],
      comparison: {
        year: 2025,
        groups: [
          { id: "mit", label: "mit Migrationsvorgeschichte", value: 21.4, status: "ok" },
          { id: "ohne", label: "ohne Migrationsvorgeschichte", value: null, status: "suppressed" },
        ],
        gap: null,
        trend: null,
      },
    },
  ],
};

const catalogue = { version: "1", fields: [{ id: "arbeit", title: "Wirtschaft und Arbeit" }], indicators: [] };

function stub() {
  return stubApi({
    "/api/districts": districts,
    "/api/overview": overview,
    "/api/indicators": catalogue,
    "/api/auth/session": { account: null, csrfToken: null },
  });
}

function LocationProbe() {
  const where = useLocation();
  return <output data-testid="location">{`${where.pathname}${where.search}`}</output>;
}

function renderApp(route: string) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[route]}>
        <App />
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const location = () => screen.getByTestId("location").textContent;

// The views are lazy chunks: the first render of each waits for its import.
vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 10_000 };

/** Every key of the dictionaries, plural bases included: any of them on the page is an untranslated text. */
const KEYS = [...new Set(Object.keys(de).flatMap((key) => [key, key.replace(/_(one|other)$/, "")]))];
const NAMESPACES = [...new Set(KEYS.map((key) => key.split(".")[0]))];
const KEY_PATTERN = new RegExp(`\\b(?:${NAMESPACES.join("|")})\\.[A-Za-z][\\w.-]*`);

/** The page's visible text and the texts of its accessible names and tooltips. */
function pageTexts(): string[] {
  // Text node by text node: the whole textContent would glue "…profile." and "Loading" into a false key.
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? "");
  for (const element of document.body.querySelectorAll("*")) {
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}

function expectNoRawKeys() {
  for (const text of pageTexts()) {
    expect(text.match(KEY_PATTERN)?.[0]).toBeUndefined();
    for (const key of KEYS) expect(text.includes(key), `${key} shown as text`).toBe(false);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetLanguage();
});

describe("the dashboard in three languages", () => {
  const views: { path: string; heading: Record<Language, RegExp> }[] = [
    { path: "/", heading: { de: /Übersicht/, nl: /Overzicht/, en: /Overview/ } },
    { path: "/indikatoren", heading: { de: /Indikatoren/, nl: /Indicatoren/, en: /Indicators/ } },
    { path: "/stadtteile", heading: { de: /Stadtteile/, nl: /Wijken/, en: /Districts/ } },
    { path: "/daten", heading: { de: /Daten/, nl: /Gegevens/, en: /Data/ } },
    { path: "/gibt-es-nicht", heading: { de: /nicht gefunden/, nl: /niet gevonden/, en: /not found/ } },
  ];
  for (const lang of ["nl", "en"] as const) {
    for (const view of views) {
      it(`shows ${view.path} in ${lang} without a single untranslated key`, async () => {
        stub();
        renderApp(`${view.path}?lang=${lang}`);
        expect(await screen.findByRole("heading", { level: 1, name: view.heading[lang] }, SLOW)).toBeInTheDocument();
        // Let the lazily loaded data arrive before reading the page.
        if (view.path === "/") await screen.findByText("SGB-II-Quote", {}, SLOW);
        expectNoRawKeys();
        expect(missingTranslations()).toEqual([]);
        expect(document.documentElement.lang).toBe(lang);
      });
    }
  }

  // Views whose data the stub does not serve: their frames, controls and error states must be translated too.
  const more = [
    "/stadtteilvergleich",
    "/vergleichstabelle",
    "/sozialmonitoring",
    "/ziele",
    "/veroeffentlichungen",
    "/verwaltung",
  ];
  for (const lang of ["nl", "en"] as const) {
    it(`shows ${more.length} more views in ${lang} without a single untranslated key`, async () => {
      for (const path of more) {
        stub();
        const view = renderApp(`${path}?lang=${lang}`);
        await waitFor(() => expect(document.querySelector("main h1, main [role=alert]")).not.toBeNull(), SLOW);
        await waitFor(
          () => expect(document.querySelector("main .state-loading, main [aria-busy=true]")).toBeNull(),
          SLOW,
        );
        expectNoRawKeys();
        expect(missingTranslations(), path).toEqual([]);
        view.unmount();
        vi.unstubAllGlobals();
      }
    });
  }

  it("writes the Übersicht's numbers and symbols by each language's convention", async () => {
    stub();
    const first = renderApp("/?lang=nl");
    const card = (await screen.findByText("SGB-II-Quote", {}, SLOW)).closest("li") as HTMLElement;
    // Dutch: decimal comma, CBS's x for a value kept secret.
    expect(card).toHaveTextContent(/1\.234,5\s%/);
    expect(within(card).getAllByText("x").length).toBeGreaterThan(0);
    first.unmount();
    resetLanguage();
    stub();
    renderApp("/?lang=en");
    const english = (await screen.findByText("SGB-II-Quote", {}, SLOW)).closest("li") as HTMLElement;
    expect(english).toHaveTextContent(/1,234\.5\s%/);
    expect(within(english).getAllByText(".").length).toBeGreaterThan(0);
  });
});

describe("the Bericht in three languages", () => {
  function stubReport() {
    const values = (url: URL) => json(200, report.values[url.pathname.split("/")[3]] ?? { rows: [], footnotes: [] });
    return stubApi({
      "/api/indicators": report.catalogue,
      "/api/overview": report.overview,
      "/api/districts": districts,
      "/api/indicators/anteil_mv/values": values,
      "/api/indicators/sgb2/values": values,
      "/api/indicators/kita/values": values,
    });
  }

  const legends = {
    de: { title: "Zeichenerklärung", suppressed: "." },
    nl: { title: "Verklaring van tekens", suppressed: "x" },
    en: { title: "Explanation of symbols", suppressed: "." },
  } as const;

  for (const lang of ["de", "nl", "en"] as const) {
    it(`has its symbols and their legend in ${lang}, and no raw key`, async () => {
      stubReport();
      renderApp(`/bericht?fields=GD,RI&lang=${lang}`);
      const legend = (await screen.findByRole("heading", { name: legends[lang].title }, SLOW)).closest(
        ".status-legend",
      ) as HTMLElement;
      const symbols = [...legend.querySelectorAll("dt")].map((dt) => dt.textContent);
      expect(symbols[0]).toBe(legends[lang].suppressed);
      await screen.findByText(
        lang === "de"
          ? /2 Indikatoren in 2 Handlungsfeldern/
          : lang === "nl"
            ? /2 indicatoren in 2 beleidsvelden/
            : /2 indicators in 2 fields of action/,
        {},
        SLOW,
      );
      expectNoRawKeys();
      expect(missingTranslations()).toEqual([]);
    });
  }
});

describe("the language in the URL", () => {
  it("is German without ?lang= and for an unknown value", async () => {
    stub();
    renderApp("/?lang=xx");
    expect(await screen.findByRole("heading", { level: 1, name: /Übersicht/ }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Sprache" })).toHaveValue("de");
    expect(document.documentElement.lang).toBe("de");
  });

  it("switches with the labelled select, keeps ?lang= in the URL and in the links, and keeps focus on the switch", async () => {
    stub();
    const user = userEvent.setup();
    renderApp("/?area=61");
    await screen.findByRole("heading", { level: 1, name: /Übersicht/ }, SLOW);

    await user.selectOptions(screen.getByRole("combobox", { name: "Sprache" }), "nl");
    expect(await screen.findByRole("heading", { level: 1, name: /Overzicht/ }, SLOW)).toBeInTheDocument();
    expect(location()).toBe("/?area=61&lang=nl");
    const select = screen.getByRole("combobox", { name: "Taal" });
    expect(select).toHaveFocus();
    expect(document.documentElement.lang).toBe("nl");

    const nav = screen.getByRole("navigation", { name: "Hoofdnavigatie" });
    expect(within(nav).getByRole("link", { name: "Wijken" })).toHaveAttribute("href", "/stadtteile?area=61&lang=nl");

    await user.selectOptions(select, "en");
    expect(await screen.findByRole("heading", { level: 1, name: /Overview/ }, SLOW)).toBeInTheDocument();
    expect(location()).toBe("/?area=61&lang=en");

    // Back to the default: the parameter leaves the URL.
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "de");
    expect(await screen.findByRole("heading", { level: 1, name: /Übersicht/ }, SLOW)).toBeInTheDocument();
    expect(location()).toBe("/?area=61");
  });

  it("keeps the chosen language when a link inside a view leaves ?lang= out", async () => {
    stub();
    const user = userEvent.setup();
    renderApp("/stadtteile?lang=en");
    // The list links to /stadtteile/61 without ?lang=; the language stays English and returns to the URL.
    await user.click(await screen.findByRole("link", { name: /Gievenbeck/ }, SLOW));
    await waitFor(() => expect(location()).toBe("/stadtteile/61?lang=en"), { timeout: 5000 });
    expect(
      await screen.findByRole("heading", { level: 1, name: /District profile: Gievenbeck/ }, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveValue("en");
  });

  it("lets a city set its default language, which ?lang= still overrides", async () => {
    setDefaultLanguage("nl");
    stub();
    const first = renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: /Overzicht/ }, SLOW)).toBeInTheDocument();
    first.unmount();

    stub();
    renderApp("/?lang=de");
    expect(await screen.findByRole("heading", { level: 1, name: /Übersicht/ }, SLOW)).toBeInTheDocument();
    expect(location()).toBe("/?lang=de");
  });
});
