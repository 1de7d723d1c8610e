import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setSession } from "../../api/auth.ts";
import { UploadForm } from "./UploadForm.tsx";

const problems = [
  { line: 3, column: "stadtteil", value: "99", message: "Unbekannter Stadtteil 99" },
  { line: 7, column: "anzahl", value: "-4", message: "Anzahl darf nicht negativ sein" },
  { line: null, column: null, value: null, message: "Die Spalte „geschlecht“ fehlt" },
];

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function renderForm() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <UploadForm />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

describe("the upload form", () => {
  it("sends profile, replace flag and file with the session's CSRF token, and lists every problem of a 422 answer", async () => {
    setSession({ account: { id: 1, name: "anna", role: "analyst" }, csrfToken: "geheim" });
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url === "/api/profiles") {
        return json(200, {
          profiles: [
            {
              id: "einwohner",
              title: "Einwohner",
              office: "Statistikdienststelle",
              area: "stadtteil",
              columns: [{ name: "stichtag" }],
            },
            { id: "seu", title: "Schuleingangsuntersuchung", office: "Gesundheitsamt", area: "stadtteil", columns: [] },
          ],
        });
      }
      if (url === "/api/imports" && init?.method === "POST") {
        return json(422, { error: "Die Datei enthält 3 Fehler und wurde nicht importiert.", problems });
      }
      return json(404, { error: "nicht gefunden" });
    });
    vi.stubGlobal("fetch", fetchMock);
    const user = userEvent.setup();
    renderForm();

    await user.selectOptions(await screen.findByLabelText("Lieferformat (Profil)"), "seu");
    await user.upload(
      screen.getByLabelText("CSV-Datei"),
      new File(["a;b\n1;2\n"], "seu-2025.csv", { type: "text/csv" }),
    );
    await user.click(screen.getByLabelText("Vorhandene Lieferung für dieses Jahr ersetzen"));
    await user.click(screen.getByRole("button", { name: "Hochladen und prüfen" }));

    const table = await screen.findByRole("table", { name: /Alle Probleme in seu-2025\.csv \(3\)/ });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(1 + problems.length);
    expect(within(rows[1]).getByRole("rowheader")).toHaveTextContent("3");
    expect(rows[1]).toHaveTextContent("stadtteil");
    expect(rows[1]).toHaveTextContent("99");
    expect(rows[1]).toHaveTextContent("Unbekannter Stadtteil 99");
    expect(rows[2]).toHaveTextContent("Anzahl darf nicht negativ sein");
    expect(rows[3]).toHaveTextContent("Die Spalte „geschlecht“ fehlt");
    expect(screen.getByRole("heading", { name: "Prüfbericht: 3 Probleme" })).toBeInTheDocument();
    expect(screen.getByText("Die Datei enthält 3 Fehler und wurde nicht importiert.")).toBeInTheDocument();

    const [, init] = fetchMock.mock.calls.find(([, options]) => options?.method === "POST") ?? [];
    const body = init?.body as FormData;
    expect(body.get("profile")).toBe("seu");
    expect(body.get("replace")).toBe("true");
    expect((body.get("file") as File).name).toBe("seu-2025.csv");
    // The session cookie goes by itself; the CSRF token of the session is what the script adds.
    expect(new Headers(init?.headers).get("X-CSRF-Token")).toBe("geheim");
    expect(new Headers(init?.headers).get("Authorization")).toBeNull();
  });

  it("shows the server's German message and a hint when the year already exists", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) =>
        String(input) === "/api/profiles"
          ? json(200, {
              profiles: [{ id: "einwohner", title: "Einwohner", office: "Statistik", area: "stadtteil", columns: [] }],
            })
          : json(409, { error: "Für 2025 gibt es bereits eine Lieferung (einwohner)." }),
      ),
    );
    const user = userEvent.setup();
    renderForm();
    await user.upload(await screen.findByLabelText("CSV-Datei"), new File(["x"], "ew.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "Hochladen und prüfen" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Für 2025 gibt es bereits eine Lieferung (einwohner).");
    expect(alert).toHaveTextContent("Vorhandene Lieferung für dieses Jahr ersetzen");
  });

  it("says in the form's words what exists and what to do, never the API's parameter", async () => {
    const existing = {
      id: 7,
      profile: "einwohner",
      office: "Statistik",
      year: 2025,
      stichtag: "2025-12-31",
      fileName: "ew-2025.csv",
      sha256: "ab",
      lineCount: 1,
      observationCount: 1,
      importedAt: "2026-01-15T10:00:00Z",
      importedBy: "Analyse",
      replacedBy: null,
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) =>
        String(input) === "/api/profiles"
          ? json(200, {
              profiles: [{ id: "einwohner", title: "Einwohner", office: "Statistik", area: "stadtteil", columns: [] }],
            })
          : json(409, { error: "… senden Sie die Datei erneut mit replace=true …", details: { existing } }),
      ),
    );
    const user = userEvent.setup();
    renderForm();
    await user.upload(await screen.findByLabelText("CSV-Datei"), new File(["x"], "ew.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "Hochladen und prüfen" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Für 2025 gibt es schon eine Lieferung: ew-2025.csv, importiert am");
    expect(alert).toHaveTextContent("setzen Sie „Vorhandene Lieferung für dieses Jahr ersetzen“");
    expect(alert).not.toHaveTextContent("replace=true");
  });
});
