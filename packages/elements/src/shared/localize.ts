/**
 * Languages: English (the source) and Korean, through @lit/localize in runtime mode. A widget's
 * `lang` attribute switches the page's locale (one language per page: the last widget to set one
 * wins), and every localized element re-renders.
 */
import { configureLocalization } from "@lit/localize";

/** Languages the widgets speak. */
export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];

const localization = configureLocalization({
  sourceLocale: "en",
  targetLocales: ["ko"],
  loadLocale: async (locale) => {
    if (locale === "ko") return import("../locales/ko.js");
    throw new Error(`no translations for ${locale}`);
  },
});

/** The page's current locale. */
export const getLocale = localization.getLocale as () => Locale;

/**
 * Switches the widgets' language. `lang` may be a BCP 47 tag (`ko-KR` → `ko`); an unknown language
 * falls back to English.
 */
export async function setLanguage(lang: string | null | undefined): Promise<void> {
  const base = (lang ?? "en").toLowerCase().split("-")[0];
  const locale: Locale = (LOCALES as readonly string[]).includes(base) ? (base as Locale) : "en";
  if (locale !== localization.getLocale()) await localization.setLocale(locale);
}
