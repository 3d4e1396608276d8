/**
 * The language of a <strike-map>: its own `lang`, else the nearest `lang` up the tree, else the
 * browser's languages, else English. Watches those attributes, so setting `lang` re-renders the
 * element in place (same map). Urdu and Persian bring their messages, the data's translated texts,
 * their fonts and the map's labels, each loaded on first use; English loads nothing.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Map as MlMap } from 'maplibre-gl';
import { chooseLang, LANGS, LANG_NAMES, type Lang } from '../i18n/lang.ts';
import { english, loadTexts, type Texts } from '../i18n/texts.ts';
import type { ContentTexts } from '../data/content-i18n.ts';
import { localizeMap } from '../map/create-map.ts';
import { problemOf } from '../data/problems.ts';

/** What the controller reads from and tells the element. */
export interface LanguageTarget {
  map(): MlMap | undefined;
  /** A language's messages have loaded and are about to be shown. */
  changed(texts: Texts): void;
  /** Something the reader should know could not be loaded. */
  problem(message: string): void;
}

export class LanguageController implements ReactiveController {
  /** The texts in use: English until another language has loaded. */
  texts: Texts = english;
  /** The language asked for (it may still be loading). */
  wanted: Lang = 'en';
  /** The data's texts in the language shown (Urdu and Persian), once loaded. */
  content?: ContentTexts;
  /** Whether the map's labels were ever switched (a new map starts in English). */
  private labelled = false;
  private observer?: MutationObserver;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private target: LanguageTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.update());
    this.observer.observe(this.host, { attributeFilter: ['lang'] });
    // Pages often switch language on <html>; an element without its own `lang` follows.
    this.observer.observe(document.documentElement, { attributeFilter: ['lang'] });
    this.update();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** Resolves once the language now asked for is shown. */
  settled: Promise<void> = Promise.resolve();

  private update(): void {
    const lang = chooseLang([this.host.getAttribute('lang'), this.host.parentElement?.closest('[lang]')?.getAttribute('lang'), ...navigator.languages]);
    if (lang === this.wanted) return;
    this.wanted = lang;
    this.settled = loadTexts(lang).then(
      (texts) => {
        if (this.wanted !== lang) return; // a newer choice came in meanwhile
        this.texts = texts;
        this.target.changed(texts);
        this.show(lang);
        this.host.requestUpdate();
      },
      (error: Error) => console.warn(`strike-map: the ${lang} messages could not be loaded (${error.message}); showing English.`),
    );
  }

  /** A newly loaded map: its labels in the language shown. */
  mapLoaded(map: MlMap): void {
    void this.labelMap(map, this.wanted);
  }

  /** The panel's switch: three buttons, each language named in itself; a choice becomes the element's `lang`. */
  renderSwitch() {
    return html`<div class="languages" role="group" aria-label=${this.texts.t('language')}>
      ${LANGS.map((lang) => html`<button type="button" lang=${lang} aria-pressed=${lang === this.wanted} @click=${() => this.host.setAttribute('lang', lang)}>${LANG_NAMES[lang]}</button>`)}
    </div>`;
  }

  /** Everything besides the messages that a language brings. */
  private show(lang: Lang): void {
    this.content = undefined;
    // The UI font reaches the styles as a custom property set through the CSSOM (a style
    // attribute would break a strict CSP); strike-map.styles.ts applies it, or the page's own.
    this.host.style.removeProperty('--_lang-font');
    const map = this.target.map();
    if (map) {
      localizeMap(map, this.texts);
      void this.labelMap(map, lang);
    }
    if (lang === 'en') return;
    const current = () => this.wanted === lang;
    void import('../data/content-i18n.ts')
      .then(({ loadContent }) => loadContent(lang))
      .then((content) => current() && ((this.content = content), this.host.requestUpdate()))
      .catch((error: unknown) => this.target.problem(this.texts.problem(problemOf(error))));
    void import('../i18n/fonts.ts').then(({ loadFonts, FONT_FAMILY }) =>
      loadFonts(lang).then(
        () => current() && this.host.style.setProperty('--_lang-font', FONT_FAMILY[lang]),
        (error: Error) => console.warn(error.message), // the system's fonts still show the text
      ),
    );
  }

  private async labelMap(map: MlMap, lang: Lang): Promise<void> {
    if (lang === 'en' && !this.labelled) return;
    this.labelled = true;
    const { applyMapLanguage } = await import('../map/language.ts');
    if (this.target.map() === map && this.wanted === lang) applyMapLanguage(map, lang);
  }
}
