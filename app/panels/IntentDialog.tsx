// Port/protocol dialog for a connection drawn on the canvas. (Owned by the panels work.)
export function IntentDialog() {
  return null;
}
