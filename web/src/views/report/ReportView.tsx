import { useQuery } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import type { CatalogueResponse, District } from "../../api/types.ts";
import { currentCity } from "../../city.ts";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { StatusLegend } from "../../components/StatusLegend.tsx";
import { SYMBOLS, type SymbolKind } from "../../format.ts";
import { locale, t } from "../../i18n/index.ts";
import { useUrlState } from "../../urlState.ts";
import { goalsQuery } from "../goals/queries.ts";
import { AreaSelect, areaLabel, CITY, stadtteilNumber } from "../shared/areas.tsx";
import { districtsQuery } from "../shared/queries.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { ReportExportLinks } from "./ExportLinks.tsx";
import { fieldsParam, type PlannedField, pickYear, planReport, reportYears, selectFields } from "./model.ts";
import { reportCatalogueQuery, reportOverviewQuery } from "./queries.ts";
import { GOALS_ANCHOR, ReportGoals } from "./ReportGoals.tsx";
import { indicatorAnchor, ReportIndicator } from "./ReportIndicator.tsx";
import { useReportValues } from "./useReportValues.ts";

const ALL_SYMBOLS = Object.keys(SYMBOLS) as SymbolKind[];
// Made per call: the language can change while the page is open.
const longDate = { format: (date: Date) => new Intl.DateTimeFormat(locale(), { dateStyle: "long" }).format(date) };
const list = { format: (items: string[]) => new Intl.ListFormat(locale(), { type: "conjunction" }).format(items) };

function fieldAnchor(id: string): string {
  return `bericht-feld-${id}`;
}

function FieldPicker({
  catalogue,
  selected,
  onChange,
}: {
  catalogue: CatalogueResponse;
  selected: string[];
  onChange: (next: string[]) => void;
}) {
  const fields = catalogue.fields.filter((field) => catalogue.indicators.some((meta) => meta.field === field.id));
  const all = fields.every((field) => selected.includes(field.id));
  return (
    <fieldset className="report-fields">
      <legend>{t("report.fields")}</legend>
      <label className="report-check report-check-all">
        <input
          type="checkbox"
          checked={all}
          // Unticking "all" would leave nothing to print; it only ticks.
          disabled={all}
          onChange={() => onChange(catalogue.fields.map((field) => field.id))}
        />
        {t("report.allFields")}
      </label>
      {fields.map((field) => {
        const checked = selected.includes(field.id);
        return (
          <label key={field.id} className="report-check">
            <input
              type="checkbox"
              checked={checked}
              // The last ticked field stays: an empty report is never what is wanted.
              disabled={checked && selected.length === 1}
              onChange={() => onChange(checked ? selected.filter((id) => id !== field.id) : [...selected, field.id])}
            />
            {field.title}
          </label>
        );
      })}
    </fieldset>
  );
}

function TitleBlock({
  place,
  district,
  year,
  version,
  indicators,
  fields,
  confidential,
}: {
  place: string;
  district: District | undefined;
  year: number;
  version: string;
  indicators: number;
  fields: number;
  confidential: boolean;
}) {
  return (
    <header className="report-title-page">
      <h2 className="report-doc-title">
        {t("report.title")} <span className="report-doc-place">{place}</span>
      </h2>
      {district ? (
        <p className="report-subtitle">{t("profile.lead", { number: district.number, bezirk: district.bezirk })}</p>
      ) : null}
      <p className="report-stand">{t("report.stand", { year })}</p>
      <p>
        {t("report.scope", {
          indicators: t("report.indicators", { count: indicators }),
          fields: t("report.fields", { count: fields }),
        })}
      </p>
      <p>{t("report.catalogueVersion", { version })}</p>
      <p>{t("report.generated", { date: longDate.format(new Date()) })}</p>
      {confidential ? <p className="confidential-banner">{t("report.confidential")}</p> : null}
    </header>
  );
}

function Contents({ plan, place, withGoals }: { plan: PlannedField[]; place: string; withGoals: boolean }) {
  const headingId = useId();
  const shown = plan.filter((field) => field.indicators.length > 0);
  const without = plan.filter((field) => field.indicators.length === 0);
  return (
    <nav className="report-toc" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("report.toc")}</h2>
      <ol>
        {shown.map((field, f) => (
          <li key={field.id}>
            <a className="report-toc-link report-toc-field" href={`#${fieldAnchor(field.id)}`}>
              <span className="report-number">{f + 1}</span> {field.title}
            </a>
            <ol>
              {field.indicators.map((item, i) => (
                <li key={item.meta.id}>
                  <a className="report-toc-link" href={`#${indicatorAnchor(item.meta.id)}`}>
                    <span className="report-number">
                      {f + 1}.{i + 1}
                    </span>{" "}
                    {item.meta.title}
                  </a>
                </li>
              ))}
            </ol>
          </li>
        ))}
        {withGoals ? (
          <li>
            <a className="report-toc-link report-toc-field" href={`#${GOALS_ANCHOR}`}>
              <span className="report-number">{shown.length + 1}</span> {t("report.goalsTitle")}
            </a>
          </li>
        ) : null}
        <li>
          <a className="report-toc-link report-toc-field" href="#bericht-zeichen">
            <span className="report-number">{shown.length + (withGoals ? 2 : 1)}</span> {t("report.closingTitle")}
          </a>
        </li>
      </ol>
      {without.length > 0 ? (
        <p className="report-note">
          {t("report.fieldsWithout", { area: place, fields: list.format(without.map((field) => field.title)) })}
        </p>
      ) : null}
    </nav>
  );
}

