import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { YearSlider } from "./YearSlider.tsx";

describe("YearSlider", () => {
  it("steps over the given years only, names the year for screen readers and writes it out", () => {
    const onChange = vi.fn();
    render(<YearSlider years={[2014, 2016, 2020]} value={2016} onChange={onChange} />);
    const slider = screen.getByRole("slider", { name: "Jahr der Karte" });
    // Three years: positions 0, 1, 2; 2016 is position 1.
    expect(slider.getAttribute("max")).toBe("2");
    expect((slider as HTMLInputElement).value).toBe("1");
    expect(slider.getAttribute("aria-valuetext")).toBe("2016");
    expect(screen.getByText("Gezeigt: 2016")).toBeTruthy();
    fireEvent.change(slider, { target: { value: "2" } });
    expect(onChange).toHaveBeenCalledWith(2020);
  });

  it("is left out when there is only one year to choose", () => {
    const { container } = render(<YearSlider years={[2020]} value={2020} onChange={() => {}} />);
    expect(container.innerHTML).toBe("");
  });
});
