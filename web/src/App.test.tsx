import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "./App.tsx";
import { setSession } from "./api/auth.ts";
import { createQueryClient } from "./queryClient.ts";
import { json, stubApi } from "./test-utils.tsx";

const districts = { districts: [{ number: 61, name: "Gievenbeck", bezirk: "West" }], bezirke: ["West"] };

function renderApp(route: string) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[route]}>
        <App />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

describe("the app shell", () => {
  it("has a skip link, a named navigation and keeps the chosen area when moving between views", async () => {
    stubApi({
      "/api/districts": districts,
      "/api/overview": { year: 2025, cards: [] },
      "/api/indicators": { version: "1", fields: [], indicators: [] },
    });
    const user = userEvent.setup();
    renderApp("/");

    expect(screen.getByRole("link", { name: "Zum Inhalt springen" })).toHaveAttribute("href", "#main");
    const nav = screen.getByRole("navigation", { name: "Hauptnavigation" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([
      "Übersicht",
      "Indikatoren",
      "Stadtteilvergleich",
      "Vergleichstabelle",
      "Stadtteile",
      "Sozialmonitoring",
      "Ziele",
      "Bericht",
      "Daten",
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: /Übersicht: Gesamtstadt/ })).toBeInTheDocument();
    // The footer names the catalogue version the numbers follow.
    expect(await screen.findByText("Indikatorenkatalog Version 1")).toBeInTheDocument();

    await user.selectOptions(await screen.findByRole("combobox", { name: "Gebiet" }), "61");
    expect(await screen.findByRole("heading", { level: 1, name: /Übersicht: Gievenbeck/ })).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Indikatoren" })).toHaveAttribute("href", "/indikatoren?area=61");
    expect(within(nav).getByRole("link", { name: "Übersicht" })).toHaveAttribute("aria-current", "page");
  });

  it("asks analysts for user name and password on the Daten page, shows the server's German refusal and stores nothing", async () => {
    stubApi({
      "/api/districts": districts,
      "/api/auth/session": { account: null, csrfToken: null },
      "/api/auth/login": () =>
        json(401, { error: "Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt." }),
    });
    const user = userEvent.setup();
    renderApp("/daten");
    await user.type(await screen.findByLabelText("Benutzername"), "anna");
    await user.type(screen.getByLabelText("Passwort"), "falsch");
    await user.click(screen.getByRole("button", { name: "Anmelden" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt.",
    );
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
  });

  it("signs in with a session and offers upload and import history", async () => {
    stubApi({
      "/api/districts": districts,
      "/api/auth/session": { account: null, csrfToken: null },
      "/api/auth/login": { account: { id: 1, name: "anna", role: "analyst" }, csrfToken: "csrf" },
      "/api/auth/tokens": { tokens: [] },
      "/api/profiles": { profiles: [] },
      "/api/imports": {
        imports: [
          {
            id: 1,
            profile: "einwohner",
            office: "Statistikdienststelle",
            year: 2024,
            stichtag: "2024-12-31",
            fileName: "ew-2024.csv",
            sha256: "ab",
            lineCount: 1200,
            observationCount: 4800,
            importedAt: "2025-02-01T09:30:00Z",
            importedBy: "analyst",
            replacedBy: 2,
          },
          {
            id: 2,
            profile: "einwohner",
            office: "Statistikdienststelle",
            year: 2024,
            stichtag: "2024-12-31",
            fileName: "ew-2024-korrigiert.csv",
            sha256: "cd",
            lineCount: 1201,
            observationCount: 4804,
            importedAt: "2025-02-03T10:00:00Z",
            importedBy: "analyst",
            replacedBy: null,
          },
        ],
      },
    });
    const user = userEvent.setup();
    renderApp("/daten");
    await user.type(await screen.findByLabelText("Benutzername"), "anna");
    await user.type(screen.getByLabelText("Passwort"), "richtiges-passwort");
    await user.click(screen.getByRole("button", { name: "Anmelden" }));

    expect(await screen.findByRole("heading", { name: "Lieferung hochladen" })).toBeInTheDocument();
    const history = await screen.findByRole("table", { name: /Alle Importe/ });
    const first = within(history).getByRole("row", { name: /ew-2024\.csv/ });
    expect(first).toHaveTextContent("Import 2 (ew-2024-korrigiert.csv");
    expect(first).toHaveTextContent("1.200");
    expect(screen.getByText("Angemeldet als anna (Analyst/in)")).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: "Abmelden" })).toHaveLength(2); // header and Daten page
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });
});
