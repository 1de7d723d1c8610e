import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ImportRecord } from "../../api/types.ts";
import { stubApi } from "../../test-utils.tsx";
import { ImportHistory } from "./ImportHistory.tsx";

function record(id: number, replacedBy: number | null): ImportRecord {
  return {
    id,
    profile: "einwohner",
    office: "Bürgeramt",
    year: 2000 + (id % 14),
    stichtag: "2024-12-31",
    fileName: `einwohner-${id}.csv`,
    sha256: "ab".repeat(32),
    lineCount: 100,
    observationCount: 400,
    importedAt: new Date(Date.UTC(2026, 0, 1, 0, id)).toISOString(),
    importedBy: "statistik",
    replacedBy,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the import history", () => {
  it("shows the imports 20 at a time, newest first, with the profile's title, or only the deliveries in force", async () => {
    // 45 current imports and 5 replaced ones.
    const imports = [
      ...Array.from({ length: 45 }, (_, i) => record(i + 1, null)),
      ...Array.from({ length: 5 }, (_, i) => record(100 + i, 1)),
    ];
    stubApi({
      "/api/imports": { imports },
      "/api/profiles": {
        profiles: [{ id: "einwohner", title: "Einwohner (Melderegister)", office: "Bürgeramt", description: "" }],
      },
    });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ImportHistory />
      </QueryClientProvider>,
    );
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("row")).toHaveLength(21);
    expect((await within(table).findAllByText("Einwohner (Melderegister)")).length).toBe(20);
    expect(within(table).queryByText("einwohner")).toBeNull();
    expect(screen.getByText("1–20 von 50")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Alle Importe, neueste zuerst (50)" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Ältere" }));
    await user.click(screen.getByRole("button", { name: "Ältere" }));
    expect(screen.getByText("41–50 von 50")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Ältere" }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByLabelText("Nur gültige Lieferungen zeigen (45)"));
    expect(screen.getByText("1–20 von 45")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Gültige Lieferungen, neueste zuerst (45)" })).toBeTruthy();
  });
});
