/**
 * Languages: English (the source) and Korean, through @lit/localize in runtime mode. A widget's
 * `lang` attribute switches the page's locale (one language per page: the last widget to set one
 * wins), and every localized element re-renders.
 */
import { configureLocalization } from "@lit/localize";
import { rule } from "./attribute-guard.js";

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

/** The `lang` attribute's rule: empty (as it is), or a tag of a language the widgets speak. */
export const langRule = rule<string>(
  `"en" or "ko" (or a tag of them, like "ko-KR"), or empty`,
  "",
  (value) => {
    if (value === null || value === undefined) return "";
    if (typeof value !== "string") return undefined;
    const tag = value.trim();
    if (tag === "") return "";
    if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag)) return undefined;
    return (LOCALES as readonly string[]).includes(tag.split("-")[0].toLowerCase())
      ? tag
      : undefined;
  },
);
