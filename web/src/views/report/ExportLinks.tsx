import { apiUrl } from "../../api/client.ts";
import type { AreaId } from "../../api/types.ts";
import { language, t } from "../../i18n/index.ts";
import type { ValuesParams } from "../indicator/queries.ts";
import { CITY } from "../shared/areas.tsx";

// Plain links, as the API's CSV links beside the charts: the browser downloads the server's file itself, and
// the address carries the release the reader chose (apiUrl) and the language (`lang`: the browser would send its
// own Accept-Language, not the one picked on the page).

/** The server's workbook of one indicator, with the same selection as its CSV. */
export function indicatorXlsxUrl({ id, area, year, breakdown }: ValuesParams): string {
  return apiUrl(`/indicators/${encodeURIComponent(id)}/values.xlsx`, { area, year, breakdown, lang: language() });
}

/** One button for an indicator's download area (beside „Alle Spalten als CSV“). */
export function IndicatorXlsxLink({ params }: { params: ValuesParams }) {
  return (
    <a href={indicatorXlsxUrl(params)} download title={t("exports.xlsxIndicatorHint")}>
      {t("exports.xlsxIndicator")}
    </a>
  );
}

export const reportPdfUrl = (area: AreaId) =>
  apiUrl("/report.pdf", { area: area === CITY ? undefined : area, lang: language() });
export const workbookUrl = () => apiUrl("/export.xlsx", { lang: language() });
export const archiveUrl = () => apiUrl("/export.zip");

/** The report page's downloads: the report as PDF (printed on the server), all values as XLSX, everything as ZIP. */
export function ReportExportLinks({ area }: { area: AreaId }) {
  return (
    <fieldset className="downloads report-downloads">
      <legend className="downloads-label">{t("exports.legend")}</legend>
      <a href={reportPdfUrl(area)} download title={t("exports.pdfHint")}>
        {t("exports.pdf")}
      </a>
      <a href={workbookUrl()} download title={t("exports.xlsxHint")}>
        {t("exports.xlsx")}
      </a>
      <a href={archiveUrl()} download title={t("exports.zipHint")}>
        {t("exports.zip")}
      </a>
    </fieldset>
  );
}
