// Import manifests dialog, opened from the toolbar. (Owned by the panels work.)
export function ImportDialog() {
  return null;
}
