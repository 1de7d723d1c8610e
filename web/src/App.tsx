import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Component,
  Fragment,
  type KeyboardEvent,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Route, Routes, useLocation, useNavigate, useSearchParams } from "react-router";
import { setToken, useToken } from "./api/auth.ts";
import { BASE_PATH, currentCity, fetchCities } from "./city.ts";
import { Loading } from "./components/QueryState.tsx";
import { ResultsBanner } from "./components/ResultsBanner.tsx";
import {
  chooseLanguage,
  chosenLanguage,
  defaultLanguage,
  LANGUAGES,
  type Language,
  language,
  parseLanguage,
  t,
} from "./i18n/index.ts";
import { prefetchView } from "./prefetch.ts";
import { writeParams } from "./urlState.ts";
import { catalogueQuery } from "./views/indicator/queries.ts";
import { ReleaseBar } from "./views/releases/ReleaseBar.tsx";
import { AreaSelect, CITY } from "./views/shared/areas.tsx";

// One chunk per view: the first page only downloads the shell and its own view.
const OverviewView = lazy(() => import("./views/overview/OverviewView.tsx"));
const IndicatorList = lazy(() => import("./views/indicator/IndicatorList.tsx"));
const IndicatorView = lazy(() => import("./views/indicator/IndicatorView.tsx"));
const ComparisonView = lazy(() => import("./views/comparison/ComparisonView.tsx"));
const ProfileList = lazy(() => import("./views/profile/ProfileList.tsx"));
const ProfileView = lazy(() => import("./views/profile/ProfileView.tsx"));
const SozialmonitoringView = lazy(() => import("./views/sozialmonitoring/SozialmonitoringView.tsx"));
const DataPage = lazy(() => import("./views/data/DataPage.tsx"));
const ReportView = lazy(() => import("./views/report/ReportView.tsx"));
const GoalsView = lazy(() => import("./views/goals/GoalsView.tsx"));
const AreaTableView = lazy(() => import("./views/areatable/AreaTableView.tsx"));
const ReleasesView = lazy(() => import("./views/releases/ReleasesView.tsx"));
const AdminView = lazy(() => import("./views/admin/AdminView.tsx"));
const CitiesView = lazy(() => import("./views/cities/CitiesView.tsx"));

const NAV = [
  { to: "/", label: "nav.overview", end: true },
  { to: "/indikatoren", label: "nav.indicators", end: false },
  { to: "/stadtteilvergleich", label: "nav.comparison", end: false },
  { to: "/vergleichstabelle", label: "nav.areaTable", end: false },
  { to: "/stadtteile", label: "nav.profiles", end: false },
  { to: "/sozialmonitoring", label: "nav.sozialmonitoring", end: false },
  { to: "/ziele", label: "nav.goals", end: false },
  { to: "/bericht", label: "nav.report", end: false },
  { to: "/daten", label: "nav.data", end: false },
] as const;

/** An instance serving several cities (each under its own path) compares them in one more view. */
const SEVERAL_CITIES = BASE_PATH !== "";
const NAV_ITEMS: readonly { to: string; label: (typeof NAV)[number]["label"] | "nav.cities"; end: boolean }[] =
  SEVERAL_CITIES ? [...NAV, { to: "/staedte", label: "nav.cities", end: false }] : NAV;

/** The views where one area applies to the whole page get the area selector in the header. */
function usesArea(pathname: string): boolean {
  return pathname === "/" || pathname.startsWith("/indikatoren/") || pathname === "/ziele";
}

class ViewErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="state state-error" role="alert">
        <p>{t("error.view")}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t("state.reload")}
        </button>
      </div>
    );
  }
}

/**
 * The main navigation. On a phone the nine links would take a third of the screen: there they sit behind a
 * disclosure button ("Menü", with the current page beside it; aria-expanded), which opens the list below it;
 * Escape closes it and returns to the button, choosing a page closes it. Wider screens show the links directly.
 */
