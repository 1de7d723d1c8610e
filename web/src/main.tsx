import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App.tsx";
import { BASE_PATH, fetchCity, setCity } from "./city.ts";
import { setCityLevels } from "./i18n/cityTerms.ts";
import {
  chooseLanguage,
  defaultLanguage,
  i18next,
  parseLanguage,
  setDefaultLanguage,
  setLanguage,
} from "./i18n/index.ts";
import { prefetchView } from "./prefetch.ts";
import { createQueryClient } from "./queryClient.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root fehlt in index.html");

// The city first (its language and the names of its area levels), then the first render already speaks the
// URL's language (`?lang=`) or the city's, so no German flashes before a switch.
void fetchCity().then((city) => {
  if (city) {
    setCity(city);
    setCityLevels(city.levels);
    setDefaultLanguage(city.language);
  }
  const requested = parseLanguage(new URLSearchParams(window.location.search).get("lang"));
  if (requested) chooseLanguage(requested);
  else setLanguage(defaultLanguage());

  const queryClient = createQueryClient();
  // The catalogue's texts come localised from the API client: another language fetches them again.
  i18next.on("languageChanged", () => void queryClient.invalidateQueries());
  // The first view's data is asked for now, while React and the view's code are still loading.
  prefetchView(queryClient, window.location.pathname.slice(BASE_PATH.length) || "/", window.location.search);
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename={BASE_PATH || undefined}>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
});
