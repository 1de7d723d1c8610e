import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setSession } from "../../api/auth.ts";
import { json } from "../../test-utils.tsx";
import AdminView from "./AdminView.tsx";

function renderView() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <AdminView />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const accounts = {
  accounts: [
    {
      id: 1,
      name: "chefin",
      role: "admin",
      disabled: false,
      createdAt: "2026-12-01T08:00:00Z",
      passwordChangedAt: "2026-12-01T08:00:00Z",
    },
    {
      id: 2,
      name: "anna",
      role: "analyst",
      disabled: false,
      createdAt: "2026-12-02T09:15:00Z",
      passwordChangedAt: "2026-12-02T09:15:00Z",
    },
  ],
  tokens: [],
};

/** 120 entries: newest (id 120) first, 50 a page. */
const audit = (offset: number) => ({
  total: 120,
  entries: Array.from({ length: Math.min(50, 120 - offset) }, (_, i) => ({
    id: 120 - offset - i,
    at: "2026-12-04T07:00:00Z",
    actor: i === 0 ? null : "anna",
    action: i === 0 ? "login-failed" : "import",
    detail: `Eintrag ${120 - offset - i}`,
  })),
});

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

describe("the Verwaltung page", () => {
  it("lists accounts, disables one with the CSRF token, and pages through the audit log", async () => {
    setSession({ account: { id: 1, name: "chefin", role: "admin" }, csrfToken: "csrf-chefin" });
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), "http://localhost");
      if (url.pathname === "/api/accounts" && init?.method === "GET") return json(200, accounts);
      if (url.pathname === "/api/accounts/2" && init?.method === "PATCH")
        return json(200, { ...accounts.accounts[1], disabled: true });
      if (url.pathname === "/api/accounts/audit") return json(200, audit(Number(url.searchParams.get("offset"))));
      return json(404, { error: "nicht gefunden" });
    });
    vi.stubGlobal("fetch", fetchMock);
    const user = userEvent.setup();
    renderView();

    const table = await screen.findByRole("table", { name: "Konten (2)" });
    expect(within(table).getByRole("rowheader", { name: "chefin (Sie)" })).toBeInTheDocument();
    // No one locks themselves out: the own row has no Sperren button.
    expect(screen.queryByRole("button", { name: "Konto chefin sperren" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Konto anna sperren" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Konto „anna“ ist jetzt gesperrt.");
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === "PATCH");
    expect(new Headers(patch?.[1]?.headers).get("X-CSRF-Token")).toBe("csrf-chefin");
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ disabled: true });

    // 120 entries, 50 a page: 1–50, 51–100, 101–120.
    expect(
      await screen.findByRole("table", { name: "Protokoll: 1–50 von 120 Einträgen, neueste zuerst" }),
    ).toBeInTheDocument();
    expect(screen.getByText("Anmeldung fehlgeschlagen")).toBeInTheDocument();
    expect(screen.getAllByText("unbekannt")).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Ältere" }));
    await user.click(screen.getByRole("button", { name: "Ältere" }));
    expect(
      await screen.findByRole("table", { name: "Protokoll: 101–120 von 120 Einträgen, neueste zuerst" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Ältere" })).toBeDisabled();
  });

  it("tells an analyst the page is for admins and asks for nothing from the server", async () => {
    setSession({ account: { id: 2, name: "anna", role: "analyst" }, csrfToken: "x" });
    const fetchMock = vi.fn(async () => json(404, {}));
    vi.stubGlobal("fetch", fetchMock);
    renderView();
    expect(screen.getByText("Diese Seite ist nur für Admins. Ihr Konto hat die Rolle Analyst/in.")).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
