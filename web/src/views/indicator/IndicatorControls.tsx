import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useLocation, useNavigate } from "react-router";
import type { Breakdown } from "../../api/types.ts";
import { t } from "../../i18n/index.ts";
import { catalogueQuery, TOTAL } from "./queries.ts";

/** Every indicator of the catalogue, grouped by Handlungsfeld. */
export function IndicatorPicker({ current }: { current: string }) {
  const id = useId();
  const catalogue = useQuery(catalogueQuery());
  const navigate = useNavigate();
  const location = useLocation();
  if (!catalogue.data) return null;
  const area = new URLSearchParams(location.search).get("area");
  return (
    <div className="field">
      <label htmlFor={id}>{t("indicator.pick")}</label>
      <select
        id={id}
        value={current}
        onChange={(event) =>
          // The breakdown belongs to the old indicator; only the area carries over.
          navigate({
            pathname: `/indikatoren/${encodeURIComponent(event.target.value)}`,
            search: area ? `?area=${encodeURIComponent(area)}` : "",
          })
        }
      >
        {catalogue.data.fields.map((field) => (
          <optgroup key={field.id} label={field.title}>
            {catalogue.data.indicators
              .filter((indicator) => indicator.field === field.id)
              .map((indicator) => (
                <option key={indicator.id} value={indicator.id}>
                  {indicator.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function BreakdownSelect({
  value,
  options,
  onChange,
}: {
  value: string;
  options: Breakdown[];
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t("indicator.breakdown")}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value={TOTAL}>{t("indicator.breakdownTotal")}</option>
        {options
          .filter((option) => option.id !== TOTAL)
          .map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
      </select>
    </div>
  );
}