export default function ReportView() {
  const [state, setState] = useUrlState({ area: CITY, fields: "", year: "" });
  const catalogue = useQuery(reportCatalogueQuery());
  const overview = useQuery(reportOverviewQuery(state.area));
  const districts = useQuery(districtsQuery());
  const goals = useQuery(goalsQuery(state.area));
  const goalChapter = (goals.data?.goals.length ?? 0) > 0 ? goals.data : null;
  // The report of the whole city carries the city's name on its cover ("Integratiemonitor Almelo").
  const city = currentCity();
  const place = state.area === CITY && city ? city.name : areaLabel(state.area, districts.data);
  const district = districts.data?.districts.find((d) => d.number === stadtteilNumber(state.area));
  useDocumentTitle(t("report.documentTitle", { area: place }));
  const yearId = useId();

  const selected = useMemo(
    () => (catalogue.data ? selectFields(state.fields, catalogue.data) : []),
    [catalogue.data, state.fields],
  );
  const plan = useMemo(
    () => (catalogue.data && overview.data ? planReport(catalogue.data, overview.data, selected) : []),
    [catalogue.data, overview.data, selected],
  );
  const items = useMemo(
    () => plan.flatMap((field) => field.indicators.map((item) => ({ id: item.meta.id, breakdown: item.breakdown }))),
    [plan],
  );
  const values = useReportValues(items, state.area);
  const results = new Map(items.map((item, index) => [item.id, values.results[index]]));

  const year = overview.data ? pickYear(state.year, overview.data) : null;
  const years = overview.data ? reportYears(overview.data) : [];
  const ready = Boolean(catalogue.data && overview.data) && values.done === values.total && !goals.isPending;
  const shown = plan.filter((field) => field.indicators.length > 0);
  const confidential =
    values.results.some((result) => result.data?.rows.some((row) => row.confidential === true)) ||
    Boolean(overview.data?.cards.some((card) => card.series.some((point) => point.confidential)));

  let body = pendingState(catalogue, overview);
  if (!body && catalogue.data && overview.data) {
    if (selected.length === 0) body = <Empty>{t("report.noFields")}</Empty>;
    else if (shown.length === 0 || year === null) body = <Empty>{t("report.empty", { area: place })}</Empty>;
    else if (!ready) {
      body = (
        <div className="report-progress" role="status">
          <p>{t("report.progress", { done: values.done, total: values.total })}</p>
          <progress max={values.total} value={values.done} aria-label={t("report.progressLabel")} />
        </div>
      );
    } else {
      body = (
        <article className="report-document" aria-label={`${t("report.title")} ${place}`}>
          <TitleBlock
            place={place}
            district={district}
            year={year}
            version={catalogue.data.version}
            indicators={items.length}
            fields={shown.length}
            confidential={confidential}
          />
          <Contents plan={plan} place={place} withGoals={goalChapter !== null} />
          {shown.map((field, f) => {
            const headingId = fieldAnchor(field.id);
            return (
              <section key={field.id} className="report-field" aria-labelledby={headingId}>
                <h2 id={headingId} className="report-field-title">
                  <span className="report-number">{f + 1}</span> {field.title}
                </h2>
                {field.indicators.map((item, i) => {
                  const result = results.get(item.meta.id);
                  return result ? (
                    <ReportIndicator
                      key={item.meta.id}
                      number={`${f + 1}.${i + 1}`}
                      item={item}
                      result={result}
                      year={year}
                      place={place}
                    />
                  ) : null;
                })}
                {field.unavailable.length > 0 ? (
                  <p className="report-note">
                    {t("report.unavailable", {
                      area: place,
                      list: list.format(field.unavailable.map((meta) => meta.title)),
                    })}
                  </p>
                ) : null}
              </section>
            );
          })}
          {goalChapter ? <ReportGoals goals={goalChapter} number={shown.length + 1} place={place} /> : null}
          <section className="report-closing" aria-labelledby="bericht-zeichen">
            <h2 id="bericht-zeichen">
              <span className="report-number">{shown.length + (goalChapter ? 2 : 1)}</span> {t("report.closingTitle")}
            </h2>
            <StatusLegend kinds={ALL_SYMBOLS} confidential={confidential} />
            <h3 className="legend-title">{t("report.disclosureTitle")}</h3>
            <p>{t("report.disclosure")}</p>
            {confidential ? <p className="confidential-banner">{t("report.confidential")}</p> : null}
            <p>{t("report.gapTrendNote")}</p>
          </section>
        </article>
      );
    }
  }

  return (
    <div className="report">
      <div className="report-controls">
        <h1 className="report-screen-title">{t("report.documentTitle", { area: place })}</h1>
        <p className="lead">{t("report.intro")}</p>
        <div className="toolbar">
          <AreaSelect value={state.area} onChange={(area) => setState({ area })} />
          {years.length > 0 && year !== null ? (
            <div className="field">
              <label htmlFor={yearId}>{t("report.year")}</label>
              <select
                id={yearId}
                value={String(year)}
                onChange={(event) =>
                  setState({ year: Number(event.target.value) === overview.data?.year ? null : event.target.value })
                }
              >
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="button" className="primary" onClick={() => window.print()} disabled={!ready}>
            {t("report.print")}
          </button>
        </div>
        <ReportExportLinks area={state.area} />
        {catalogue.data ? (
          <FieldPicker
            catalogue={catalogue.data}
            selected={selected}
            onChange={(next) => setState({ fields: fieldsParam(next, catalogue.data) || null })}
          />
        ) : null}
      </div>
      {body}
    </div>
  );
}
