/**
 * The language of a <strike-map>: its own `lang`, else the nearest `lang` up the tree, else the
 * browser's languages, else English. Watches those attributes, so setting `lang` re-renders the
 * element in place (same map); Urdu and Persian messages load on first use.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { chooseLang, type Lang } from '../i18n/lang.ts';
import { english, loadTexts, type Texts } from '../i18n/texts.ts';

export class LanguageController implements ReactiveController {
  /** The texts in use: English until another language has loaded. */
  texts: Texts = english;
  /** The language asked for (it may still be loading). */
  wanted: Lang = 'en';
  private observer?: MutationObserver;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private changed: (texts: Texts) => void = () => {},
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
        this.changed(texts);
        this.host.requestUpdate();
      },
      (error: Error) => console.warn(`strike-map: the ${lang} messages could not be loaded (${error.message}); showing English.`),
    );
  }
}
