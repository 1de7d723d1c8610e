import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App.tsx";
import { chooseLanguage, defaultLanguage, parseLanguage, setLanguage } from "./i18n/index.ts";
import { createQueryClient } from "./queryClient.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root fehlt in index.html");

// The first render already speaks the URL's language (`?lang=`), so no German flashes before a switch.
const requested = parseLanguage(new URLSearchParams(window.location.search).get("lang"));
if (requested) chooseLanguage(requested);
else setLanguage(defaultLanguage());

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
