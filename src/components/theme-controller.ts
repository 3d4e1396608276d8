/**
 * Resolves a <strike-map>'s `theme` (`light`, `dark` or `auto`) to the palette in use, following
 * the reader's system setting while it is `auto`, and marks the host with `data-theme`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { palettes, type Palette } from '../map/palette.ts';

export type Theme = 'light' | 'dark' | 'auto';
const THEMES: readonly string[] = ['light', 'dark', 'auto'];

export class ThemeController implements ReactiveController {
  resolved: 'light' | 'dark' = 'light';
  private query = matchMedia('(prefers-color-scheme: dark)');

  constructor(
    private host: ReactiveControllerHost & HTMLElement & { theme: Theme },
  ) {
    host.addController(this);
  }

  get palette(): Palette {
    return palettes[this.resolved];
  }

  hostConnected(): void {
    this.query.addEventListener('change', this.update);
    this.update();
  }

  hostDisconnected(): void {
    this.query.removeEventListener('change', this.update);
  }

  /** Anything but a known theme falls back to `auto`. */
  hostUpdate(): void {
    if (!THEMES.includes(this.host.theme)) this.host.theme = 'auto';
    this.update();
  }

  private update = (): void => {
    const theme = this.host.theme;
    const next = theme === 'auto' ? (this.query.matches ? 'dark' : 'light') : theme === 'dark' ? 'dark' : 'light';
    this.host.dataset.theme = next;
    if (next === this.resolved) return;
    this.resolved = next;
    this.host.requestUpdate();
  };
}
