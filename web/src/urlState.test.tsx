import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, useLocation, useNavigate } from "react-router";
import { describe, expect, it } from "vitest";
import { readParams, useUrlState, writeParams } from "./urlState.ts";

const defaults = { area: "stadt", breakdown: "", year: "" };

function Probe() {
  const [state, setState] = useUrlState(defaults);
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <p data-testid="state">{`${state.area}|${state.breakdown}`}</p>
      <p data-testid="search">{location.search}</p>
      <button type="button" onClick={() => setState({ breakdown: "geschlecht" })}>
        Geschlecht
      </button>
      <button type="button" onClick={() => setState({ area: "bezirk:Mitte" })}>
        Mitte
      </button>
      <button type="button" onClick={() => navigate(-1)}>
        Zurück
      </button>
    </>
  );
}

describe("view state in the URL", () => {
  it("reads back what it wrote, leaving defaults out of the link", () => {
    const written = writeParams(new URLSearchParams(), { area: "61", breakdown: "migration", year: "2025" }, defaults);
    expect(written.toString()).toBe("area=61&breakdown=migration&year=2025");
    expect(readParams(new URLSearchParams(written.toString()), defaults)).toEqual({
      area: "61",
      breakdown: "migration",
      year: "2025",
    });
    const back = writeParams(written, { area: "stadt", year: null }, defaults);
    expect(back.toString()).toBe("breakdown=migration");
  });

  it("keeps parameters that belong to other views", () => {
    const written = writeParams(
      new URLSearchParams("indicator=sgb2&area=bezirk%3AMitte"),
      { year: "2024" },
      { year: "" },
    );
    expect(readParams(written, { area: "stadt", indicator: "" })).toEqual({ area: "bezirk:Mitte", indicator: "sgb2" });
  });

  it("restores the view from a link and steps back through changes", async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={["/indikatoren/x?area=61"]}>
        <Probe />
      </MemoryRouter>,
    );
    expect(screen.getByTestId("state")).toHaveTextContent("61|");

    await user.click(screen.getByRole("button", { name: "Geschlecht" }));
    expect(screen.getByTestId("search")).toHaveTextContent("?area=61&breakdown=geschlecht");
    await user.click(screen.getByRole("button", { name: "Mitte" }));
    expect(screen.getByTestId("state")).toHaveTextContent("bezirk:Mitte|geschlecht");

    await user.click(screen.getByRole("button", { name: "Zurück" }));
    expect(screen.getByTestId("state")).toHaveTextContent("61|geschlecht");
    await user.click(screen.getByRole("button", { name: "Zurück" }));
    expect(screen.getByTestId("state")).toHaveTextContent("61|");
  });
});
