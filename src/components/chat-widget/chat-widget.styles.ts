/**
 * Styles of `<chat-widget>`'s loader: a plain CSS string (no lit), adopted into its shadow root.
 * `:host { all: initial }` shields it from page CSS; every piece sets its own font and colours from
 * the `--atento-*` tokens (custom properties still inherit through `all`).
 */
export const styles = `
:host {
  all: initial;
  color-scheme: inherit;
}
/* The locals are read on .base, where brand-color sets --atento-color-accent. */
.base {
  --_font-family: var(--atento-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
  --_color-text: var(--atento-color-text, light-dark(#1d2330, #e7e9ef));
  --_color-surface: var(--atento-color-surface, light-dark(#ffffff, #171a21));
  --_color-accent: var(--atento-color-accent, light-dark(#1f5fd6, #86a8ff));
  --_color-on-accent: var(--atento-color-on-accent, light-dark(#ffffff, #0b1222));
  --_color-danger: var(--atento-color-danger, light-dark(#b42318, #ff8a80));
  --_color-focus: var(--atento-color-focus, light-dark(#1f5fd6, #a8c1ff));
  --_shadow: var(--atento-shadow, 0 1px 2px light-dark(rgb(16 24 40 / 0.06), rgb(0 0 0 / 0.4)), 0 4px 12px light-dark(rgb(16 24 40 / 0.08), rgb(0 0 0 / 0.35)));
  --_radius: var(--atento-radius, 8px);
  --_motion: 150ms;
  --_size: 56px;
  --_gap: 20px;
  --_bottom: max(var(--_gap), calc(env(safe-area-inset-bottom, 0px) + 8px));
  --_side: max(var(--_gap), calc(env(safe-area-inset-right, 0px) + 8px));
}
:host([hidden]) { display: none !important; }
[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }
.base {
  display: contents;
  font-family: var(--_font-family);
  font-size: 14px;
  line-height: 1.45;
  color: var(--_color-text);
}
.base.start { --_side: max(var(--_gap), calc(env(safe-area-inset-left, 0px) + 8px)); }
.launcher {
  all: initial;
  position: fixed;
  z-index: 2147483000;
  bottom: var(--_bottom);
  right: var(--_side);
  box-sizing: border-box;
  display: flex;
  align-items: center;
  justify-content: center;
  width: var(--_size);
  height: var(--_size);
  padding: 0;
  margin: 0;
  border: none;
  border-radius: 50%;
  background: var(--_color-accent);
  color: var(--_color-on-accent);
  box-shadow: var(--_shadow);
  cursor: pointer;
  font-family: var(--_font-family);
  transition: transform var(--_motion) ease-out;
  -webkit-tap-highlight-color: transparent;
}
.start .launcher { right: auto; left: var(--_side); }
.launcher:hover { transform: scale(1.06); }
.launcher:active { transform: scale(0.96); }
.launcher:focus-visible { outline: 3px solid var(--_color-focus); outline-offset: 3px; }
.icon { display: block; width: 28px; height: 28px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; pointer-events: none; }
.image { display: block; width: 100%; height: 100%; border-radius: 50%; object-fit: cover; pointer-events: none; }
.badge {
  position: absolute;
  top: -4px;
  right: -4px;
  min-width: 22px;
  height: 22px;
  padding: 0 6px;
  border-radius: 11px;
  border: 2px solid var(--_color-surface);
  background: var(--_color-danger);
  color: var(--_color-surface);
  font: 700 12px/18px var(--_font-family);
  text-align: center;
  pointer-events: none;
}
.start .badge { right: auto; left: -4px; }
.window {
  position: fixed;
  z-index: 2147483001;
  bottom: calc(var(--_bottom) + var(--_size) + 16px);
  right: var(--_side);
  width: min(380px, calc(100vw - 2 * var(--_gap)));
  height: min(640px, calc(100dvh - var(--_bottom) - var(--_size) - 16px - var(--_gap)));
  display: flex;
  flex-direction: column;
  border-radius: calc(var(--_radius) * 2);
  background: var(--_color-surface);
  color: var(--_color-text);
  box-shadow: var(--_shadow);
  overflow: hidden;
  animation: atento-rise var(--_motion) ease-out;
}
.start .window { right: auto; left: var(--_side); }
.window > * { flex: 1 1 auto; min-height: 0; }
.status {
  flex: 0 0 auto;
  margin: auto;
  padding: 16px;
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 12px;
  text-align: center;
  font-family: var(--_font-family);
  font-size: 14px;
}
.retry {
  all: initial;
  box-sizing: border-box;
  padding: 8px 16px;
  min-height: 40px;
  border-radius: var(--_radius);
  background: var(--_color-accent);
  color: var(--_color-on-accent);
  font: 600 14px var(--_font-family);
  cursor: pointer;
}
.retry:focus-visible { outline: 3px solid var(--_color-focus); outline-offset: 2px; }
@keyframes atento-rise { from { transform: translateY(12px); } }
@media (max-width: 479.98px) {
  .window, .start .window {
    inset: 0;
    width: 100%;
    height: 100%;
    height: 100dvh;
    border-radius: 0;
    padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px) 0 env(safe-area-inset-left, 0px);
  }
  .open .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) {
  .base { --_motion: 0ms; }
  .window { animation: none; }
}
@media (forced-colors: active) {
  .launcher, .badge { border: 2px solid ButtonText; }
}
`;