function SiteNav({ areaSearch }: { areaSearch: string }) {
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes the menu whenever the page changes
  useEffect(() => setOpen(false), [location.pathname]);
  const current = NAV_ITEMS.find((item) =>
    item.end ? location.pathname === item.to : location.pathname.startsWith(item.to),
  );
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpen(false);
      buttonRef.current?.focus();
    }
  }
  return (
    <nav aria-label={t("nav.label")} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="site-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="nav-toggle-icon" aria-hidden="true" />
        {t("menu.open")}
        {current ? <span className="nav-toggle-current">: {t(current.label)}</span> : null}
      </button>
      {/* A chosen link closes the menu at once (the new page may still be loading). */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the links inside handle the keyboard; this only closes. */}
      <ul
        id="site-nav-list"
        className={`nav-list${open ? " is-open" : ""}`}
        onClick={(event) => {
          if ((event.target as Element).closest("a")) setOpen(false);
        }}
      >
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={{ pathname: item.to, search: areaSearch }} end={item.end}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Set when the reader switches language, so the switch has focus again after the page re-renders. */
let refocusSwitch = false;

/** "Sprache / Taal / Language": each language named in itself, so a reader finds their own. */
/** The other cities of the instance, as plain links to their dashboards (each is its own app). */
function CitySwitch() {
  const cities = useQuery({ queryKey: ["cities"], queryFn: fetchCities, enabled: SEVERAL_CITIES, staleTime: Infinity });
  const others = (cities.data ?? []).filter((c) => c.basePath !== BASE_PATH);
  if (others.length === 0) return null;
  return (
    <p className="city-switch">
      <span className="sr-only">{t("cities.switch")}: </span>
      {others.map((c) => (
        <a key={c.slug} href={`${c.basePath}/?lang=${language()}`} lang={c.language}>
          {c.name}
        </a>
      ))}
    </p>
  );
}

function LanguageSwitch({ onChange }: { onChange: (lang: Language) => void }) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (!refocusSwitch) return;
    refocusSwitch = false;
    ref.current?.focus();
  }, []);
  return (
    <div className="language-switch">
      <label htmlFor="language-switch">{t("lang.label")}</label>{" "}
      <select
        id="language-switch"
        ref={ref}
        value={language()}
        onChange={(event) => {
          const next = parseLanguage(event.target.value);
          if (!next) return;
          refocusSwitch = true;
          onChange(next);
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`lang.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The language in the URL (`?lang=nl`; left out for the default). A link without `lang` keeps the language the
 * reader picked: the parameter is put back (replacing the history entry), so every URL names its language.
 */
function useLanguageFromUrl(): Language {
  const [search] = useSearchParams();
  const { pathname, hash } = useLocation();
  const navigate = useNavigate();
  // Re-renders the app when i18next switches language.
  const { i18n } = useTranslation();
  const requested = parseLanguage(search.get("lang"));
  useLayoutEffect(() => {
    if (requested) {
      if (requested !== chosenLanguage() || requested !== language()) chooseLanguage(requested);
      return;
    }
    const kept = chosenLanguage();
    if (kept && kept !== defaultLanguage()) {
      const next = writeParams(search, { lang: kept }, { lang: defaultLanguage() });
      navigate({ pathname, search: `?${next}`, hash }, { replace: true });
    } else if (kept === null && language() !== defaultLanguage()) {
      chooseLanguage(defaultLanguage());
    }
  }, [requested, search, pathname, hash, navigate]);
  return parseLanguage(i18n.language) ?? "de";
}

function NotFound() {
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
    </>
  );
}

export function App() {
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const token = useToken();
  const queryClient = useQueryClient();
  // The catalogue version in the footer says which definitions the numbers follow (cached with the views').
  const catalogue = useQuery(catalogueQuery());
  const mainRef = useRef<HTMLElement>(null);
  const lang = useLanguageFromUrl();
  const area = search.get("area") ?? CITY;
  // Links between views keep the chosen area and language.
  const shared = writeParams(new URLSearchParams(), { area, lang }, { area: CITY, lang: defaultLanguage() }).toString();
  const areaSearch = shared ? `?${shared}` : "";
  const langOnly = writeParams(new URLSearchParams(), { lang }, { lang: defaultLanguage() }).toString();
  const langSearch = langOnly ? `?${langOnly}` : "";

  // After moving to another view, put focus on the content so screen readers start there (not on search changes).
  // Comparing with the last path (not a first-render flag) keeps this right when StrictMode runs effects twice.
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  // Fetch the view's data in parallel with its lazily loaded code.
  useEffect(() => {
    prefetchView(queryClient, location.pathname, location.search);
  }, [queryClient, location.pathname, location.search]);

  function logout() {
    setToken(null);
    // Answers with a token may contain confidential values: drop them all.
    queryClient.clear();
  }

  function switchLanguage(next: Language) {
    chooseLanguage(next);
    setSearch((current) => writeParams(current, { lang: next }, { lang: defaultLanguage() }));
  }

  // A new language re-mounts the page, so every text, number and memoised label is made again in it.
  return (
    <Fragment key={lang}>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="site-header">
        <div className="site-header-row">
          <p className="brand">
            <NavLink to={`/${areaSearch}`}>
              <span className={currentCity() ? "brand-app" : undefined}>{t("app.title")}</span>
              {currentCity() ? <span className="brand-city"> {currentCity()?.name}</span> : null}
            </NavLink>
          </p>
          <CitySwitch />
          <LanguageSwitch onChange={switchLanguage} />
          {token ? (
            <div className="session">
              <span>{t("auth.loggedIn")}</span>
              <button type="button" className="link-button" onClick={logout}>
                {t("auth.logout")}
              </button>
            </div>
          ) : null}
        </div>
        <SiteNav areaSearch={areaSearch} />
        <ResultsBanner />
        <ReleaseBar />
        {usesArea(location.pathname) ? (
          <div className="area-bar">
            <AreaSelect
              value={area}
              onChange={(next) => setSearch((current) => writeParams(current, { area: next }, { area: CITY }))}
            />
          </div>
        ) : null}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <ViewErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<OverviewView />} />
              <Route path="/indikatoren" element={<IndicatorList />} />
              <Route path="/indikatoren/:id" element={<IndicatorView />} />
              <Route path="/stadtteilvergleich" element={<ComparisonView />} />
              <Route path="/stadtteile" element={<ProfileList />} />
              <Route path="/stadtteile/:nr" element={<ProfileView />} />
              <Route path="/sozialmonitoring" element={<SozialmonitoringView />} />
              <Route path="/ziele" element={<GoalsView />} />
              <Route path="/vergleichstabelle" element={<AreaTableView />} />
              <Route path="/bericht" element={<ReportView />} />
              <Route path="/daten" element={<DataPage />} />
              <Route path="/veroeffentlichungen" element={<ReleasesView />} />
              <Route path="/verwaltung" element={<AdminView />} />
              {SEVERAL_CITIES ? <Route path="/staedte" element={<CitiesView />} /> : null}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ViewErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          {t("footer.text")}{" "}
          <NavLink to={{ pathname: "/veroeffentlichungen", search: langSearch }}>{t("nav.releases")}</NavLink> ·{" "}
          <a href={`${BASE_PATH}/docs`}>{t("footer.api")}</a>
        </p>
        {catalogue.data ? <p>{t("footer.catalogue", { version: catalogue.data.version })}</p> : null}
      </footer>
    </Fragment>
  );
}
